/**
 * Two cycles at once — overlapping schedules, a Lambda duplicate, a manual `check --send` during the
 * daily run — over one registry table: the ledger's conditional claim lets each key fire once, and each
 * alert reaches each target once. In process (two registries on two clients), and as two bundled
 * poll-and-evaluate processes racing on one table.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { guardConfig, NO_HTTP, NO_SECRETS, RecordingPublisher } from '../app/cycle-fixtures';
import { invokeBundle, localAwsEnv, stageCode } from '../handlers/bundle-runner';
import { startFakeAws, type FakeAws } from '../handlers/fake-aws';
import { claimedKeys, countDeliveries, freshRegistry, onceEach } from './support/delivery-count';
import { runCycle } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { localDocumentClient } from '../../lambda/cli/embedded-store';
import type { Alert } from '../../lambda/core/model';
import { defaultVendorAdapters } from '../../lambda/vendors';
import { ENV_GUARD_NAME } from '../../src/shared/metrics-schema';
import { ENV_ALERT_TOPIC_ARN, ENV_EVENT_BUS_NAME, ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const SEP_30 = new Date('2026-09-30T09:30:00+08:00');
const TARGETS = ['sns', 'eventbridge'];

/** Five services due on 2026-09-30, so the two cycles' claims and deliveries interleave. */
const SERVICES = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({
  id: `svc-${id}`,
  name: `Service ${id}`,
  project: 'p',
  kind: 'subscription',
  expiresOn: `2026-10-${String(9 + i).padStart(2, '0')}`,
  owners: ['ops@example.com'],
}));

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

/** A publisher that takes a while, so one cycle is still delivering while the other lists the outbox. */
class SlowPublisher extends RecordingPublisher {
  async publish(alert: Alert): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 15));
    await super.publish(alert);
  }
}

describe('two cycles at once in one process', () => {
  it('claims every key once and delivers each alert once per target across both', async () => {
    // Prepare: each cycle has its own registry client, as two Lambda containers would
    const config = guardConfig({ services: SERVICES });
    const table = (await freshRegistry(dynamo, config)).tableName;
    const clients = [localDocumentClient(dynamo.endpoint), localDocumentClient(dynamo.endpoint)];
    const sns = new SlowPublisher('sns');
    const bus = new SlowPublisher('eventbridge');
    const deps = clients.map((client) => ({
      registry: new DynamoRegistry({ tableName: table, client }),
      vendors: defaultVendorAdapters(),
      secrets: NO_SECRETS,
      http: NO_HTTP,
      publishers: [sns, bus],
      concurrency: 2,
    }));

    // Act
    const reports = await Promise.all([
      runCycle(config, deps[0], SEP_30, 'cycle-a'),
      runCycle(config, deps[1], new Date(SEP_30.getTime() + 1_000), 'cycle-b'),
    ]);

    // Assess: one claim per key between them; each claim delivered by its own cycle alone
    const fired = claimedKeys(reports);
    expect(new Set(fired).size).toBe(fired.length);
    expect(fired).toEqual(SERVICES.map((s) => `${s.id}:expiry:${s.expiresOn}:7`));
    expect(countDeliveries({ sns: sns.keys(), eventbridge: bus.keys() })).toEqual(onceEach(fired, TARGETS));
    for (const report of reports) {
      const own = new Set(report.alerts.map((a) => a.key));
      expect(report.deliveries.every((d) => own.has(d.key) && d.status === 'delivered')).toBe(true);
    }
    expect(await deps[0].registry.listOutbox()).toEqual([]);
    clients.forEach((c) => c.destroy());
  });
});

describe('two bundled poll-and-evaluate processes at once', () => {
  const TOPIC = 'arn:aws:sns:ap-east-1:123456789012:renewal-guard-alerts';
  let aws: FakeAws;
  let codeRoot: string;
  let clockDir: string;
  beforeAll(async () => {
    aws = await startFakeAws();
    codeRoot = stageCode(['poll-and-evaluate'], guardConfig({ services: SERVICES }));
    // pins the bundle's clock (`new Date()` in the handler) to the cycle instant
    clockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-clock-'));
    fs.writeFileSync(
      path.join(clockDir, 'pinned-clock.js'),
      `const Real = Date; const pinned = Real.parse(process.env.PINNED_NOW);
       globalThis.Date = class extends Real {
         constructor(...args) { if (args.length === 0) super(pinned); else super(...args); }
         static now() { return pinned; }
       };`,
    );
  });
  afterAll(async () => {
    await aws.stop();
    fs.rmSync(codeRoot, { recursive: true, force: true });
    fs.rmSync(clockDir, { recursive: true, force: true });
  });

  it('publishes each alert once to SNS and once to EventBridge between them', async () => {
    // Prepare
    const config = guardConfig({ services: SERVICES });
    const registry = await freshRegistry(dynamo, config);
    const env = {
      ...localAwsEnv({ dynamodb: dynamo.endpoint, sns: aws.endpoint, eventbridge: aws.endpoint }),
      NODE_OPTIONS: `--require ${path.join(clockDir, 'pinned-clock.js')}`,
      PINNED_NOW: SEP_30.toISOString(),
      POWERTOOLS_SERVICE_NAME: 'renewal-guard',
      [ENV_REGISTRY_TABLE]: registry.tableName,
      [ENV_ALERT_TOPIC_ARN]: TOPIC,
      [ENV_EVENT_BUS_NAME]: 'renewal-guard-bus',
      [ENV_GUARD_NAME]: 'guard-under-test',
    };
    const sentBefore = aws.published.length;
    const eventsBefore = aws.events.length;

    // Act
    const [a, b] = await Promise.all([
      invokeBundle(codeRoot, 'poll-and-evaluate', {}, env, 'request-a'),
      invokeBundle(codeRoot, 'poll-and-evaluate', {}, env, 'request-b'),
    ]);

    // Assess: both invocations succeed, and their claims add up to each due key once
    const results = [a, b].map((r) => JSON.parse(r.outcome.replace(/^RESULT /, '')) as { alerts: number });
    expect(results[0].alerts + results[1].alerts).toBe(SERVICES.length);
    const snsKeys = aws.published.slice(sentBefore).map((p) => (JSON.parse(JSON.parse(p.message).lambda) as Alert).key);
    const busKeys = aws.events.slice(eventsBefore).map((e) => (JSON.parse(e.Detail as string) as Alert).key);
    // the 7-day tiers of all five fall in the CN National Day holidays and move up to 2026-09-30
    const fired = SERVICES.map((s) => `${s.id}:expiry:${s.expiresOn}:7`);
    expect(countDeliveries({ sns: snsKeys, eventbridge: busKeys })).toEqual(onceEach(fired, TARGETS));
    expect(await registry.listOutbox()).toEqual([]);
  }, 30_000);
});
