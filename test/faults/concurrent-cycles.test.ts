/**
 * Two cycles at once — overlapping schedules, a Lambda duplicate, a manual `check --send` during the
 * daily run — over one registry table: the ledger's conditional claim lets each key fire once, and each
 * alert reaches each target once. In process (two registries on two clients), and as two bundled
 * poll-and-evaluate processes racing on one table.
 */
import { RecordingPublisher } from '../app/cycle-fixtures';
import { faultConfig, FIVE_DUE_SERVICES, offlineDeps, SEP_30, TARGETS } from './support/cycle-world';
import { startFakeAws, type FakeAws } from '../handlers/fake-aws';
import { bundledGuard, type BundledGuard } from './support/bundled-guard';
import { claimedKeys, countDeliveries, freshRegistry, onceEach, receivedKeys } from './support/delivery-count';
import { runCycle } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { localDocumentClient } from '../../lambda/cli/embedded-store';
import type { Alert } from '../../lambda/core/model';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

/** Five services due at once, so the two cycles' claims and deliveries interleave. */
const SERVICES = FIVE_DUE_SERVICES;

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
    const config = faultConfig({ services: SERVICES });
    const table = (await freshRegistry(dynamo, config)).tableName;
    const clients = [localDocumentClient(dynamo.endpoint), localDocumentClient(dynamo.endpoint)];
    const sns = new SlowPublisher('sns');
    const bus = new SlowPublisher('eventbridge');
    const deps = clients.map((client) => ({
      ...offlineDeps(new DynamoRegistry({ tableName: table, client }), [sns, bus]),
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
    expect(fired).toEqual(SERVICES.map((s) => `${s.id}:expiry:${s.expiresOn}:15`));
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
  let aws: FakeAws;
  let guard: BundledGuard;
  beforeAll(async () => {
    aws = await startFakeAws();
    guard = bundledGuard(faultConfig({ services: SERVICES }), { dynamodb: dynamo.endpoint, aws: aws.endpoint });
  });
  afterAll(async () => {
    guard.dispose();
    await aws.stop();
  });

  it('publishes each alert once to SNS and once to EventBridge between them', async () => {
    // Prepare
    const registry = await freshRegistry(dynamo, faultConfig({ services: SERVICES }));
    const table = registry.tableName;

    // Act
    const [a, b] = await Promise.all([
      guard.invoke({ table, now: SEP_30, requestId: 'request-a' }),
      guard.invoke({ table, now: SEP_30, requestId: 'request-b' }),
    ]);

    // Assess: both invocations succeed, and their claims add up to each due key once
    const results = [a, b].map((r) => JSON.parse(r.outcome.replace(/^RESULT /, '')) as { alerts: number });
    expect(results[0].alerts + results[1].alerts).toBe(SERVICES.length);
    // on the weekends calendar the 15-day tiers of all five are due by 2026-09-30
    const fired = SERVICES.map((s) => `${s.id}:expiry:${s.expiresOn}:15`);
    expect(countDeliveries(receivedKeys(aws))).toEqual(onceEach(fired, TARGETS));
    expect(await registry.listOutbox()).toEqual([]);
  }, 30_000);
});
