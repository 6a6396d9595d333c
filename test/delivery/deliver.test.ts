/**
 * The delivery pipeline's own guarantees, whoever calls it (poller, notifier, check --send): one record
 * write per alert, an entry settled only when every owed target went out, an unrecorded send reported,
 * and never more than `concurrency` alerts in flight — the bound on what a crash can resend.
 */
import type { AlertPublisher } from '../../lambda/core/delivery-port';
import type { Alert } from '../../lambda/core/model';
import type { RecordedDelivery, Registry } from '../../lambda/core/registry-port';
import { deliver, RECORD_ATTEMPTS } from '../../lambda/delivery';
import { RecordingPublisher } from '../app/cycle-fixtures';

const AT = '2026-09-30T01:30:00.000Z';

function alert(key: string): Alert {
  return { key, kind: 'expiry', severity: 'warning', date: '2026-09-30', owners: [], channels: [], message: key };
}

/** The registry's record step only, remembering each write; fails the first `failures` writes. */
function recordingRegistry(failures = 0) {
  const writes: { key: string; delivery: RecordedDelivery }[] = [];
  const registry = {
    markDelivered: async (key: string, delivery: RecordedDelivery) => {
      if (failures-- > 0) throw new Error('ProvisionedThroughputExceededException');
      writes.push({ key, delivery });
    },
  } as unknown as Registry;
  return { registry, writes };
}

const noWait = async () => undefined;

describe('the delivery pipeline', () => {
  it('sends an alert to each owed target and records them all in one write that settles the entry', async () => {
    // Prepare
    const { registry, writes } = recordingRegistry();
    const sns = new RecordingPublisher('sns');
    const bus = new RecordingPublisher('eventbridge');

    // Act
    const reports = await deliver([{ alert: alert('a'), targets: ['sns', 'eventbridge'], settles: true }], {
      registry,
      publishers: [sns, bus],
      at: AT,
    });

    // Assess
    expect(reports).toEqual([
      { key: 'a', target: 'sns', status: 'delivered' },
      { key: 'a', target: 'eventbridge', status: 'delivered' },
    ]);
    expect(writes).toEqual([{ key: 'a', delivery: { targets: ['sns', 'eventbridge'], at: AT, settles: true } }]);
  });

  it('records what went out when a target fails, and leaves the entry owed to that target', async () => {
    // Prepare
    const { registry, writes } = recordingRegistry();

    // Act
    const reports = await deliver([{ alert: alert('a'), targets: ['sns', 'eventbridge'], settles: true }], {
      registry,
      publishers: [new RecordingPublisher('sns', 1), new RecordingPublisher('eventbridge')],
      at: AT,
    });

    // Assess
    expect(reports).toEqual([
      { key: 'a', target: 'sns', status: 'failed', error: 'sns is down' },
      { key: 'a', target: 'eventbridge', status: 'delivered' },
    ]);
    expect(writes).toEqual([{ key: 'a', delivery: { targets: ['eventbridge'], at: AT, settles: false } }]);
  });

  it('never settles what the notifier delivers, and skips a target this deployment no longer has', async () => {
    // Prepare
    const { registry, writes } = recordingRegistry();

    // Act
    await deliver([{ alert: alert('a'), targets: ['channel:chat', 'channel:gone'], settles: false }], {
      registry,
      publishers: [new RecordingPublisher('channel:chat')],
      at: AT,
    });

    // Assess
    expect(writes).toEqual([{ key: 'a', delivery: { targets: ['channel:chat'], at: AT, settles: false } }]);
  });

  it('reports a send it could not record after every attempt as failed, saying a resend may follow', async () => {
    // Prepare
    const { registry, writes } = recordingRegistry(RECORD_ATTEMPTS);

    // Act
    const reports = await deliver([{ alert: alert('a'), targets: ['sns'], settles: true }], {
      registry,
      publishers: [new RecordingPublisher('sns')],
      at: AT,
      sleep: noWait,
    });

    // Assess
    expect(reports).toEqual([
      {
        key: 'a',
        target: 'sns',
        status: 'failed',
        error:
          'sent, but not recorded as delivered (a later cycle may send it again): ProvisionedThroughputExceededException',
      },
    ]);
    expect(writes).toEqual([]);
  });

  it('gets a record through that fails fewer times than its attempts', async () => {
    // Prepare
    const { registry, writes } = recordingRegistry(RECORD_ATTEMPTS - 1);

    // Act
    const reports = await deliver([{ alert: alert('a'), targets: ['sns'], settles: true }], {
      registry,
      publishers: [new RecordingPublisher('sns')],
      at: AT,
      sleep: noWait,
    });

    // Assess
    expect(reports.map((r) => r.status)).toEqual(['delivered']);
    expect(writes).toHaveLength(1);
  });

  it('keeps at most `concurrency` alerts in flight, each to all its targets side by side', async () => {
    // Prepare: publishers that hold every send until released, counting what is in flight
    let inFlight = 0;
    let most = 0;
    const held: (() => void)[] = [];
    const slow = (target: string): AlertPublisher => ({
      target,
      publish: () =>
        new Promise<void>((resolve) => {
          most = Math.max(most, ++inFlight);
          held.push(() => {
            inFlight--;
            resolve();
          });
        }),
    });
    const { registry } = recordingRegistry();
    const owed = ['a', 'b', 'c', 'd', 'e'].map((k) => ({
      alert: alert(k),
      targets: ['sns', 'eventbridge'],
      settles: true,
    }));

    // Act
    let done = false;
    const run = deliver(owed, { registry, publishers: [slow('sns'), slow('eventbridge')], at: AT, concurrency: 2 });
    void run.then(() => (done = true));
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      held.splice(0).forEach((release) => release());
    }
    const reports = await run;

    // Assess: two alerts, four sends, never more
    expect(most).toBe(4);
    expect(reports).toHaveLength(10);
  });
});
