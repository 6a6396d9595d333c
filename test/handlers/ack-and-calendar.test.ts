import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type * as SecretsManagerSdk from '@aws-sdk/client-secrets-manager';
import type { LambdaFunctionURLEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { recordingLogger } from './recording-logger';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { initialAccountState } from '../../lambda/core/accounts';
import { ackUrl, signAckToken, type AckClaims } from '../../lambda/core/ack';
import type { GuardConfig } from '../../lambda/core/model';
import type * as HandlerModuleExports from '../../lambda/handlers/ack-and-calendar';
import { createAckAndCalendarHandler, type AckAndCalendarDeps } from '../../lambda/handlers/ack-and-calendar/app';
import { CONFIG_ASSET_FILE, ENV_LINK_SECRET_NAME, ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { guardConfig } from '../app/cycle-fixtures';
import { parsedEvents } from '../ics/parse-ics';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const SECRET_NAME = 'renewal-guard/links';
const SIGNING_KEY = 'test-link-signing-key-0123456789abcdef';
const FEED_TOKEN = 'feed-token-0123456789abcdef';
const NOW = new Date('2026-09-30T01:30:00Z'); // 09:30 in Asia/Shanghai
const KEY = 'live-rtc:expiry:2026-10-09:7';
const BASE = 'https://abc123.lambda-url.ap-east-1.on.aws/';

type HandlerModule = typeof HandlerModuleExports;

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

async function setup(overrides: Partial<AckAndCalendarDeps> = {}, secret: Record<string, string> = {}) {
  const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
  const { logs, logger } = recordingLogger();
  const secretsRead: string[] = [];
  const handle = createAckAndCalendarHandler({
    config: guardConfig(),
    registry,
    secrets: {
      resolve: async (name) => {
        secretsRead.push(name);
        if (name !== SECRET_NAME) throw new Error(`secret "${name}" could not be read (ResourceNotFoundException)`);
        return { linkSigningKey: SIGNING_KEY, feedToken: FEED_TOKEN, ...secret };
      },
    },
    secretName: SECRET_NAME,
    clock: () => NOW,
    logger,
    ...overrides,
  });
  return { handle, registry, logs, secretsRead };
}

function token(claims: Partial<AckClaims> = {}, key = SIGNING_KEY): string {
  return signAckToken({ key: KEY, expiresAt: new Date('2026-10-10T00:00:00Z'), action: 'ack', ...claims }, key);
}

/** A function URL event (payload format 2.0), as AWS delivers it. */
function urlEvent(
  method: string,
  target: string,
  options: { body?: string; base64?: boolean; contentType?: string } = {},
): LambdaFunctionURLEvent {
  const url = new URL(target, BASE);
  const body =
    options.body === undefined
      ? undefined
      : options.base64
        ? Buffer.from(options.body).toString('base64')
        : options.body;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    headers: {
      host: url.host,
      'user-agent': 'Mozilla/5.0',
      ...(options.contentType ? { 'content-type': options.contentType } : {}),
    },
    ...(url.search ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc123',
      domainName: url.host,
      domainPrefix: 'abc123',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Mozilla/5.0' },
      requestId: 'request-1',
      routeKey: '$default',
      stage: '$default',
      time: '30/Sep/2026:01:30:00 +0000',
      timeEpoch: NOW.getTime(),
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: options.base64 === true,
  };
}

function formPost(t: string, base64 = false): LambdaFunctionURLEvent {
  return urlEvent('POST', '/ack', {
    body: new URLSearchParams({ t }).toString(),
    base64,
    contentType: 'application/x-www-form-urlencoded',
  });
}

/** The page's visible text, tags dropped, entities of the escaper decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<style>.*?<\/style>/s, '')
    .replace(/<title>.*?<\/title>/s, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, ' ')
    .trim();
}

describe('the acknowledge endpoint', () => {
  it('shows what a valid link acknowledges and asks for one click, recording nothing yet', async () => {
    // Prepare
    const { handle, registry } = await setup();
    const t = token();

    // Act
    const response = await handle(urlEvent('GET', ackUrl(BASE, t)));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(visibleText(response.body)).toBe(
      'Acknowledge this reminder? Live app RTC (project live-app): the reminder 7 days before its expiry on 2026-10-09. ' +
        `Alert key: ${KEY} Acknowledging stops the repeats and escalations of this reminder. ` +
        'The next reminder still comes, and a renewal clears this one. Acknowledge',
    );
    expect(response.body).toContain(`<form method="post" action="ack"><input type="hidden" name="t" value="${t}">`);
    expect(await registry.getAcknowledgement(KEY)).toBeUndefined();
  });

  it('records the acknowledgement when the button posts the token back', async () => {
    const { handle, registry, logs } = await setup();

    const response = await handle(formPost(token()));

    expect(response.statusCode).toBe(200);
    expect(visibleText(response.body)).toBe(
      'Acknowledged Live app RTC (project live-app): the reminder 7 days before its expiry on 2026-10-09. ' +
        `Alert key: ${KEY} Its repeats and escalations stop. The next reminder still comes, and a renewal clears this one.`,
    );
    expect(await registry.getAcknowledgement(KEY)).toEqual({ key: KEY, by: 'link', at: '2026-09-30T01:30:00.000Z' });
    expect(logs).toEqual([
      { level: 'info', message: 'acknowledgement', extra: { key: KEY, action: 'ack', status: 'recorded' } },
    ]);
  });

  it('reads a form body that the function URL delivered base64-encoded', async () => {
    const { handle, registry } = await setup();

    const response = await handle(formPost(token(), true));

    expect(response.statusCode).toBe(200);
    expect(await registry.getAcknowledgement(KEY)).toBeDefined();
  });

  it('answers a replay with "already acknowledged" and changes nothing', async () => {
    const { handle, registry } = await setup();
    await handle(formPost(token()));
    const later = await setup({ registry, clock: () => new Date('2026-09-30T06:00:00Z') });

    const replayed = await later.handle(formPost(token()));
    const reopened = await later.handle(urlEvent('GET', ackUrl(BASE, token())));

    for (const response of [replayed, reopened]) {
      expect(response.statusCode).toBe(200);
      expect(visibleText(response.body)).toBe(
        'Already acknowledged Live app RTC (project live-app): the reminder 7 days before its expiry on 2026-10-09. ' +
          `Alert key: ${KEY} This reminder was acknowledged at 2026-09-30 09:30 (Asia/Shanghai). Nothing changed.`,
      );
    }
    expect(await registry.getAcknowledgement(KEY)).toEqual({ key: KEY, by: 'link', at: '2026-09-30T01:30:00.000Z' });
  });

  it("acknowledges an escalation's or a repeat's link on its episode's key", async () => {
    const { handle, registry } = await setup();

    const escalation = await handle(formPost(token({ key: `${KEY}:escalated` })));
    const repeat = await handle(urlEvent('GET', ackUrl(BASE, token({ key: `${KEY}:repeat:2026-10-01` }))));

    expect(visibleText(escalation.body)).toContain(`Acknowledged Live app RTC (project live-app): the reminder 7 days`);
    expect(visibleText(repeat.body)).toMatch(/^Already acknowledged /);
    expect(await registry.getAcknowledgement(KEY)).toEqual({ key: KEY, by: 'link', at: '2026-09-30T01:30:00.000Z' });
  });

  it('snoozes for the days the link names, counted from the click', async () => {
    const { handle, registry } = await setup();
    const t = token({ action: 'snooze', snoozeDays: 3 });

    const asked = await handle(urlEvent('GET', ackUrl(BASE, t)));
    const done = await handle(formPost(t));

    expect(visibleText(asked.body)).toMatch(
      /^Snooze this reminder\? .* Snoozing pauses the repeats and escalations of this reminder for 3 days\. Snooze for 3 days$/,
    );
    expect(visibleText(done.body)).toBe(
      'Snoozed Live app RTC (project live-app): the reminder 7 days before its expiry on 2026-10-09. ' +
        `Alert key: ${KEY} Its repeats and escalations pause until 2026-10-03 09:30 (Asia/Shanghai).`,
    );
    expect(await registry.getAcknowledgement(KEY)).toEqual({
      key: KEY,
      by: 'link',
      at: '2026-09-30T01:30:00.000Z',
      until: '2026-10-03T01:30:00.000Z',
    });
  });

  it('asks again once a snooze has run out', async () => {
    const { handle, registry } = await setup();
    await handle(formPost(token({ action: 'snooze', snoozeDays: 1 })));
    const nextDay = await setup({ registry, clock: () => new Date('2026-10-01T02:00:00Z') });

    const response = await nextDay.handle(urlEvent('GET', ackUrl(BASE, token())));

    expect(visibleText(response.body)).toMatch(/^Acknowledge this reminder\?/);
  });

  it.each([
    ['a token signed with another key', () => token({}, 'another-link-signing-key-0123456789abcdef'), 'bad-signature'],
    ['an expired token', () => token({ expiresAt: new Date('2026-09-30T01:29:59Z') }), 'expired'],
    [
      'a token whose claims were changed',
      () =>
        `${Buffer.from('{"v":1,"k":"voice-room:expiry:2026-10-20:7","a":"ack","e":1791590400}').toString('base64url')}.` +
        token().split('.')[1],
      'bad-signature',
    ],
    ['a malformed token', () => 'not-a-token', 'malformed'],
    ['no token', () => '', 'malformed'],
  ])('refuses %s with 403 and the one generic page, for GET and POST alike', async (_what, make, reason) => {
    // Prepare
    const { handle, registry, logs } = await setup();
    const t = make();

    // Act
    const shown = await handle(urlEvent('GET', `/ack?t=${encodeURIComponent(t)}`));
    const posted = await handle(formPost(t));

    // Assess: nothing recorded, nothing said about why, the reason only in the log
    for (const response of [shown, posted]) {
      expect(response.statusCode).toBe(403);
      expect(visibleText(response.body)).toBe(
        'This link does not work The link is not valid, or it has expired. ' +
          'Use the link in a newer message, or run renewal-guard ack with the alert key.',
      );
    }
    expect(await registry.getAcknowledgement(KEY)).toBeUndefined();
    expect(logs).toEqual([
      { level: 'warn', message: 'acknowledge link refused', extra: { reason } },
      { level: 'warn', message: 'acknowledge link refused', extra: { reason } },
    ]);
  });

  it('escapes what it shows: a service name cannot inject markup', async () => {
    const config = guardConfig({
      services: [
        {
          id: 'live-rtc',
          name: '<script>alert(1)</script>',
          project: 'live-app',
          kind: 'subscription',
          expiresOn: '2026-10-09',
          owners: ['alice@example.com'],
        },
      ],
    });
    const { handle } = await setup({ config });

    const response = await handle(urlEvent('GET', ackUrl(BASE, token())));

    expect(response.body).not.toContain('<script>');
    expect(response.body).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('speaks Chinese when the config language is zh-CN', async () => {
    const config: GuardConfig = { ...guardConfig(), language: 'zh-CN' };
    const { handle } = await setup({ config });

    const response = await handle(formPost(token()));

    expect(response.body).toContain('<html lang="zh-CN">');
    expect(visibleText(response.body)).toBe(
      `已确认收到 Live app RTC（项目 live-app）：到期日 2026-10-09 前 7 天的提醒。 告警键： ${KEY} ` +
        '这条提醒不再重复，也不再升级。下一档提醒仍会照常发送；续费后本次确认自动失效。',
    );
  });

  it('sends pages that cannot be cached, framed, sniffed or leak their URL, allowing only their own style', async () => {
    const { handle } = await setup();

    const response = await handle(urlEvent('GET', ackUrl(BASE, token())));

    const style = /<style>(.*?)<\/style>/s.exec(response.body)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(response.headers).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`,
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-robots-tag': 'noindex',
    });
    expect(response.body).not.toMatch(/<script|https?:\/\//);
  });

  it('answers 500 and a retry page when the registry fails, logging the reason but never the token', async () => {
    const broken = new DynamoRegistry({ tableName: 'no-such-table', client: dynamo.client });
    const { handle, logs } = await setup({ registry: broken });
    const t = token();

    const response = await handle(formPost(t));

    expect(response.statusCode).toBe(500);
    expect(visibleText(response.body)).toBe(
      'Something went wrong The acknowledgement could not be recorded. Try again in a minute.',
    );
    expect(logs).toEqual([
      {
        level: 'error',
        message: 'request failed',
        extra: {
          route: '/ack',
          method: 'POST',
          error:
            'registry table "no-such-table": acknowledge (PutItem) failed: ResourceNotFoundException: Requested resource not found',
        },
      },
    ]);
    expect(JSON.stringify(logs)).not.toContain(t.split('.')[1]);
  });

  it('answers 500 when the signing key in the secret is too short, naming the field and not its value', async () => {
    const { handle, logs } = await setup({}, { linkSigningKey: 'short' });

    const response = await handle(urlEvent('GET', ackUrl(BASE, token())));

    expect(response.statusCode).toBe(500);
    expect(logs.map((l) => l.extra?.error)).toEqual([
      'secret "renewal-guard/links": field "linkSigningKey" must hold at least 32 characters',
    ]);
  });
});

describe('the calendar feed', () => {
  it('serves the expiry calendar for the feed token', async () => {
    const { handle } = await setup();

    const response = await handle(urlEvent('GET', `/calendar.ics?token=${FEED_TOKEN}`));

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, max-age=900');
    expect(parsedEvents(response.body).map((e) => e.uid)).toEqual([
      'live-rtc-2026-10-09@renewal-guard',
      'voice-room-2026-10-20@renewal-guard',
    ]);
  });

  it('dates a service that follows its vendor entitlement at the expiry the last poll saw, as the reminders do', async () => {
    // Prepare: live-rtc declares 2026-10-09; the vendor showed it renewed to 2027-10-09 at the last poll
    const config = guardConfig({
      accounts: [{ id: 'ali-main', vendor: 'alibaba', credentials: 'renewal-guard/ali-main' }],
      services: [
        {
          id: 'live-rtc',
          name: 'Live app RTC',
          project: 'live-app',
          account: 'ali-main',
          entitlement: 'rtc-cn-7x1',
          kind: 'subscription',
          expiresOn: '2026-10-09',
          owners: ['alice@example.com'],
        },
      ],
    });
    const { handle, registry } = await setup({ config });
    await registry.saveAccountStates([
      {
        ...initialAccountState('ali-main'),
        entitlements: [{ id: 'rtc-cn-7x1', name: 'ARTC plan', expiresOn: '2027-10-09' }],
      },
    ]);

    const response = await handle(urlEvent('GET', `/calendar.ics?token=${FEED_TOKEN}`));

    expect(response.statusCode).toBe(200);
    expect(parsedEvents(response.body).map((e) => e.uid)).toEqual(['live-rtc-2027-10-09@renewal-guard']);
  });

  it.each([
    ['a wrong token', `/calendar.ics?token=${FEED_TOKEN.slice(0, -1)}x`],
    ['a longer token', `/calendar.ics?token=${FEED_TOKEN}x`],
    ['no token', '/calendar.ics'],
    ['the link signing key', `/calendar.ics?token=${SIGNING_KEY}`],
  ])('refuses %s with 403', async (_what, target) => {
    const { handle, logs } = await setup();

    const response = await handle(urlEvent('GET', target));

    expect(response.statusCode).toBe(403);
    expect(response.body).not.toContain('BEGIN:VCALENDAR');
    expect(logs).toEqual([{ level: 'warn', message: 'calendar feed refused', extra: { reason: 'wrong token' } }]);
  });

  it('stays closed when the secret holds no feed token, and says so in the log once', async () => {
    const { handle, logs } = await setup({
      secrets: { resolve: async () => ({ linkSigningKey: SIGNING_KEY }) },
    });

    const first = await handle(urlEvent('GET', '/calendar.ics?token='));
    const second = await handle(urlEvent('GET', '/calendar.ics?token=anything'));

    expect([first.statusCode, second.statusCode]).toEqual([403, 403]);
    expect(logs).toEqual([
      {
        level: 'warn',
        message: 'secret "renewal-guard/links" has no field "feedToken": the calendar feed stays closed',
      },
      { level: 'warn', message: 'calendar feed refused', extra: { reason: 'feed closed' } },
      { level: 'warn', message: 'calendar feed refused', extra: { reason: 'feed closed' } },
    ]);
  });

  it('stays closed when the feed token is too short to be safe', async () => {
    const { handle, logs } = await setup({}, { feedToken: 'short' });

    const response = await handle(urlEvent('GET', '/calendar.ics?token=short'));

    expect(response.statusCode).toBe(403);
    expect(logs[0]!.message).toBe(
      'secret "renewal-guard/links": field "feedToken" is shorter than 16 characters: the calendar feed stays closed',
    );
  });
});

describe('other requests', () => {
  it.each([
    ['GET', '/'],
    ['GET', '/ack/'],
    ['PUT', '/ack'],
    ['DELETE', '/ack'],
    ['POST', '/calendar.ics'],
    ['GET', '/calendar.ics/x'],
    ['GET', '/favicon.ico'],
  ])('answers %s %s with 404 without reading the secret', async (method, target) => {
    const { handle, secretsRead } = await setup();

    const response = await handle(urlEvent(method, target));

    expect(response.statusCode).toBe(404);
    expect(visibleText(response.body)).toBe('Not found There is nothing here.');
    expect(secretsRead).toEqual([]);
  });
});

describe('the deployed handler module', () => {
  const saved = { ...process.env };
  let codeRoot: string;
  beforeAll(() => {
    codeRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-ack-'));
    fs.writeFileSync(path.join(codeRoot, CONFIG_ASSET_FILE), JSON.stringify(guardConfig()));
  });
  afterAll(() => fs.rmSync(codeRoot, { recursive: true, force: true }));
  afterEach(() => {
    process.env = { ...saved };
  });

  it('wires the staged config, the registry table and the named secret from its environment', async () => {
    // Prepare: the construct's environment, DynamoDB on dynalite, and Secrets Manager mocked in the
    // module registry the handler is loaded into (a fresh one, so its first invocation reads this env)
    const table = await dynamo.createRegistryTable();
    Object.assign(process.env, {
      LAMBDA_TASK_ROOT: codeRoot,
      AWS_REGION: 'ap-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'fake-secret-for-local-endpoints',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      [ENV_REGISTRY_TABLE]: table,
      [ENV_LINK_SECRET_NAME]: SECRET_NAME,
    });
    let handler!: HandlerModule['handler'];
    let secretsManager!: ReturnType<typeof mockClient>;
    jest.isolateModules(() => {
      const sdk = jest.requireActual<typeof SecretsManagerSdk>('@aws-sdk/client-secrets-manager');
      secretsManager = mockClient(sdk.SecretsManagerClient);
      secretsManager
        .on(sdk.GetSecretValueCommand, { SecretId: SECRET_NAME })
        .resolves({ SecretString: JSON.stringify({ linkSigningKey: SIGNING_KEY, feedToken: FEED_TOKEN }) });
      handler = jest.requireActual<HandlerModule>('../../lambda/handlers/ack-and-calendar').handler;
    });

    try {
      // Act
      const acknowledged = await handler(formPost(token({ expiresAt: new Date('2999-01-01T00:00:00Z') })));
      const feed = await handler(urlEvent('GET', `/calendar.ics?token=${FEED_TOKEN}`));

      // Assess
      expect(acknowledged).toMatchObject({ statusCode: 200 });
      expect(feed).toMatchObject({ statusCode: 200 });
      const registry = new DynamoRegistry({ tableName: table, client: dynamo.client });
      expect(await registry.getAcknowledgement(KEY)).toMatchObject({ key: KEY, by: 'link' });
      expect(secretsManager.calls()).toHaveLength(1); // read once, kept for the container's life
    } finally {
      secretsManager.restore();
    }
  });
});
