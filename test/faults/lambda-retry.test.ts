/**
 * A Lambda retry of a half-finished cycle. The poller's cycle id is the invocation's request id
 * (lambda/handlers/poll-and-evaluate.ts), and Lambda retries a failed asynchronous invocation — a
 * thrown error or a timeout — with the same event and the same request id, one and then two minutes
 * later (Lambda developer guide, "Asynchronous invocation"). So the retry is the same cycle again:
 *
 * - its claims all fail (the keys are claimed by the attempt that died), so it fires nothing twice;
 * - an outbox entry of its own cycle id claimed at an earlier instant is the dead attempt's, so the retry
 *   takes it over at once (`leaseRanOut` in lambda/delivery/outbox.ts) with the registry's conditional
 *   lease write, and delivers what the dead attempt left — once. The next cycle, even after
 *   OUTBOX_LEASE_MS, finds nothing owed and sends nothing more: that is the guarantee pinned here.
 */
import { RecordingPublisher } from '../app/cycle-fixtures';
import { startFakeAws, type FakeAws } from '../handlers/fake-aws';
import { bundledGuard, type BundledGuard } from './support/bundled-guard';
import { AFTER_LEASE, cycleWorld, faultConfig, KEYS, SEP_30, TARGETS } from './support/cycle-world';
import { countDeliveries, freshRegistry, onceEach, receivedKeys } from './support/delivery-count';
import { runCycle } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import type { Alert } from '../../lambda/core/model';
import type { Registry } from '../../lambda/core/registry-port';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const LAMBDA_RETRY = new Date(SEP_30.getTime() + 60_000);

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

/** A publisher in a process that freezes after `lives` publishes: later calls never return (Lambda kills it). */
class DyingPublisher extends RecordingPublisher {
  constructor(
    target: string,
    private lives: number,
  ) {
    super(target);
  }

  async publish(alert: Alert): Promise<void> {
    if (this.lives <= 0) return new Promise<void>(() => {});
    this.lives--;
    return super.publish(alert);
  }
}

const world = () => cycleWorld(dynamo);

describe('a cycle that dies after its claims, before any delivery', () => {
  it("is retried at once: the retry delivers the dead attempt's claims once, and the next cycle sends nothing", async () => {
    // Prepare: the attempt dies as it reads the outbox (a crash, an out-of-memory, a timeout)
    const { config, registry, deps, received } = await world();
    const dying: Registry = Object.assign(Object.create(registry) as Registry, {
      listOutbox: () => Promise.reject(new Error('Runtime exited with error: signal: killed')),
    });

    // Act
    await expect(runCycle(config, { ...deps, registry: dying }, SEP_30, 'request-1')).rejects.toThrow(/killed/);
    const retry = await runCycle(config, deps, LAMBDA_RETRY, 'request-1');
    const afterRetry = { ...received() };
    const outboxAfterRetry = await registry.listOutbox();
    const next = await runCycle(config, deps, AFTER_LEASE, 'request-2');

    // Assess: the retry fires nothing again, takes its dead attempt's claims over and delivers them once
    expect(retry.alerts).toEqual([]);
    expect(retry.deliveries.map((d) => [d.key, d.target, d.status])).toEqual(
      KEYS.flatMap((key) => TARGETS.map((target) => [key, target, 'delivered'])),
    );
    expect(afterRetry).toEqual(onceEach(KEYS, TARGETS));
    expect(outboxAfterRetry).toEqual([]);
    for (const key of KEYS) {
      expect(await registry.getAlert(key)).toMatchObject({
        cycleId: 'request-1',
        claimedAt: SEP_30.toISOString(),
        lease: { cycleId: 'request-1', at: LAMBDA_RETRY.toISOString() },
        pendingTargets: [],
      });
    }
    // the next cycle, after the lease, has nothing left to send
    expect(next.alerts).toEqual([]);
    expect(next.deliveries).toEqual([]);
    expect(received()).toEqual(onceEach(KEYS, TARGETS));
  });
});

describe('a cycle that dies in the middle of its deliveries', () => {
  it('resends only what was in flight: what was recorded is not sent again, the next cycle sends nothing', async () => {
    // Prepare: the process freezes after its first SNS publish, one alert in flight at a time
    const { config, registry, deps, received } = await world();
    const sns = new DyingPublisher('sns', 1);
    const bus = new DyingPublisher('eventbridge', 10);
    const dead = runCycle(config, { ...deps, publishers: [sns, bus], concurrency: 1 }, SEP_30, 'request-1');
    await until(async () => (await registry.getAlert(KEYS[0]))?.deliveredTargets.length === 2);

    // Act: Lambda's timeout ends the attempt; it retries, then the next scheduled cycle runs
    const retry = await runCycle(config, deps, LAMBDA_RETRY, 'request-1');
    const next = await runCycle(config, deps, AFTER_LEASE, 'request-2');

    // Assess: the first alert went out to both targets in the dead attempt and was recorded; the second
    // was in flight when it froze (EventBridge had it, SNS never answered, nothing was recorded), so the
    // retry sends it to both: one alert resent, the send concurrency's worth, and nothing else twice
    expect(sns.keys()).toEqual([KEYS[0]]);
    expect(bus.keys()).toEqual([KEYS[0], KEYS[1]]);
    expect(retry.alerts).toEqual([]);
    expect(retry.deliveries.map((d) => [d.key, d.target, d.status])).toEqual([
      [KEYS[1], 'sns', 'delivered'],
      [KEYS[1], 'eventbridge', 'delivered'],
    ]);
    expect(next.deliveries).toEqual([]);
    expect(received(sns, bus)).toEqual({ ...onceEach(KEYS, TARGETS), [`eventbridge ${KEYS[1]}`]: 2 });
    expect(await registry.listOutbox()).toEqual([]);
    void dead; // frozen for good, like the killed process
  });
});

describe('the bundled poller retried by Lambda', () => {
  let aws: FakeAws;
  let guard: BundledGuard;
  beforeAll(async () => {
    aws = await startFakeAws();
    guard = bundledGuard(faultConfig(), { dynamodb: dynamo.endpoint, aws: aws.endpoint });
  });
  afterAll(async () => {
    guard.dispose();
    await aws.stop();
  });

  it('fails while SNS is down; the same-id retry delivers what SNS is owed, once; the next cycle sends nothing', async () => {
    // Prepare
    const table = (await freshRegistry(dynamo, faultConfig())).tableName;
    aws.failSnsPublishes(1000);

    // Act
    const failed = await guard.invoke({ table, now: SEP_30, requestId: 'request-1' });
    aws.failSnsPublishes(0);
    const retried = await guard.invoke({ table, now: LAMBDA_RETRY, requestId: 'request-1' });
    const owedAfterRetry = await new DynamoRegistry({ tableName: table, client: dynamo.client }).listOutbox();
    const afterRetry = countDeliveries(receivedKeys(aws));
    const next = await guard.invoke({ table, now: AFTER_LEASE, requestId: 'request-2' });

    // Assess: EventBridge got both in the failed attempt; SNS's two are owed, and the invocation fails
    expect(failed.outcome).toBe(
      `ERROR CycleIncompleteError: 2 deliveries failed and stay in the outbox: ${KEYS.map((k) => `${k} → sns`).join(', ')}`,
    );
    // the retry claims nothing new, takes its failed attempt's entries over and delivers SNS's two at once
    expect(retried.outcome).toBe('RESULT {"cycleId":"request-1","alerts":0,"failedAccounts":[]}');
    expect(owedAfterRetry).toEqual([]);
    expect(afterRetry).toEqual(onceEach(KEYS, TARGETS));
    // the next cycle after the lease sends nothing more
    expect(next.outcome).toBe('RESULT {"cycleId":"request-2","alerts":0,"failedAccounts":[]}');
    expect(countDeliveries(receivedKeys(aws))).toEqual(onceEach(KEYS, TARGETS));
  }, 30_000);
});

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the dying cycle never got that far');
}
