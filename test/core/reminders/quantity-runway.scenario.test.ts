/**
 * A package runs out by quantity before its date: the remaining quantity the vendor reports over recent
 * cycles gives a runway, and its tiers count to the run-out day (issue 16, point 3).
 */
import { loadGuardConfig } from '../../../lambda/app/load-config';
import { runCycle } from '../../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../../lambda/aws/dynamo-registry';
import { WorkingCalendar } from '../../../lambda/core/calendar/working-calendar';
import type { GuardConfig } from '../../../lambda/core/model';
import { indexChannels } from '../../../lambda/core/reminders';
import { dueQuantityReminder, quantityRunway } from '../../../lambda/core/reminders/quantity-runway';
import type { AccountSnapshot, VendorAdapter } from '../../../lambda/core/vendor-port';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';

jest.setTimeout(60_000);

function guard(): GuardConfig {
  const result = loadGuardConfig({
    document: {
      version: 1,
      timeZone: 'Asia/Shanghai',
      calendar: 'weekends',
      reminderDays: [30, 7, 1],
      accounts: [{ id: 'hw', vendor: 'huawei', credentials: 'rg/hw' }],
      services: [
        {
          id: 'rtc-minutes',
          name: 'RTC minutes package',
          project: 'live-app',
          account: 'hw',
          kind: 'package',
          expiresOn: '2027-06-30',
          owners: ['alice@example.com'],
          entitlement: 'pkg-1',
        },
      ],
      channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
    },
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.config;
}

describe('quantityRunway', () => {
  it('measures daily use from the first to the last day, the last reading of a day counting', () => {
    expect(
      quantityRunway(
        [
          { date: '2026-10-01', remaining: 10_000, unit: 'min' },
          { date: '2026-10-05', remaining: 9_000, unit: 'min' },
          { date: '2026-10-05', remaining: 8_000, unit: 'min' },
        ],
        '2026-10-05',
      ),
    ).toEqual({ remaining: 8_000, unit: 'min', dailyUse: 500, runOutOn: '2026-10-21' });
  });

  it('restarts after a top-up, and needs two days of readings', () => {
    expect(
      quantityRunway(
        [
          { date: '2026-10-01', remaining: 100 },
          { date: '2026-10-02', remaining: 5_000 },
          { date: '2026-10-04', remaining: 4_000 },
        ],
        '2026-10-04',
      ),
    ).toMatchObject({ dailyUse: 500, runOutOn: '2026-10-12' });
    expect(quantityRunway([{ date: '2026-10-01', remaining: 100 }], '2026-10-01')).toBeUndefined();
  });

  it('has no run-out day while nothing is used', () => {
    expect(
      quantityRunway(
        [
          { date: '2026-10-01', remaining: 100 },
          { date: '2026-10-03', remaining: 100 },
        ],
        '2026-10-03',
      ),
    ).toEqual({ remaining: 100, dailyUse: 0 });
  });
});

describe('a package whose quantity runs out before its date', () => {
  const config = guard();
  const ctx = { calendar: new WorkingCalendar(config.calendar), channels: indexChannels(config.channels) };
  const service = config.services[0]!;

  it('is reminded by the tiers counted to the run-out day, the most urgent one due', () => {
    // 1,000 min a day, 9,000 left on Wednesday 2026-10-07: out on 2026-10-16, long before June
    const runway = quantityRunway(
      [
        { date: '2026-10-04', remaining: 12_000, unit: 'min' },
        { date: '2026-10-07', remaining: 9_000, unit: 'min' },
      ],
      '2026-10-07',
    );

    const alert = dueQuantityReminder(service, runway, '2026-10-07', ctx);

    expect(alert).toMatchObject({
      key: 'rtc-minutes:quantity-runway:2027-06-30:30',
      kind: 'quantity-runway',
      severity: 'info',
      tier: 30,
      runOutOn: '2026-10-16',
      daysLeft: 9,
      message:
        'RTC minutes package (rtc-minutes, project live-app) has 9000 min left; at the recent use of 1000 min a day ' +
        'it runs out on 2026-10-16 (9 days left), before the package expires on 2027-06-30. Buy more, or a larger ' +
        'package, before then. Owners: alice@example.com.',
    });
    // the 7-day tier of Friday 10-09 is due on 10-09, critical
    expect(dueQuantityReminder(service, runway, '2026-10-09', ctx)).toMatchObject({ tier: 7, severity: 'critical' });
  });

  it('says nothing when the date comes first: the expiry reminders cover it', () => {
    const slow = quantityRunway(
      [
        { date: '2026-10-01', remaining: 1_000_000 },
        { date: '2026-10-07', remaining: 999_400 },
      ],
      '2026-10-07',
    );
    expect(dueQuantityReminder(service, slow, '2026-10-07', ctx)).toBeUndefined();
  });
});

describe('a cycle', () => {
  let dynamo: LocalDynamo;
  beforeAll(async () => (dynamo = await startDynalite()));
  afterAll(() => dynamo.stop());

  it('reads the remaining quantity from the snapshots of earlier cycles and fires the tier once', async () => {
    const config = guard();
    const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
    await registry.syncDeclaredServices(config.services, '2026-10-01T00:00:00Z');
    let remaining = 12_000;
    const huawei: VendorAdapter = {
      vendor: 'huawei',
      poll: async (account, ctx): Promise<AccountSnapshot> => ({
        accountId: account.id,
        vendor: 'huawei',
        takenAt: ctx.now.toISOString(),
        entitlements: [{ id: 'pkg-1', name: 'RTC minutes', expiresOn: '2027-06-30', remaining, unit: 'min' }],
      }),
    };
    const deps = {
      registry,
      vendors: new Map([['huawei' as const, huawei]]),
      secrets: { resolve: async () => ({}) },
      http: {
        request: async () => {
          throw new Error('no HTTP in this test');
        },
      } as never,
      publishers: [],
    };

    await runCycle(config, deps, new Date('2026-10-04T01:30:00Z'), 'c1');
    remaining = 9_000;
    const day = await runCycle(config, deps, new Date('2026-10-07T01:30:00Z'), 'c2');
    const again = await runCycle(config, deps, new Date('2026-10-07T05:30:00Z'), 'c3');

    expect(day.alerts.filter((a) => a.kind === 'quantity-runway').map((a) => [a.key, a.runOutOn])).toEqual([
      ['rtc-minutes:quantity-runway:2027-06-30:30', '2026-10-16'],
    ]);
    expect(again.alerts.filter((a) => a.kind === 'quantity-runway')).toEqual([]);
  });
});
