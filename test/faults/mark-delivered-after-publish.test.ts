/**
 * A publish that succeeded, then recording it (markDelivered) fails: DynamoDB throttles markDelivered's
 * one UpdateItem of the ledger entry, on the wire through the fault proxy, met by the real SDK client
 * and DynamoRegistry. The pipeline tries the record up to 4 times with backoff (RECORD_ATTEMPTS in
 * lambda/delivery/record-delivery.ts), each with the SDK's own retries. So:
 *
 * - a passing fault (fewer failures than those attempts) is absorbed: nothing is sent twice, the entry
 *   leaves the outbox;
 * - a lasting one is reported: the delivery fails with "sent, but not recorded as delivered", the
 *   invocation fails, the target stays owed, and once the registry recovers the alert is sent once more.
 *   At least once, never lost: no exactly-once is possible when the write after the send fails.
 */
import { startFakeAws, type FakeAws } from '../handlers/fake-aws';
import { bundledGuard, type BundledGuard } from './support/bundled-guard';
import { AFTER_LEASE, cycleWorld, faultConfig, KEYS, SEP_30, TARGETS } from './support/cycle-world';
import { claimedKeys, countDeliveries, freshRegistry, onceEach, receivedKeys } from './support/delivery-count';
import { dynamoThrottle, type ProxiedRequest } from './support/fault-proxy';
import { useProxiedDynamo } from './support/proxied-dynamo';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { OUTBOX_LEASE_MS, RECORD_ATTEMPTS } from '../../lambda/delivery';

const LAMBDA_RETRY = new Date(SEP_30.getTime() + 60_000);
const NOT_RECORDED = 'sent, but not recorded as delivered (a later cycle may send it again): ';

const env = useProxiedDynamo();
const world = () => cycleWorld(env.dynamo, env.client);

/**
 * The alert key of markDelivered's write to a ledger entry (the UpdateItem on `ALERT#<key>` that ADDs to
 * its delivered set; a takeover's UpdateItem sets a lease instead), else undefined.
 */
function ledgerRecord(r: ProxiedRequest): string | undefined {
  if (r.operation !== 'DynamoDB_20120810.UpdateItem' || !r.body.includes('ADD #delivered')) return undefined;
  return KEYS.find((key) => r.body.includes(`ALERT#${key}`));
}

/** How many ledger records of each key were throttled. */
function throttledRecords(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of env.proxy.log.filter((l) => l.injected)) {
    const key = ledgerRecord(r) ?? 'other';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('recording a delivery fails for a while, then gets through', () => {
  it('sends nothing twice: the cycle retries the record, every delivery is recorded, the entry leaves the outbox', async () => {
    // Prepare: per key, the first two markDelivered calls fail whole (every SDK attempt throttled) and the
    // third call's first attempt too: more than the SDK's retries absorb, fewer than the cycle's
    const failures: Record<string, number> = {};
    env.proxy.setRule((r) => {
      const key = ledgerRecord(r);
      if (key === undefined || (failures[key] ?? 0) >= 2 * (r.maxAttempts ?? 1) + 1) return undefined;
      failures[key] = (failures[key] ?? 0) + 1;
      return dynamoThrottle();
    });
    const { registry, received, cycle } = await world();

    // Act
    const first = await cycle(SEP_30, 'cycle-1');
    env.proxy.setRule(() => undefined);
    const next = await cycle(AFTER_LEASE, 'cycle-2');

    // Assess: the fault really outlasted the SDK's retries, yet every delivery is recorded
    const max = env.proxy.log.find((r) => ledgerRecord(r) !== undefined)?.maxAttempts ?? 1;
    expect(max).toBeGreaterThan(1);
    expect(throttledRecords()).toEqual(Object.fromEntries(KEYS.map((key) => [key, 2 * max + 1])));
    expect(claimedKeys([first])).toEqual(KEYS);
    expect(first.deliveries.map((d) => [d.key, d.target, d.status])).toEqual(
      KEYS.flatMap((key) => TARGETS.map((target) => [key, target, 'delivered'])),
    );
    expect(await registry.listOutbox()).toEqual([]);
    for (const key of KEYS) {
      expect(await registry.getAlert(key)).toMatchObject({ pendingTargets: [], deliveredTargets: TARGETS });
    }
    // the next cycle after the lease has nothing to send again
    expect(next.deliveries).toEqual([]);
    expect(received()).toEqual(onceEach(KEYS, TARGETS));
  });
});

describe('recording a delivery keeps failing', () => {
  it('reports each delivery failed as sent but not recorded, keeps it owed, and sends it once more after recovery', async () => {
    // Prepare: every ledger record of markDelivered is throttled during the first cycle
    env.proxy.setRule((r) => (ledgerRecord(r) !== undefined ? dynamoThrottle() : undefined));
    const { table, registry, received, cycle } = await world();

    // Act: the failing cycle; the registry recovers; the next cycle after the lease; one more cycle
    const first = await cycle(SEP_30, 'cycle-1');
    const afterFirst = { ...received() };
    const owed = await registry.listOutbox();
    env.proxy.setRule(() => undefined);
    const next = await cycle(AFTER_LEASE, 'cycle-2');
    const afterNext = { ...received() };
    const later = await cycle(new Date(AFTER_LEASE.getTime() + OUTBOX_LEASE_MS + 60_000), 'cycle-3');

    // Assess: each alert's one record (both targets) was tried RECORD_ATTEMPTS times, each with all of
    // the SDK's attempts
    const max = env.proxy.log.find((r) => ledgerRecord(r) !== undefined)?.maxAttempts ?? 1;
    expect(throttledRecords()).toEqual(Object.fromEntries(KEYS.map((key) => [key, RECORD_ATTEMPTS * max])));
    // sent once, reported failed with the reason, still owed to both targets
    expect(afterFirst).toEqual(onceEach(KEYS, TARGETS));
    const reason =
      `registry table "${table}": markDelivered (UpdateItem) failed: ProvisionedThroughputExceededException: ` +
      'The level of configured provisioned throughput for the table was exceeded. ' +
      'Consider increasing your provisioning level with the UpdateTable API.';
    expect(first.deliveries).toEqual(
      KEYS.flatMap((key) => TARGETS.map((target) => ({ key, target, status: 'failed', error: NOT_RECORDED + reason }))),
    );
    expect(owed.map((e) => [e.alert.key, e.pendingTargets, e.deliveredTargets])).toEqual(
      KEYS.map((key) => [key, TARGETS, []]),
    );
    // after recovery: sent exactly once more (at least once, never lost), recorded, then never again
    expect(next.alerts).toEqual([]);
    expect(next.deliveries.map((d) => [d.key, d.target, d.status])).toEqual(
      KEYS.flatMap((key) => TARGETS.map((target) => [key, target, 'delivered'])),
    );
    expect(afterNext).toEqual(Object.fromEntries(Object.keys(onceEach(KEYS, TARGETS)).map((k) => [k, 2])));
    expect(later.deliveries).toEqual([]);
    expect(received()).toEqual(afterNext);
    expect(await registry.listOutbox()).toEqual([]);
  });
});

describe('the bundled poller when recording keeps failing', () => {
  let aws: FakeAws;
  let guard: BundledGuard;
  beforeAll(async () => {
    aws = await startFakeAws();
    guard = bundledGuard(faultConfig(), { dynamodb: env.proxy.endpoint, aws: aws.endpoint }, { random: 0.001 });
  });
  afterAll(async () => {
    guard.dispose();
    await aws.stop();
  });

  it('fails the invocation naming the unrecorded deliveries; its Lambda retry sends each once more, then nothing', async () => {
    // Prepare
    const table = (await freshRegistry(env.dynamo, faultConfig())).tableName;
    env.proxy.setRule((r) => (ledgerRecord(r) !== undefined ? dynamoThrottle() : undefined));

    // Act: the invocation, Lambda's retry of it (same request id) once DynamoDB recovers, the next cycle
    const failed = await guard.invoke({ table, now: SEP_30, requestId: 'request-1' });
    const sentByFailed = countDeliveries(receivedKeys(aws));
    env.proxy.setRule(() => undefined);
    const retried = await guard.invoke({ table, now: LAMBDA_RETRY, requestId: 'request-1' });
    const sentByRetry = countDeliveries(receivedKeys(aws));
    const next = await guard.invoke({ table, now: AFTER_LEASE, requestId: 'request-2' });

    // Assess
    const owed = KEYS.flatMap((key) => TARGETS.map((target) => `${key} → ${target}`)).join(', ');
    expect(failed.outcome).toBe(`ERROR CycleIncompleteError: 4 deliveries failed and stay in the outbox: ${owed}`);
    expect(sentByFailed).toEqual(onceEach(KEYS, TARGETS));
    expect(retried.outcome).toBe('RESULT {"cycleId":"request-1","alerts":0,"failedAccounts":[]}');
    expect(sentByRetry).toEqual(Object.fromEntries(Object.keys(onceEach(KEYS, TARGETS)).map((k) => [k, 2])));
    expect(next.outcome).toBe('RESULT {"cycleId":"request-2","alerts":0,"failedAccounts":[]}');
    expect(countDeliveries(receivedKeys(aws))).toEqual(sentByRetry);
    expect(await new DynamoRegistry({ tableName: table, client: env.dynamo.client }).listOutbox()).toEqual([]);
  }, 30_000);
});
