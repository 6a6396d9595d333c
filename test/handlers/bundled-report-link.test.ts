/**
 * The digest's report link end to end through the shipped bundles: the notifier sends a digest with
 * "Full report: <signed link>" (and an expiry alert without one), and the links function answers that
 * very link with the report read from the registry — until the link's fortnight is over. Both processes
 * run on a pinned clock (a preload), as Lambda would on the story's dates.
 */
import * as fs from 'fs';
import { invokeBundle, localAwsEnv, pinnedClock, stageCode, type PinnedClock } from './bundle-runner';
import { startFakeAws, type FakeAws } from './fake-aws';
import { functionUrlGet } from './link-events';
import { claimForSns, expiryAlert, snsEvent } from './notifier-fixtures';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import type { Alert } from '../../lambda/core/model';
import { ENV_ACK_BASE_URL, ENV_LINK_SECRET_NAME, ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { guardConfig } from '../app/cycle-fixtures';
import { startDynalite, type LocalDynamo } from '../support/dynalite';
import { PlatformReceivers } from '../support/receivers';

const NOW = new Date('2026-09-30T01:30:00Z');
const FORTNIGHT_LATER = new Date(NOW.getTime() + 14 * 86_400_000);
const BASE = 'https://abc123.lambda-url.ap-east-1.on.aws/';
const LINK_SECRET = 'renewal-guard/links';
const digest: Alert = {
  key: '_guard:digest:2026-09-28',
  kind: 'digest' as Alert['kind'],
  severity: 'info',
  date: '2026-09-28',
  owners: [],
  channels: ['hooks'],
  message: 'Expiring within 30 days:\n- Live app RTC (live-app): 2026-10-09, 9 days',
};
const expiry = expiryAlert(['hooks']);

let dynamo: LocalDynamo;
let aws: FakeAws;
let receivers: PlatformReceivers;
let codeRoot: string;
let clock: PinnedClock;
const config = guardConfig({ channels: [{ id: 'hooks', type: 'webhook', secret: 'renewal-guard/webhook' }] });

beforeAll(async () => {
  [dynamo, aws, receivers] = await Promise.all([
    startDynalite(),
    startFakeAws(),
    // the webhook signature carries the sender's (pinned) time; the receiver checks it against the same
    PlatformReceivers.start({ now: () => NOW.getTime() }),
  ]);
  aws.putSecret('renewal-guard/webhook', receivers.secrets.webhook);
  aws.putSecret(LINK_SECRET, { linkSigningKey: 'bundled-link-signing-key-0123456789abcdef' });
  codeRoot = stageCode(['notify', 'ack-and-calendar'], config);
  clock = pinnedClock();
}, 60_000);

afterAll(async () => {
  await Promise.all([dynamo.stop(), aws.stop(), receivers.close()]);
  fs.rmSync(codeRoot, { recursive: true, force: true });
  clock.dispose();
});

async function invoke(handler: string, event: unknown, table: string, at: Date): Promise<string> {
  const env = {
    ...localAwsEnv({ dynamodb: dynamo.endpoint, secretsManager: aws.endpoint }),
    ...clock.env(at),
    [ENV_REGISTRY_TABLE]: table,
    [ENV_LINK_SECRET_NAME]: LINK_SECRET,
    [ENV_ACK_BASE_URL]: BASE,
  };
  return (await invokeBundle(codeRoot, handler, event, env)).outcome;
}

describe('the bundled report link', () => {
  it('goes out with the digest only, and opens the report from the registry for a fortnight', async () => {
    // Prepare
    const table = await dynamo.createRegistryTable();
    const registry = new DynamoRegistry({ tableName: table, client: dynamo.client });
    await registry.syncDeclaredServices(config.services, NOW.toISOString());
    for (const alert of [digest, expiry]) {
      await claimForSns(registry, alert, NOW.toISOString());
    }
    const before = receivers.accepted('webhook').length;

    // Act
    const sent = await invoke('notify', snsEvent([digest, expiry]), table, NOW);
    const bodies = receivers
      .accepted('webhook')
      .slice(before)
      .map((r) => r.body as { key: string; ackUrl: string | null; reportUrl?: string });
    const link = bodies.find((b) => b.key === digest.key)?.reportUrl ?? '';
    const opened = await invoke('ack-and-calendar', functionUrlGet(link, NOW), table, NOW);
    const late = await invoke('ack-and-calendar', functionUrlGet(link, FORTNIGHT_LATER), table, FORTNIGHT_LATER);

    // Assess
    expect(sent).toBe('RESULT {"delivered":2}');
    expect(link).toMatch(/^https:\/\/abc123\.lambda-url\.ap-east-1\.on\.aws\/report\?t=[\w-]+\.[\w-]{43}$/);
    expect(bodies.find((b) => b.key === digest.key)?.ackUrl).toBeNull();
    const other = bodies.find((b) => b.key === expiry.key)!;
    expect(other.reportUrl).toBeUndefined();
    expect(other.ackUrl).toMatch(/\/ack\?t=/);

    const page = JSON.parse(opened.replace(/^RESULT /, '')) as {
      statusCode: number;
      headers: Record<string, string>;
      body: string;
    };
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-/);
    for (const service of config.services) expect(page.body).toContain(service.id);
    expect(JSON.parse(late.replace(/^RESULT /, '')).statusCode).toBe(403);
  }, 120_000);
});
