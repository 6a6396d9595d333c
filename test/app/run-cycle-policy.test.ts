/**
 * The alert policy as the deployed guard and `check` run it: runCycle over a dynalite registry, with
 * pinned instants. The rules themselves are tested in test/core/policy/; these pin the wiring — what a
 * cycle reads of the ledger, claims, holds and delivers.
 */
import { guardConfig, NO_HTTP, NO_SECRETS, RecordingPublisher } from './cycle-fixtures';
import { runCycle, type CycleDeps } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import type { GuardConfig, Vendor } from '../../lambda/core/model';
import type { VendorAdapter } from '../../lambda/core/vendor-port';
import { OUTBOX_LEASE_MS } from '../../lambda/delivery';
import { defaultVendorAdapters } from '../../lambda/vendors';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

/** One service, Asia/Shanghai, CN calendar; late November 2026 has no holiday, so every weekday works. */
function policyConfig(service: Record<string, unknown>, extra: Record<string, unknown> = {}): GuardConfig {
  return guardConfig({
    // These late-November cycles are about the ladder and quiet hours: with CN, each would also carry the
    // operators' notice that 2027's holidays are provisional (tested in provisional-year-notice.test.ts).
    calendar: 'weekends',
    services: [
      {
        id: 'live-rtc',
        name: 'Live app RTC',
        project: 'live-app',
        kind: 'subscription',
        owners: ['alice@example.com'],
        ...service,
      },
    ],
    channels: [
      { id: 'ops', type: 'email', to: ['ops@example.com'] },
      { id: 'oncall', type: 'sms', to: ['+8613800000000'], minSeverity: 'critical' },
    ],
    ...extra,
  });
}

async function setUp(config: GuardConfig, vendors: ReadonlyMap<Vendor, VendorAdapter> = defaultVendorAdapters()) {
  const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
  await registry.syncDeclaredServices(config.services, '2026-11-01T00:00:00Z');
  const sns = new RecordingPublisher('sns');
  const deps: CycleDeps = {
    registry,
    vendors,
    secrets: NO_SECRETS,
    http: NO_HTTP,
    publishers: [sns],
  };
  const cycle = (instant: string) => runCycle(config, deps, new Date(instant), `cycle-${instant}`);
  return { registry, sns, cycle };
}

describe('the escalation ladder in a cycle', () => {
  it('repeats an emergency daily, to the escalation channels too, until it is acknowledged', async () => {
    const config = policyConfig(
      { expiresOn: '2026-11-26', reminderDays: [1] },
      { escalation: { emergency: ['oncall'] } },
    );
    const { registry, sns, cycle } = await setUp(config);

    await cycle('2026-11-25T09:30:00+08:00'); // the 1-day tier
    const expiryDay = await cycle('2026-11-26T09:30:00+08:00'); // the expiry itself: a fresh emergency
    const dayAfter = await cycle('2026-11-27T09:30:00+08:00');
    const again = await cycle('2026-11-27T15:00:00+08:00');
    await registry.acknowledge({ key: 'live-rtc:expiry:2026-11-26:0', by: 'alice', at: '2026-11-27T08:00:00Z' });
    const afterAck = await cycle('2026-11-28T09:30:00+08:00');

    expect(expiryDay.alerts.map((a) => [a.key, a.followUp, a.channels])).toEqual([
      ['live-rtc:expiry:2026-11-26:0', undefined, ['ops', 'oncall']],
    ]);
    expect(dayAfter.alerts.map((a) => [a.key, a.followUp, a.channels])).toEqual([
      ['live-rtc:expiry:2026-11-26:0:repeat:2026-11-27', 'repeat', ['ops', 'oncall']],
    ]);
    expect(again.alerts).toEqual([]);
    expect(afterAck.alerts).toEqual([]);
    expect(sns.keys()).toEqual([
      'live-rtc:expiry:2026-11-26:0',
      'live-rtc:expiry:2026-11-26:0:repeat:2026-11-27',
      'live-rtc:expiry:2026-11-26:1',
    ]);
  });

  it('escalates an unacknowledged critical reminder once, on the next working day, to the critical channels', async () => {
    // the 5-day tier of 2026-11-30 is due Wednesday 11-25: critical
    const config = policyConfig(
      { expiresOn: '2026-11-30', reminderDays: [5] },
      { escalation: { critical: ['oncall'] } },
    );
    const { sns, cycle } = await setUp(config);

    await cycle('2026-11-25T09:30:00+08:00');
    const nextDay = await cycle('2026-11-26T09:30:00+08:00');
    const dayAfter = await cycle('2026-11-27T09:30:00+08:00');

    expect(nextDay.alerts.map((a) => [a.key, a.followUp, a.channels])).toEqual([
      ['live-rtc:expiry:2026-11-30:5:escalated', 'escalation', ['oncall']],
    ]);
    expect(dayAfter.alerts).toEqual([]);
    expect(sns.keys()).toEqual(['live-rtc:expiry:2026-11-30:5', 'live-rtc:expiry:2026-11-30:5:escalated']);
  });

  it('does not escalate a critical reminder someone acknowledged', async () => {
    const config = policyConfig(
      { expiresOn: '2026-11-30', reminderDays: [5] },
      { escalation: { critical: ['oncall'] } },
    );
    const { registry, cycle } = await setUp(config);

    await cycle('2026-11-25T09:30:00+08:00');
    await registry.acknowledge({ key: 'live-rtc:expiry:2026-11-30:5', by: 'alice', at: '2026-11-25T03:00:00Z' });
    const nextDay = await cycle('2026-11-26T09:30:00+08:00');

    expect(nextDay.alerts).toEqual([]);
  });
});

describe('quiet hours in a cycle', () => {
  const quiet = { quietHours: { from: '22:00', to: '08:00' } };

  it('claims a warning decided at night and holds it in the outbox until the window has ended', async () => {
    // the 10-day tier of 2026-12-05 is due 11-25: a warning
    const config = policyConfig({ expiresOn: '2026-12-05', reminderDays: [10] }, quiet);
    const { registry, sns, cycle } = await setUp(config);

    const night = await cycle('2026-11-25T23:00:00+08:00');
    const beforeEnd = await cycle('2026-11-26T07:50:00+08:00');
    const morning = await cycle('2026-11-26T08:20:00+08:00');
    const later = await cycle('2026-11-26T09:30:00+08:00');

    expect(night.alerts.map((a) => a.key)).toEqual(['live-rtc:expiry:2026-12-05:10']);
    expect(night.held).toEqual([{ key: 'live-rtc:expiry:2026-12-05:10', notBefore: '2026-11-26T00:00:00.000Z' }]);
    expect(night.deliveries).toEqual([]);
    expect(beforeEnd.held).toEqual(night.held);
    expect(beforeEnd.deliveries).toEqual([]);
    expect(morning.deliveries).toEqual([{ key: 'live-rtc:expiry:2026-12-05:10', target: 'sns', status: 'delivered' }]);
    expect(later.deliveries).toEqual([]);
    expect(sns.keys()).toEqual(['live-rtc:expiry:2026-12-05:10']);
    expect(await registry.listOutbox()).toEqual([]);
  });

  it('delivers an emergency at once, quiet hours or not', async () => {
    const config = policyConfig({ expiresOn: '2026-11-26', reminderDays: [1] }, quiet);
    const { sns, cycle } = await setUp(config);

    const night = await cycle('2026-11-25T23:00:00+08:00');

    expect(night.held).toEqual([]);
    expect(sns.keys()).toEqual(['live-rtc:expiry:2026-11-26:1']);
  });

  it('delivers a held alert at the end of the window, even minutes after it was claimed', async () => {
    const config = policyConfig({ expiresOn: '2026-12-05', reminderDays: [10] }, quiet);
    const { sns, cycle } = await setUp(config);

    const claimed = await cycle('2026-11-25T07:55:00+08:00');
    const windowEnd = await cycle('2026-11-25T08:00:00+08:00');

    expect(claimed.held.map((h) => h.notBefore)).toEqual(['2026-11-25T00:00:00.000Z']);
    expect(windowEnd.deliveries.map((d) => d.status)).toEqual(['delivered']);
    expect(sns.keys()).toEqual(['live-rtc:expiry:2026-12-05:10']);
  });

  it('leaves a held alert for a later cycle even when the outbox lease has run out before the window ends', async () => {
    const config = policyConfig({ expiresOn: '2026-12-05', reminderDays: [10] }, quiet);
    const { sns, cycle } = await setUp(config);

    await cycle('2026-11-25T22:10:00+08:00');
    const afterLease = await cycle(
      new Date(Date.parse('2026-11-25T22:10:00+08:00') + 2 * OUTBOX_LEASE_MS).toISOString(),
    );

    expect(afterLease.deliveries).toEqual([]);
    expect(sns.published).toEqual([]);
  });
});

describe('the weekly digest in a cycle', () => {
  const digest = { digest: { weekday: 'MON', time: '10:00' } };

  it('goes out once per slot, from the first cycle at or after it', async () => {
    const config = policyConfig({ expiresOn: '2026-12-05' }, digest);
    const { sns, cycle } = await setUp(config);

    const before = await cycle('2026-11-23T09:30:00+08:00'); // Monday, before the slot: last week's is owed
    const monday = await cycle('2026-11-23T10:30:00+08:00');
    const tuesday = await cycle('2026-11-24T09:30:00+08:00');
    const nextMonday = await cycle('2026-11-30T10:00:00+08:00');

    const digests = (r: { alerts: readonly { kind: string; key: string }[] }) =>
      r.alerts.filter((a) => a.kind === 'digest').map((a) => a.key);
    expect(digests(before)).toEqual(['_guard:digest:2026-11-16']);
    expect(digests(monday)).toEqual(['_guard:digest:2026-11-23']);
    expect(digests(tuesday)).toEqual([]);
    expect(digests(nextMonday)).toEqual(['_guard:digest:2026-11-30']);
    const sent = sns.published.find((a) => a.key === '_guard:digest:2026-11-23')!;
    // the digest travels as facts (each channel renders them in its language), not as text
    expect(sent.digest?.projects.map((p) => p.project)).toEqual(['live-app']);
    expect(sent.digest?.projects[0]!.urgent.map((s) => s.serviceId)).toEqual(['live-rtc']);
  });
});

describe('the other rules in a cycle', () => {
  it('reminds about owners confirmed too long ago, once', async () => {
    const config = policyConfig({ expiresOn: '2027-06-01', ownersConfirmedOn: '2026-01-05' });
    const { cycle } = await setUp(config);

    const first = await cycle('2026-11-25T09:30:00+08:00');
    const second = await cycle('2026-11-26T09:30:00+08:00');

    expect(first.alerts.map((a) => a.kind)).toEqual(['contacts-stale']);
    expect(second.alerts).toEqual([]);
  });
});

describe('a service that follows its vendor entitlement', () => {
  /** An Alibaba account whose instance's expiry the test moves; `down` makes the poll fail. */
  function alibaba(state: { expiresOn: string; down: boolean }): VendorAdapter {
    return {
      vendor: 'alibaba',
      poll: async (account, ctx) => {
        if (state.down) throw new Error('alibaba account ali-main: QueryAvailableInstances failed: HTTP 503');
        return {
          accountId: account.id,
          vendor: 'alibaba',
          takenAt: ctx.now.toISOString(),
          entitlements: [{ id: 'rtc-cn-7x1', name: 'ARTC plan', expiresOn: state.expiresOn, autoRenew: true }],
        };
      },
    };
  }

  it('confirms a renewal the vendor shows, and keeps the vendor date through a failed poll', async () => {
    const vendor = { expiresOn: '2026-11-30', down: false };
    const config = policyConfig(
      { expiresOn: '2026-11-30', autoRenew: true, account: 'ali-main', entitlement: 'rtc-cn-7x1', reminderDays: [5] },
      { accounts: [{ id: 'ali-main', vendor: 'alibaba', credentials: 'renewal-guard/ali-main' }] },
    );
    const { registry, cycle } = await setUp(config, new Map([['alibaba', alibaba(vendor)]]));

    const reminder = await cycle('2026-11-25T09:30:00+08:00');
    vendor.expiresOn = '2027-11-30'; // the auto-renewal went through: the vendor shows the new date
    const renewed = await cycle('2026-11-26T09:30:00+08:00');
    vendor.down = true; // then the vendor cannot be read for days, past the old date
    const down = [];
    for (const day of ['2026-11-27', '2026-11-30', '2026-12-01', '2026-12-02']) {
      down.push(await cycle(`${day}T09:30:00+08:00`));
    }

    expect(reminder.alerts.map((a) => a.key)).toEqual(['live-rtc:expiry:2026-11-30:5']);
    expect(renewed.alerts.map((a) => a.key)).toEqual(['live-rtc:renewal-confirmed:2026-11-30']);
    // no reminder for the old date and no "renewal missed" while the vendor is down: only its blind spot
    expect(down.flatMap((r) => r.alerts.map((a) => a.kind))).toEqual(['blind-spot']);
    expect((await registry.listAccountStates())[0]!.entitlements).toEqual([
      { id: 'rtc-cn-7x1', name: 'ARTC plan', expiresOn: '2027-11-30' },
    ]);
  });
});
