/**
 * The shipped links bundle behind an API Gateway HTTP API (payload format 2.0), where function URLs do
 * not exist: the same link opens the same confirm page, the page's form (base64-encoded by API Gateway)
 * records the acknowledgement, and the feed answers, as they do through a function URL.
 */
import * as fs from 'fs';
import { invokeBundle, localAwsEnv, pinnedClock, stageCode, type PinnedClock } from './bundle-runner';
import { startFakeAws, type FakeAws } from './fake-aws';
import { functionUrlGet, httpApiEvent } from './link-events';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { signAckToken } from '../../lambda/core/ack';
import { ENV_LINK_SECRET_NAME, ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { guardConfig } from '../app/cycle-fixtures';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const NOW = new Date('2026-09-30T01:30:00Z');
const API = 'https://abc123.execute-api.ap-southeast-5.amazonaws.com/';
const LINK_SECRET = 'renewal-guard/links';
const SIGNING_KEY = 'bundled-link-signing-key-0123456789abcdef';
const FEED_TOKEN = 'bundled-feed-token-0123456789';
const KEY = 'live-rtc:expiry:2026-10-09:7';

interface Answer {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

let dynamo: LocalDynamo;
let aws: FakeAws;
let codeRoot: string;
let clock: PinnedClock;
let table: string;
const config = guardConfig();

beforeAll(async () => {
  [dynamo, aws] = await Promise.all([startDynalite(), startFakeAws()]);
  aws.putSecret(LINK_SECRET, { linkSigningKey: SIGNING_KEY, feedToken: FEED_TOKEN });
  codeRoot = stageCode(['ack-and-calendar'], config);
  clock = pinnedClock();
  table = await dynamo.createRegistryTable();
  await new DynamoRegistry({ tableName: table, client: dynamo.client }).syncDeclaredServices(
    config.services,
    NOW.toISOString(),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all([dynamo.stop(), aws.stop()]);
  fs.rmSync(codeRoot, { recursive: true, force: true });
  clock.dispose();
});

async function invoke(event: unknown): Promise<Answer> {
  const env = {
    ...localAwsEnv({ dynamodb: dynamo.endpoint, secretsManager: aws.endpoint }),
    ...clock.env(NOW),
    [ENV_REGISTRY_TABLE]: table,
    [ENV_LINK_SECRET_NAME]: LINK_SECRET,
  };
  const { outcome } = await invokeBundle(codeRoot, 'ack-and-calendar', event, env);
  if (!outcome.startsWith('RESULT ')) throw new Error(`the bundle failed: ${outcome}`);
  return JSON.parse(outcome.slice('RESULT '.length)) as Answer;
}

function ackToken(): string {
  return signAckToken({ key: KEY, expiresAt: new Date('2026-10-10T00:00:00Z'), action: 'ack' }, SIGNING_KEY);
}

describe('the bundled links function behind an HTTP API', () => {
  it('shows the confirm page of a link, then records the acknowledgement its base64-encoded form posts', async () => {
    // Prepare
    const token = ackToken();
    const registry = new DynamoRegistry({ tableName: table, client: dynamo.client });

    // Act
    const page = await invoke(httpApiEvent('GET', `${API}ack?t=${token}`, NOW));
    const posted = await invoke(httpApiEvent('POST', `${API}ack`, NOW, { form: { t: token } }));

    // Assess
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<form method="post" action="ack">');
    expect(page.body).toContain(`value="${token}"`);
    expect(posted.statusCode).toBe(200);
    expect(await registry.getAcknowledgement(KEY)).toMatchObject({ key: KEY, by: 'link', at: NOW.toISOString() });
  }, 60_000);

  it('answers the calendar feed exactly as the function URL does', async () => {
    // Act
    const viaApi = await invoke(httpApiEvent('GET', `${API}calendar.ics?token=${FEED_TOKEN}`, NOW));
    const viaUrl = await invoke(
      functionUrlGet(`https://abc123.lambda-url.ap-east-1.on.aws/calendar.ics?token=${FEED_TOKEN}`, NOW),
    );

    // Assess
    expect(viaApi.statusCode).toBe(200);
    expect(viaApi.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(viaApi.body).toContain('BEGIN:VCALENDAR');
    expect(viaApi).toEqual(viaUrl);
  }, 60_000);

  it('routes by the path after the stage name on a named stage, and refuses a wrong feed token', async () => {
    // Act
    const named = await invoke(
      httpApiEvent('GET', `${API}prod/calendar.ics?token=${FEED_TOKEN}`, NOW, { stage: 'prod' }),
    );
    const wrong = await invoke(httpApiEvent('GET', `${API}calendar.ics?token=not-the-token`, NOW));
    const unknown = await invoke(httpApiEvent('GET', `${API}prod/ack`, NOW));

    // Assess
    expect(named.statusCode).toBe(200);
    expect(wrong.statusCode).toBe(403);
    // on the $default stage "/prod/ack" is a path of its own, not the ack route
    expect(unknown.statusCode).toBe(404);
  }, 60_000);
});
