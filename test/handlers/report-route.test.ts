/**
 * GET /report on the links function: a digest's signed link (action `report`) answers the HTML report,
 * read from the registry (dynalite) the way `renewal-guard report` reads the embedded store; any other
 * token — tampered, expired, an acknowledge link — gets the same 403 page as /ack, and a report link
 * acknowledges nothing.
 */
import { createHash } from 'crypto';
import { functionUrlGet, functionUrlPostForm } from './link-events';
import { recordingLogger } from './recording-logger';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { ackUrl, reportUrl, signAckToken, type AckClaims } from '../../lambda/core/ack';
import type { ServiceConfig } from '../../lambda/core/model';
import { createAckAndCalendarHandler } from '../../lambda/handlers/ack-and-calendar/app';
import { guardConfig } from '../app/cycle-fixtures';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const SECRET_NAME = 'renewal-guard/links';
const SIGNING_KEY = 'test-link-signing-key-0123456789abcdef';
const NOW = new Date('2026-09-30T01:30:00Z'); // 09:30 in Asia/Shanghai
const BASE = 'https://abc123.lambda-url.ap-east-1.on.aws/';
const DIGEST_KEY = '_guard:digest:2026-09-28';
/** Still active in the registry, no longer in the file: the report shows it until the next cycle retires it. */
const REGISTRY_ONLY: ServiceConfig = {
  ...guardConfig().services[1]!,
  id: 'legacy-sms',
  name: 'Legacy SMS',
  project: 'legacy',
  expiresOn: '2026-10-02',
};

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

async function setup(options: { tableName?: string } = {}) {
  const config = guardConfig();
  const tableName = options.tableName ?? (await dynamo.createRegistryTable());
  const registry = new DynamoRegistry({ tableName, client: dynamo.client });
  if (options.tableName === undefined) {
    await registry.syncDeclaredServices([...config.services, REGISTRY_ONLY], NOW.toISOString());
    await registry.saveAccountStates([
      {
        accountId: 'contracts',
        consecutiveFailures: 0,
        currency: 'USD',
        history: [
          { date: '2026-09-28', balance: 900, spend: 40 },
          { date: '2026-09-29', balance: 860, spend: 40 },
          { date: '2026-09-30', balance: 820, spend: 40 },
        ],
      },
    ]);
  }
  const { logs, logger } = recordingLogger();
  const handle = createAckAndCalendarHandler({
    config,
    registry,
    secrets: { resolve: async () => ({ linkSigningKey: SIGNING_KEY, feedToken: 'feed-token-0123456789abcdef' }) },
    secretName: SECRET_NAME,
    clock: () => NOW,
    logger,
  });
  return { handle, registry, logs, config };
}

function token(claims: Partial<AckClaims> = {}, key = SIGNING_KEY): string {
  return signAckToken(
    { key: DIGEST_KEY, expiresAt: new Date('2026-10-14T01:30:00Z'), action: 'report', ...claims },
    key,
  );
}

const get = (url: string) => functionUrlGet(url, NOW);

describe('the report page', () => {
  it('answers a valid report link with the HTML report naming every service, declared or still in the registry', async () => {
    // Prepare
    const { handle, config, logs } = await setup();

    // Act
    const response = await handle(get(reportUrl(BASE, token())));

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/^<!DOCTYPE html>/);
    for (const id of [...config.services.map((s) => s.id), REGISTRY_ONLY.id]) expect(response.body).toContain(id);
    expect(response.body).toContain('Generated <b>2026-09-30 09:30</b>');
    // the account's daily balances from the registry are drawn as its runway chart
    expect(response.body).toContain('<svg class="runway"');
    expect(logs).toContainEqual({ level: 'info', message: 'report served', extra: { services: 3, accounts: 1 } });
  });

  it('sends it uncached, unframed, unsniffed, without a referrer, under a policy that allows exactly its styles', async () => {
    const { handle } = await setup();

    const response = await handle(get(reportUrl(BASE, token())));

    const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const sheet = /<style>([\s\S]*?)<\/style>/.exec(response.body)![1]!;
    const attributes = [...new Set([...response.body.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1]!))];
    expect(attributes.length).toBeGreaterThan(3);
    expect(response.headers).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy':
        `default-src 'none'; style-src ${sha(sheet)} 'unsafe-hashes' ${attributes.map(sha).join(' ')}; ` +
        "form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-robots-tag': 'noindex',
    });
    // self-contained: nothing to fetch, nothing to run
    expect(response.body).not.toMatch(/<script|<link|<img|\ssrc=|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });

  it.each([
    ['a tampered token', () => `${token().slice(0, -1)}${token().endsWith('A') ? 'B' : 'A'}`, 'bad-signature'],
    ['a token signed with another key', () => token({}, `${SIGNING_KEY}-rotated`), 'bad-signature'],
    ['an expired token', () => token({ expiresAt: NOW }), 'expired'],
    ['an acknowledge token', () => token({ key: 'live-rtc:expiry:2026-10-09:7', action: 'ack' }), 'wrong-action'],
    [
      'a snooze token',
      () => token({ key: 'live-rtc:expiry:2026-10-09:7', action: 'snooze', snoozeDays: 3 }),
      'wrong-action',
    ],
    ['no token', () => '', 'malformed'],
  ])('refuses %s with the 403 page /ack gives, naming nothing but why in the log', async (_, makeToken, reason) => {
    // Prepare
    const { handle, logs, config } = await setup();
    const t = makeToken();

    // Act
    const response = await handle(get(reportUrl(BASE, t)));

    // Assess
    expect(response.statusCode).toBe(403);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.body).toContain(
      '<h1>This link does not work</h1><p>The link is not valid, or it has expired. Use the link in a newer digest',
    );
    for (const service of config.services) expect(response.body).not.toContain(service.id);
    expect(logs).toEqual([{ level: 'warn', message: 'report link refused', extra: { reason } }]);
    if (t !== '') expect(JSON.stringify(logs)).not.toContain(t);
  });

  it('is refused by /ack: a report link acknowledges nothing, on GET or POST', async () => {
    // Prepare
    const { handle, registry, logs } = await setup();
    const t = token();

    // Act
    const shown = await handle(get(ackUrl(BASE, t)));
    const posted = await handle(functionUrlPostForm(`${BASE}ack`, { t }, NOW));

    // Assess
    expect([shown.statusCode, posted.statusCode]).toEqual([403, 403]);
    expect(shown.body).toContain('run renewal-guard ack with the alert key');
    expect(await registry.getAcknowledgement(DIGEST_KEY)).toBeUndefined();
    expect(logs).toEqual([
      { level: 'warn', message: 'acknowledge link refused', extra: { reason: 'wrong-action' } },
      { level: 'warn', message: 'acknowledge link refused', extra: { reason: 'wrong-action' } },
    ]);
  });

  it('answers 500 and a retry page when the registry cannot be read, the reason in the log only', async () => {
    // Prepare
    const { handle, logs } = await setup({ tableName: 'no-such-table' });

    // Act
    const response = await handle(get(reportUrl(BASE, token())));

    // Assess
    expect(response.statusCode).toBe(500);
    expect(response.body).toContain('The report could not be read. Try again in a minute.');
    expect(response.body).not.toContain('no-such-table');
    expect(logs.map((l) => [l.level, l.message])).toEqual([['error', 'request failed']]);
  });

  it('answers 404 to other methods on /report', async () => {
    const { handle } = await setup();

    const response = await handle(functionUrlPostForm(`${BASE}report`, { t: token() }, NOW));

    expect(response.statusCode).toBe(404);
  });
});
