/**
 * DynamoDB throttling on the wire: the real DynamoRegistry and SDK client talk to dynalite through a
 * proxy that answers chosen requests with DynamoDB's own throttling errors (HTTP 400,
 * `ProvisionedThroughputExceededException` / `ThrottlingException`). The SDK's standard retry strategy
 * decides what to retry; only its jitter is pinned so the backoff takes milliseconds, not seconds.
 */
import { AFTER_LEASE, cycleWorld, KEYS, SEP_30, TARGETS } from './support/cycle-world';
import { claimedKeys, onceEach } from './support/delivery-count';
import { dynamoThrottle } from './support/fault-proxy';
import { useProxiedDynamo } from './support/proxied-dynamo';
import { runCycle } from '../../lambda/app/run-cycle';

const DYNAMO = 'DynamoDB_20120810.';

const env = useProxiedDynamo();
const world = () => cycleWorld(env.dynamo, env.client);

const operation = (name: string) => `${DYNAMO}${name}`;

/** The attempt numbers of each claim's conditional PutItem seen so far, by alert key. */
function putAttemptsPerKey(): Record<string, number[]> {
  const perKey: Record<string, number[]> = {};
  for (const r of env.proxy.log.filter((l) => l.operation === operation('PutItem'))) {
    const key = KEYS.find((k) => r.body.includes(`ALERT#${k}`)) ?? 'other';
    (perKey[key] ??= []).push(r.attempt);
  }
  return perKey;
}

/** The attempts the SDK allows a PutItem, as its own `amz-sdk-request` header says. */
function sdkMaxAttempts(): number {
  const maxima = new Set(env.proxy.log.filter((r) => r.operation === operation('PutItem')).map((r) => r.maxAttempts));
  expect(maxima.size).toBe(1);
  const [max] = maxima;
  expect(max).toBeGreaterThan(1);
  return max!;
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('DynamoDB throttling the SDK retries away', () => {
  it.each([
    ['ProvisionedThroughputExceededException', 1],
    ['ThrottlingException', 1],
    ['ProvisionedThroughputExceededException', 3],
  ] as const)(
    '%s on the first %i attempt(s) of every request: the cycle completes, each alert once',
    async (kind, n) => {
      // Prepare
      const { registry, deps, config, received } = await world();
      env.proxy.setRule((request) => (request.attempt <= n ? dynamoThrottle(kind) : undefined));

      // Act
      const report = await runCycle(config, deps, SEP_30, 'cycle-1');

      // Assess: every request was throttled n times and then answered, by the SDK's own retries
      const throttled = env.proxy.log.filter((r) => r.injected);
      const answered = env.proxy.log.filter((r) => !r.injected);
      expect(throttled.length).toBe(answered.length * n);
      expect(answered.every((r) => r.attempt === n + 1 && r.status === 200)).toBe(true);
      expect(new Set(answered.map((r) => r.operation))).toEqual(
        new Set(['Query', 'BatchWriteItem', 'PutItem', 'UpdateItem'].map(operation)),
      );
      expect(report.deliveries.map((d) => d.status)).toEqual(Array(4).fill('delivered'));
      expect(received()).toEqual(onceEach(KEYS, TARGETS));
      env.proxy.setRule(() => undefined);
      expect(await registry.listOutbox()).toEqual([]);
    },
  );
});

describe('DynamoDB throttling beyond the retries', () => {
  it('fails the cycle loudly when no claim gets through, leaves no ledger entry, and the same-id retry completes it', async () => {
    // Prepare: every claim's conditional PutItem is throttled on every attempt
    const { table, registry, deps, config, received } = await world();
    env.proxy.setRule((r) => (r.operation === operation('PutItem') ? dynamoThrottle() : undefined));

    // Act
    const failed = runCycle(config, deps, SEP_30, 'cycle-1');

    // Assess: a retryable RegistryError naming the table, the operation and DynamoDB's reason
    await expect(failed).rejects.toMatchObject({
      name: 'RegistryError',
      retryable: true,
      message:
        `registry table "${table}": claimAlert (PutItem) failed: ProvisionedThroughputExceededException: ` +
        'The level of configured provisioned throughput for the table was exceeded. ' +
        'Consider increasing your provisioning level with the UpdateTable API.',
    });
    // the cycle throws on the first claim that runs out of attempts, while the other may still be retrying:
    // what is certain then is that no claim went past the SDK's maximum and one of them reached it
    const max = sdkMaxAttempts();
    const atFailure = putAttemptsPerKey();
    for (const attempts of Object.values(atFailure)) expect(attempts).toEqual(upTo(attempts.length));
    expect(Math.max(...Object.values(atFailure).map((a) => a.length))).toBe(max);
    expect(Object.values(atFailure).every((a) => a.length <= max)).toBe(true);
    // the SDK retries an abandoned claim to the end: wait for it, so no late attempt lands once DynamoDB recovers
    await until(() => KEYS.every((key) => putAttemptsPerKey()[key]?.length === max));
    expect(putAttemptsPerKey()).toEqual(Object.fromEntries(KEYS.map((key) => [key, upTo(max)])));
    env.proxy.setRule(() => undefined);
    expect(received()).toEqual({});
    expect(await registry.listOutbox()).toEqual([]);
    expect(await Promise.all(KEYS.map((key) => registry.getAlert(key)))).toEqual([undefined, undefined]);

    // Act: Lambda retries the invocation (same request id, so the same cycle id) once DynamoDB recovers
    const rerun = await runCycle(config, deps, new Date(SEP_30.getTime() + 60_000), 'cycle-1');

    // Assess
    expect(claimedKeys([rerun])).toEqual(KEYS);
    expect(received()).toEqual(onceEach(KEYS, TARGETS));
    expect(await registry.listOutbox()).toEqual([]);
  });

  it('keeps a claim that got through before another failed; the same-id retry delivers both once, the next cycle nothing', async () => {
    // Prepare: only voice-room's claim is throttled for good; live-rtc's is written
    const { registry, deps, config, received } = await world();
    env.proxy.setRule((r) =>
      r.operation === operation('PutItem') && r.body.includes('voice-room:expiry') ? dynamoThrottle() : undefined,
    );

    // Act: the failing attempt, Lambda's retry of it (same request id) a minute later, the next cycle
    await expect(runCycle(config, deps, SEP_30, 'cycle-1')).rejects.toThrow(/claimAlert \(PutItem\) failed/);
    env.proxy.setRule(() => undefined);
    const outboxAfterFailure = await registry.listOutbox();
    const retry = await runCycle(config, deps, new Date(SEP_30.getTime() + 60_000), 'cycle-1');
    const afterRetry = { ...received() };
    const nextAfterLease = await runCycle(config, deps, AFTER_LEASE, 'cycle-2');

    // Assess: the half-finished cycle left exactly its one won claim owed, nothing sent
    expect(outboxAfterFailure.map((e) => [e.alert.key, e.cycleId, e.pendingTargets])).toEqual([
      [KEYS[0], 'cycle-1', TARGETS],
    ]);
    // the retry claims voice-room, takes its failed attempt's live-rtc over, and delivers both once
    expect(claimedKeys([retry])).toEqual([KEYS[1]]);
    expect(retry.deliveries.map((d) => [d.key, d.target, d.status]).sort()).toEqual(
      KEYS.flatMap((key) => TARGETS.map((target) => [key, target, 'delivered'])).sort(),
    );
    expect(afterRetry).toEqual(onceEach(KEYS, TARGETS));
    // the next cycle after the lease finds nothing owed and sends nothing more
    expect(claimedKeys([nextAfterLease])).toEqual([]);
    expect(nextAfterLease.deliveries).toEqual([]);
    expect(received()).toEqual(onceEach(KEYS, TARGETS));
    expect(await registry.listOutbox()).toEqual([]);
  });

  it('fails the cycle loudly when the outbox cannot be read, after its claims; they go out once after the lease', async () => {
    // Prepare: the outbox index Query is throttled on every attempt
    const { registry, deps, config, received } = await world();
    env.proxy.setRule((r) =>
      r.operation === operation('Query') && r.body.includes('"IndexName"')
        ? dynamoThrottle('ThrottlingException')
        : undefined,
    );

    // Act
    const failed = runCycle(config, deps, SEP_30, 'cycle-1');

    // Assess
    await expect(failed).rejects.toThrow(/listOutbox \(Query\) failed: ThrottlingException: Rate of requests exceeds/);
    expect(received()).toEqual({});
    env.proxy.setRule(() => undefined);
    expect((await registry.listOutbox()).map((e) => e.alert.key)).toEqual(KEYS);

    // Act: the next cycle after the lease
    const next = await runCycle(config, deps, AFTER_LEASE, 'cycle-2');

    // Assess
    expect(next.alerts).toEqual([]);
    expect(received()).toEqual(onceEach(KEYS, TARGETS));
    expect(await registry.listOutbox()).toEqual([]);
  });
});
