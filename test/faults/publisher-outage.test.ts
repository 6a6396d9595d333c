/**
 * SNS or EventBridge failing in the middle of a cycle, met by the real publishers and SDK clients: the
 * fake SNS/EventBridge of the handler tests sits behind a proxy that starts refusing after the 2nd
 * request. The refused alerts stay in the outbox for that target only; cycles within the lease leave
 * them alone; the first cycle after it delivers them, and what already went out is not sent again.
 */
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SNSClient } from '@aws-sdk/client-sns';
import { faultConfig, FIVE_DUE_SERVICES, offlineDeps, SEP_30, TARGETS } from './support/cycle-world';
import { startFakeAws, type FakeAws } from '../handlers/fake-aws';
import { claimedKeys, countDeliveries, freshRegistry, onceEach, receivedKeys } from './support/delivery-count';
import {
  putEventsEntryFailed,
  snsInternalError,
  startFaultProxy,
  type FaultProxy,
  type ProxyReply,
} from './support/fault-proxy';
import { runCycle } from '../../lambda/app/run-cycle';
import { EventBusPublisher } from '../../lambda/aws/event-bus-publisher';
import { SnsAlertPublisher } from '../../lambda/aws/sns-alert-publisher';
import { OUTBOX_LEASE_MS } from '../../lambda/delivery';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const TOPIC = 'arn:aws:sns:ap-east-1:123456789012:renewal-guard-alerts';
const SERVICES = FIVE_DUE_SERVICES;
const KEYS = SERVICES.map((s) => `${s.id}:expiry:${s.expiresOn}:15`);

let dynamo: LocalDynamo;
let aws: FakeAws;
let proxy: FaultProxy;
let sns: SNSClient;
let events: EventBridgeClient;
beforeAll(async () => {
  [dynamo, aws] = await Promise.all([startDynalite(), startFakeAws()]);
  proxy = await startFaultProxy(aws.endpoint);
  const local = {
    endpoint: proxy.endpoint,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  };
  sns = new SNSClient(local);
  events = new EventBridgeClient(local);
});
afterAll(async () => {
  sns.destroy();
  events.destroy();
  await proxy.stop();
  await Promise.all([dynamo.stop(), aws.stop()]);
});
beforeEach(() => {
  proxy.setRule(() => undefined);
  jest.spyOn(Math, 'random').mockReturnValue(0.001); // the SDK's retry jitter
});
afterEach(() => jest.restoreAllMocks());

/** Lets the first `n` requests of `operation` through, then answers every later one with `reply`. */
function failAfter(operation: string, n: number, reply: ProxyReply) {
  let passed = 0;
  proxy.setRule((r) => {
    if (r.operation !== operation) return undefined;
    if (passed < n) {
      passed++;
      return undefined;
    }
    return reply;
  });
}

async function world() {
  const config = faultConfig({ services: SERVICES });
  const registry = await freshRegistry(dynamo, config);
  const deps = offlineDeps(registry, [
    new SnsAlertPublisher({ topicArn: TOPIC, client: sns }),
    new EventBusPublisher({ eventBusName: 'renewal-guard-bus', client: events }),
  ]);
  const since = { sns: aws.published.length, eventbridge: aws.events.length };
  /** What the fake SNS and EventBridge accepted since, by alert key. */
  const received = () => countDeliveries(receivedKeys(aws, since));
  const cycle = (offsetMs: number, id: string) => runCycle(config, deps, new Date(SEP_30.getTime() + offsetMs), id);
  return { registry, received, cycle };
}

describe.each([
  {
    target: 'sns',
    failure: 'an SNS 500 on every attempt after the 2nd publish',
    fault: () => failAfter('Publish', 2, snsInternalError()),
    error: /^SNS publish of svc-[a-e]:expiry:2026-10-\d\d:15 failed: injected outage$/,
  },
  {
    target: 'eventbridge',
    failure: 'PutEvents answering FailedEntryCount 1 after the 2nd event',
    fault: () => failAfter('AWSEvents.PutEvents', 2, putEventsEntryFailed()),
    error: /^EventBridge rejected svc-[a-e]:expiry:2026-10-\d\d:15: InternalFailure injected entry failure$/,
  },
])('$failure', ({ target, fault, error }) => {
  it('keeps the refused alerts in the outbox for that target and delivers them once after the lease', async () => {
    // Prepare
    const { registry, received, cycle } = await world();
    fault();

    // Act: the failing cycle, a retry inside the lease, then (target healthy again) the next one after it
    const first = await cycle(0, 'cycle-1');
    const outboxAfterFirst = await registry.listOutbox();
    const withinLease = await cycle(60_000, 'cycle-2');
    proxy.setRule(() => undefined);
    const afterLease = await cycle(OUTBOX_LEASE_MS + 60_000, 'cycle-3');

    // Assess: two went out, three were refused — as failures, with the service's reason
    const failed = first.deliveries.filter((d) => d.status === 'failed');
    expect(claimedKeys([first])).toEqual(KEYS);
    expect(first.deliveries.filter((d) => d.target === target && d.status === 'delivered')).toHaveLength(2);
    expect(failed.map((d) => d.target)).toEqual([target, target, target]);
    for (const d of failed) expect(d.error).toMatch(error);
    // the outbox owes exactly those three, to that target only
    expect(outboxAfterFirst.map((e) => [e.alert.key, e.pendingTargets]).sort()).toEqual(
      failed.map((d) => [d.key, [target]]).sort(),
    );
    expect(withinLease.alerts).toEqual([]);
    expect(withinLease.deliveries).toEqual([]);
    // after the lease: only the three, only to that target
    expect(afterLease.alerts).toEqual([]);
    expect(afterLease.deliveries.map((d) => [d.key, d.target, d.status]).sort()).toEqual(
      failed.map((d) => [d.key, target, 'delivered']).sort(),
    );
    expect(received()).toEqual(onceEach(KEYS, TARGETS));
    expect(await registry.listOutbox()).toEqual([]);
  });
});
