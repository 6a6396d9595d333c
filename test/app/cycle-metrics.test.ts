import { guardConfig } from './cycle-fixtures';
import { cycleMetrics, parseDetailedMetrics, type MetricDatum } from '../../lambda/app/cycle-metrics';
import type { AccountReport } from '../../lambda/app/poll-accounts';
import type { CycleReport } from '../../lambda/app/run-cycle';
import { addDays } from '../../lambda/core/dates';
import type { Alert } from '../../lambda/core/model';
import { sampleService } from '../support/model-fixtures';

const GUARD = { Guard: 'prod-guard' };

function cycleReport(overrides: Partial<CycleReport> = {}): CycleReport {
  return {
    cycleId: 'cycle-1',
    now: '2026-09-30T09:30:00+08:00',
    today: '2026-09-30',
    servicesEvaluated: 2,
    accounts: [],
    alerts: [],
    deliveries: [],
    held: [],
    ...overrides,
  };
}

function alert(key: string, severity: Alert['severity'] = 'critical'): Alert {
  return { key, kind: 'expiry', severity, date: '2026-09-30', owners: [], channels: [], message: key };
}

function okAccount(id: string, runwayDays?: number): AccountReport {
  return { id, vendor: 'agora', status: 'ok', balance: { amount: 100, currency: 'USD' }, runwayDays };
}

/** Distinct series: name plus dimension values, what CloudWatch bills. */
function series(datums: MetricDatum[]): string[] {
  return [...new Set(datums.map((d) => `${d.name} ${JSON.stringify(d.dimensions)}`))];
}

function named(datums: MetricDatum[], name: string): MetricDatum[] {
  return datums.filter((d) => d.name === name);
}

describe('cycle metrics by default (guard level)', () => {
  it('publishes a handful of series on the Guard dimension: checks, failures, alerts by severity, nearest expiry, shortest runway', () => {
    // Prepare: live-rtc expires in 9 days, voice-room in 20 (guardConfig)
    const accounts: AccountReport[] = [
      okAccount('agora-main', 23.4),
      okAccount('tencent-trtc', 41),
      { id: 'twilio-main', vendor: 'twilio', status: 'failed', error: 'HTTP 401' },
    ];
    const alerts = [alert('a', 'critical'), alert('b', 'critical'), alert('c', 'emergency')];
    const deliveries = [
      { key: 'a', target: 'sns', status: 'delivered' as const },
      { key: 'a', target: 'events', status: 'failed' as const, error: 'throttled' },
    ];

    // Act
    const datums = cycleMetrics(cycleReport({ accounts, alerts, deliveries }), guardConfig(), {
      guardName: 'prod-guard',
    });

    // Assess
    expect(datums).toEqual([
      { name: 'CycleCompleted', unit: 'Count', value: 1, dimensions: GUARD },
      { name: 'PollFailures', unit: 'Count', value: 1, dimensions: GUARD },
      { name: 'AlertsSent', unit: 'Count', value: 3, dimensions: GUARD },
      { name: 'AlertsSent', unit: 'Count', value: 2, dimensions: { ...GUARD, Severity: 'critical' } },
      { name: 'AlertsSent', unit: 'Count', value: 1, dimensions: { ...GUARD, Severity: 'emergency' } },
      { name: 'DeliveryFailures', unit: 'Count', value: 1, dimensions: GUARD },
      { name: 'MinDaysToExpiry', unit: 'None', value: 9, dimensions: GUARD },
      { name: 'MinRunwayDays', unit: 'None', value: 23.4, dimensions: GUARD },
    ]);
  });

  it('leaves out severities that fired nothing and delivery failures on a quiet cycle, but still counts zero alerts', () => {
    // Act
    const datums = cycleMetrics(cycleReport(), guardConfig(), { guardName: 'prod-guard' });

    // Assess
    expect(datums.map((d) => d.name)).toEqual(['CycleCompleted', 'PollFailures', 'AlertsSent', 'MinDaysToExpiry']);
    expect(named(datums, 'AlertsSent')).toEqual([{ name: 'AlertsSent', unit: 'Count', value: 0, dimensions: GUARD }]);
  });

  it('takes the nearest expiry over every service with a date, however far, and an expired one as negative', () => {
    // Prepare
    const owners = ['a@example.com'];
    const config = guardConfig({
      services: [
        { id: 'far', name: 'Far', project: 'p', kind: 'contract', expiresOn: '2027-09-30', owners },
        { id: 'lapsed', name: 'Lapsed', project: 'p', kind: 'contract', expiresOn: '2026-09-25', owners },
        { id: 'prepaid', name: 'Prepaid', project: 'p', kind: 'prepaid', owners },
      ],
    });
    const onlyFar = guardConfig({
      services: [{ id: 'far', name: 'Far', project: 'p', kind: 'contract', expiresOn: '2027-09-30', owners }],
    });
    const noDates = guardConfig({ services: [{ id: 'prepaid', name: 'P', project: 'p', kind: 'prepaid', owners }] });

    // Act
    const value = (c: typeof config) =>
      named(cycleMetrics(cycleReport(), c, { guardName: 'prod-guard' }), 'MinDaysToExpiry').map((d) => d.value);

    // Assess: far is 365 days out, beyond any tier, and still counts for the guard-wide minimum
    expect(value(config)).toEqual([-5]);
    expect(value(onlyFar)).toEqual([365]);
    expect(value(noDates)).toEqual([]);
  });

  it('takes the shortest runway over the accounts that report one, and publishes none when none does', () => {
    // Prepare
    const some = [okAccount('a', 12.5), okAccount('b'), okAccount('c', 3)];
    const none = [okAccount('a'), { id: 'b', vendor: 'agora' as const, status: 'failed' as const, error: 'x' }];

    // Act
    const runway = (accounts: AccountReport[]) =>
      named(cycleMetrics(cycleReport({ accounts }), guardConfig(), { guardName: 'g' }), 'MinRunwayDays');

    // Assess
    expect(runway(some).map((d) => d.value)).toEqual([3]);
    expect(runway(none)).toEqual([]);
  });

  it('publishes no per-service or per-account series', () => {
    // Prepare
    const accounts = [okAccount('agora-main', 23.4)];

    // Act
    const datums = cycleMetrics(cycleReport({ accounts }), guardConfig(), { guardName: 'prod-guard' });

    // Assess
    expect(datums.filter((d) => 'ServiceId' in d.dimensions || 'AccountId' in d.dimensions)).toEqual([]);
    expect(named(datums, 'DaysToExpiry').concat(named(datums, 'Balance'), named(datums, 'SpendPerDay'))).toEqual([]);
  });

  it('stays 9 series at 10,000 services over 1,000 accounts, every severity firing', () => {
    // Prepare
    const services = Array.from({ length: 10_000 }, (_, i) =>
      sampleService({ id: `svc-${i}`, expiresOn: addDays('2026-10-01', i % 365) }),
    );
    const accounts = Array.from({ length: 1_000 }, (_, i) => okAccount(`acct-${i}`, 10 + i));
    const alerts = (['info', 'warning', 'critical', 'emergency'] as const).map((s) => alert(s, s));

    // Act
    const datums = cycleMetrics(cycleReport({ accounts, alerts }), { ...guardConfig(), services }, { guardName: 'g' });

    // Assess
    expect(series(datums)).toHaveLength(9);
    expect(named(datums, 'MinRunwayDays').map((d) => d.value)).toEqual([10]);
  });
});

describe('the detailed-metrics setting of the poller', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
  ])('reads %p as %p', (value, expected) => {
    expect(parseDetailedMetrics(value)).toBe(expected);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => parseDetailedMetrics('yes')).toThrow(
      'environment variable RENEWAL_GUARD_DETAILED_METRICS is "yes"; expected true or false',
    );
  });
});

describe('cycle metrics with detailed metrics on', () => {
  it('reports one completed cycle, the failed polls and the alerts fired, on the guard dimension', () => {
    // Prepare
    const accounts: AccountReport[] = [
      { id: 'agora-main', vendor: 'agora', status: 'failed', error: 'HTTP 401' },
      { id: 'trtc', vendor: 'tencent', status: 'failed', error: 'timeout' },
      { id: 'contracts', vendor: 'manual', status: 'ok' },
    ];
    const report = cycleReport({ accounts, alerts: [alert('a'), alert('b'), alert('c')] });

    // Act
    const datums = cycleMetrics(report, guardConfig(), { guardName: 'prod-guard', detailed: true });

    // Assess
    expect(datums.slice(0, 3)).toEqual([
      { name: 'CycleCompleted', unit: 'Count', value: 1, dimensions: GUARD },
      { name: 'PollFailures', unit: 'Count', value: 2, dimensions: GUARD },
      { name: 'AlertsSent', unit: 'Count', value: 3, dimensions: GUARD },
    ]);
  });

  it('reports zero failures and zero alerts on a quiet cycle, so alarms see data rather than silence', () => {
    // Act
    const datums = cycleMetrics(cycleReport(), guardConfig(), { guardName: 'prod-guard', detailed: true });

    // Assess
    expect(named(datums, 'PollFailures')).toEqual([
      { name: 'PollFailures', unit: 'Count', value: 0, dimensions: GUARD },
    ]);
    expect(named(datums, 'AlertsSent')).toEqual([{ name: 'AlertsSent', unit: 'Count', value: 0, dimensions: GUARD }]);
  });

  it("reports balance, runway and spend per account: the account's figures, as check and the report show them", () => {
    // Prepare
    const dailySpend = [
      { date: '2026-09-27', amount: 999, unit: 'minutes' },
      { date: '2026-09-27', amount: 30, unit: 'USD' },
      { date: '2026-09-28', amount: 40, unit: 'USD' },
      { date: '2026-09-29', amount: 35.5, unit: 'USD' },
    ];
    const accounts: AccountReport[] = [
      {
        id: 'agora-main',
        vendor: 'agora',
        status: 'ok',
        balance: { amount: 812.5, currency: 'USD' },
        runwayDays: 23.4,
        // accountFigures' spend: the vendor's USD days averaged (minutes are not money)
        dailySpend: 105.5 / 3,
        snapshot: {
          accountId: 'agora-main',
          vendor: 'agora',
          takenAt: '2026-09-30T01:30:00Z',
          balance: { amount: 812.5, currency: 'USD' },
          dailySpend,
          entitlements: [],
        },
      },
    ];

    // Act
    const datums = cycleMetrics(cycleReport({ accounts }), guardConfig(), { guardName: 'prod-guard', detailed: true });

    // Assess
    const dimensions = { Guard: 'prod-guard', AccountId: 'agora-main' };
    expect(datums.filter((d) => d.dimensions.AccountId === 'agora-main')).toEqual([
      { name: 'Balance', unit: 'None', value: 812.5, dimensions },
      { name: 'RunwayDays', unit: 'None', value: 23.4, dimensions },
      { name: 'SpendPerDay', unit: 'None', value: 105.5 / 3, dimensions },
    ]);
  });

  it('averages only the last 14 days of spend', () => {
    // Prepare: 20 days, the first 6 at 100, the last 14 at 10
    const dailySpend = Array.from({ length: 20 }, (_, i) => ({
      date: `2026-09-${String(i + 1).padStart(2, '0')}`,
      amount: i < 6 ? 100 : 10,
      unit: 'minutes',
    }));
    const accounts: AccountReport[] = [
      {
        id: 'twilio-main',
        vendor: 'twilio',
        status: 'ok',
        snapshot: { accountId: 'twilio-main', vendor: 'twilio', takenAt: '', dailySpend, entitlements: [] },
      },
    ];

    // Act
    const datums = cycleMetrics(cycleReport({ accounts }), guardConfig(), { guardName: 'prod-guard', detailed: true });

    // Assess: no balance, so the newest day's unit (minutes) is averaged
    expect(named(datums, 'SpendPerDay').map((d) => d.value)).toEqual([10]);
    expect(named(datums, 'Balance')).toEqual([]);
  });

  it('reports nothing per account for a failed poll, which has neither balance nor runway', () => {
    // Prepare
    const accounts: AccountReport[] = [{ id: 'agora-main', vendor: 'agora', status: 'failed', error: 'HTTP 401' }];

    // Act
    const datums = cycleMetrics(cycleReport({ accounts }), guardConfig(), { guardName: 'prod-guard', detailed: true });

    // Assess
    expect(datums.filter((d) => d.dimensions.AccountId !== undefined)).toEqual([]);
  });

  it('reports days to expiry for a service within its largest reminder tier', () => {
    // Act: live-rtc expires 2026-10-09 (9 days), voice-room 2026-10-20 (20 days); default tiers reach 60
    const datums = cycleMetrics(cycleReport(), guardConfig(), { guardName: 'prod-guard', detailed: true });

    // Assess
    expect(named(datums, 'DaysToExpiry')).toEqual([
      { name: 'DaysToExpiry', unit: 'None', value: 9, dimensions: { Guard: 'prod-guard', ServiceId: 'live-rtc' } },
      { name: 'DaysToExpiry', unit: 'None', value: 20, dimensions: { Guard: 'prod-guard', ServiceId: 'voice-room' } },
    ]);
  });

  it('leaves out a service whose expiry is beyond its largest tier, so it costs no custom metric', () => {
    // Prepare: 61 days with tiers up to 60; 30 days with a service's own tiers up to 15
    const config = guardConfig({
      services: [
        { id: 'far', name: 'Far', project: 'p', kind: 'contract', expiresOn: '2026-11-30', owners: ['a@example.com'] },
        {
          id: 'near',
          name: 'Near',
          project: 'p',
          kind: 'contract',
          expiresOn: '2026-10-30',
          owners: ['a@example.com'],
          reminderDays: [15, 7],
        },
        {
          id: 'edge',
          name: 'Edge',
          project: 'p',
          kind: 'contract',
          expiresOn: '2026-11-29',
          owners: ['a@example.com'],
        },
        { id: 'prepaid', name: 'Prepaid', project: 'p', kind: 'prepaid', owners: ['a@example.com'] },
      ],
    });

    // Act
    const datums = cycleMetrics(cycleReport(), config, { guardName: 'prod-guard', detailed: true });

    // Assess: only edge (60 days, on the horizon) is reported
    expect(named(datums, 'DaysToExpiry').map((d) => [d.dimensions.ServiceId, d.value])).toEqual([['edge', 60]]);
  });

  it('keeps reporting a service that has already expired, with negative days', () => {
    // Prepare
    const config = guardConfig({
      services: [
        {
          id: 'lapsed',
          name: 'Lapsed',
          project: 'p',
          kind: 'contract',
          expiresOn: '2026-09-25',
          owners: ['a@example.com'],
        },
      ],
    });

    // Act
    const datums = cycleMetrics(cycleReport(), config, { guardName: 'prod-guard', detailed: true });

    // Assess
    expect(named(datums, 'DaysToExpiry').map((d) => [d.dimensions.ServiceId, d.value])).toEqual([['lapsed', -5]]);
  });

  it('narrows every service to the window it is given', () => {
    // Act
    const datums = cycleMetrics(cycleReport(), guardConfig(), {
      guardName: 'prod-guard',
      detailed: true,
      daysToExpiryWindow: 15,
    });

    // Assess
    expect(named(datums, 'DaysToExpiry').map((d) => d.dimensions.ServiceId)).toEqual(['live-rtc']);
  });

  it('publishes only the services inside the window at 10,000 services, even when detailed', () => {
    // Prepare: expiries spread evenly over a year (built directly: the loader's validation is not under test)
    const services = Array.from({ length: 10_000 }, (_, i) =>
      sampleService({ id: `svc-${i}`, expiresOn: addDays('2026-10-01', i % 365), reminderDays: [60, 30, 15, 7, 1] }),
    );
    const config = { ...guardConfig(), services };

    // Act
    const datums = cycleMetrics(cycleReport(), config, { guardName: 'prod-guard', detailed: true });

    // Assess: expiries 1..60 days out → 60 of 365 days' worth of services
    const perService = named(datums, 'DaysToExpiry');
    expect(perService.length).toBe(services.filter((_, i) => i % 365 < 60).length);
    expect(Math.max(...perService.map((d) => d.value))).toBe(60);
  });
});
