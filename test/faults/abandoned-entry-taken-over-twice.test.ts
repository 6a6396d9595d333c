/**
 * Two cycles at once that may both take over the same outbox entry — the next scheduled cycle and a
 * Lambda duplicate or a manual `check --send` — each on its own registry client, as two containers would.
 * The takeover is a conditional lease write (`Registry.takeOver`), so exactly one of them delivers it:
 * an entry abandoned by a failed cycle after OUTBOX_LEASE_MS, and an alert held through quiet hours
 * once its window has ended.
 */
import { RecordingPublisher } from '../app/cycle-fixtures';
import { faultConfig, KEYS, offlineDeps, SEP_30, TARGETS } from './support/cycle-world';
import { countDeliveries, freshRegistry, onceEach } from './support/delivery-count';
import { runCycle, type CycleDeps } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { localDocumentClient } from '../../lambda/cli/embedded-store';
import type { GuardConfig } from '../../lambda/core/model';
import { OUTBOX_LEASE_MS } from '../../lambda/delivery';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

/** Two cycles' dependencies on one table, each with its own client; publishers shared, so they count both. */
async function twoContainers(config: GuardConfig, sns: RecordingPublisher, bus: RecordingPublisher) {
  const table = (await freshRegistry(dynamo, config)).tableName;
  const clients = [localDocumentClient(dynamo.endpoint), localDocumentClient(dynamo.endpoint)];
  const deps: CycleDeps[] = clients.map((client) =>
    offlineDeps(new DynamoRegistry({ tableName: table, client }), [sns, bus]),
  );
  return { deps, dispose: () => clients.forEach((c) => c.destroy()) };
}

describe('an outbox entry abandoned by a failed cycle', () => {
  it('is delivered once when two cycles after the lease take it over at once', async () => {
    // Prepare: a cycle whose SNS publishes all failed left both alerts owed to SNS
    const config = faultConfig();
    const sns = new RecordingPublisher('sns', 2);
    const bus = new RecordingPublisher('eventbridge');
    const { deps, dispose } = await twoContainers(config, sns, bus);
    const first = await runCycle(config, deps[0], SEP_30, 'cycle-1');
    expect(first.deliveries.map((d) => [d.target, d.status])).toEqual([
      ['sns', 'failed'],
      ['eventbridge', 'delivered'],
      ['sns', 'failed'],
      ['eventbridge', 'delivered'],
    ]);

    // Act: the next scheduled cycle and a Lambda duplicate (or a manual `check --send`) at the same time
    const later = new Date(SEP_30.getTime() + OUTBOX_LEASE_MS + 60_000);
    const racing = await Promise.all([
      runCycle(config, deps[0], later, 'cycle-2'),
      runCycle(config, deps[1], later, 'cycle-3'),
    ]);

    // Assess: between them, each owed SNS delivery made once; nothing else
    expect(racing.flatMap((r) => r.deliveries.map((d) => [d.key, d.target, d.status])).sort()).toEqual(
      KEYS.map((key) => [key, 'sns', 'delivered']),
    );
    expect(countDeliveries({ sns: sns.keys(), eventbridge: bus.keys() })).toEqual(onceEach(KEYS, TARGETS));
    expect(await deps[0].registry.listOutbox()).toEqual([]);
    dispose();
  });
});

describe('an alert held through quiet hours', () => {
  // the 10-day tier of 2026-12-05 is due 2026-11-25, a warning: held at night until 08:00 (+08:00)
  const config = faultConfig({
    services: [
      {
        id: 'live-rtc',
        name: 'Live app RTC',
        project: 'live-app',
        kind: 'subscription',
        expiresOn: '2026-12-05',
        reminderDays: [10],
        owners: ['alice@example.com'],
      },
    ],
    quietHours: { from: '22:00', to: '08:00' },
    // with CN, a late-November cycle also carries the operators' notice that 2027 is provisional
    calendar: 'weekends',
  });
  const KEY = 'live-rtc:expiry:2026-12-05:10';

  it('is delivered once when two cycles run at once after its window has ended', async () => {
    // Prepare: a cycle at night claims the warning and holds it
    const sns = new RecordingPublisher('sns');
    const bus = new RecordingPublisher('eventbridge');
    const { deps, dispose } = await twoContainers(config, sns, bus);
    const night = await runCycle(config, deps[0], new Date('2026-11-25T23:00:00+08:00'), 'cycle-night');
    expect(night.alerts.map((a) => a.key)).toEqual([KEY]);
    expect(night.held).toEqual([{ key: KEY, notBefore: '2026-11-26T00:00:00.000Z' }]);
    expect(night.deliveries).toEqual([]);

    // Act: two cycles at once in the morning, then the next one
    const morning = new Date('2026-11-26T08:20:00+08:00');
    const racing = await Promise.all([
      runCycle(config, deps[0], morning, 'cycle-a'),
      runCycle(config, deps[1], morning, 'cycle-b'),
    ]);
    const next = await runCycle(config, deps[1], new Date('2026-11-26T09:30:00+08:00'), 'cycle-c');

    // Assess: one of them took it over and delivered it to each target; neither still holds it
    const delivering = racing.filter((r) => r.deliveries.length > 0);
    expect(delivering).toHaveLength(1);
    expect(delivering[0].deliveries).toEqual(TARGETS.map((target) => ({ key: KEY, target, status: 'delivered' })));
    expect(racing.flatMap((r) => r.held)).toEqual([]);
    expect(next.deliveries).toEqual([]);
    expect(countDeliveries({ sns: sns.keys(), eventbridge: bus.keys() })).toEqual(onceEach([KEY], TARGETS));
    expect(await deps[0].registry.listOutbox()).toEqual([]);
    dispose();
  });
});
