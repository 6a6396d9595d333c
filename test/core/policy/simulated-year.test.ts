/**
 * A simulated year (issue #13, acceptance line 4): services on shared accounts, CN calendar, every alert
 * the daily cycles would deliver — the expiry tiers and the whole policy forecast, balances spent down at
 * their daily rate — for 2026 (official data) and for 2027 with a declared schedule. Scored against the
 * calendar it was placed with, and for 2026 also against an independent one (date-holidays' CN rules).
 */
import Holidays from 'date-holidays';
import { WorkingCalendar } from '../../../lambda/core/calendar';
import { completeCalendar } from '../../../lambda/core/calendar/calendar-declaration';
import { calendarData } from '../../../lambda/core/calendar/resolve-calendar';
import { addDays, compareDates, yearOf } from '../../../lambda/core/dates';
import type { AccountConfig, Alert, GuardConfig, IsoDate, ServiceConfig } from '../../../lambda/core/model';
import { forecastPolicyAlerts, type ForecastStart } from '../../../lambda/core/policy';
import { expiryRemindersBetween, indexChannels } from '../../../lambda/core/reminders';

/** A hypothetical 2027 notice, declared the way a document would (not official data). */
const DECLARED_2027 = {
  base: 'CN',
  holidays: [
    ...range('2027-01-01', '2027-01-03'),
    ...range('2027-02-05', '2027-02-13'),
    ...range('2027-04-03', '2027-04-05'),
    ...range('2027-05-01', '2027-05-05'),
    ...range('2027-06-09', '2027-06-11'),
    ...range('2027-09-15', '2027-09-17'),
    ...range('2027-10-01', '2027-10-07'),
  ],
  workdays: ['2027-02-20', '2027-05-08', '2027-09-26', '2027-10-09'],
  coveredYears: [2027],
};

function range(first: IsoDate, last: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = first; compareDates(d, last) <= 0; d = addDays(d, 1)) days.push(d);
  return days;
}

/**
 * The measurement used 1,000 services on 60 accounts; the suite runs a quarter of that (the
 * forecast re-evaluates every account and service each simulated day), in the same proportions.
 */
const SERVICES = 250;
const ACCOUNTS = 15;

/** A deterministic generator, so the year is the same on every run. */
function random(seed: number): () => number {
  let s = seed % 4_294_967_296;
  return () => {
    // every intermediate stays under 2^53, so plain arithmetic is exact
    s = (s * 1664525 + 1013904223) % 4_294_967_296;
    return s / 2 ** 32;
  };
}

function world(year: number) {
  const next = random(year);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const accounts: AccountConfig[] = Array.from({ length: ACCOUNTS }, (_, i) => ({
    id: `acct-${i}`,
    vendor: 'agora',
    credentials: `renewal-guard/acct-${i}`,
    balance: { minAmount: 500, minRunwayDays: 14 },
    options: {},
  }));
  const services: ServiceConfig[] = Array.from({ length: SERVICES }, (_, i) => {
    const expiresOn = addDays(`${year}-01-01`, Math.floor(next() * 380) - 10);
    const autoRenew = next() < 0.3;
    return {
      id: `svc-${i}`,
      name: `Service ${i}`,
      project: `project-${i % 40}`,
      ...(next() < 0.85 && { account: pick(accounts).id }),
      kind: pick(['subscription', 'contract', 'package', 'sdk-support'] as const),
      expiresOn,
      autoRenew,
      ...(autoRenew && { renewalPrice: { amount: Math.round(500 + next() * 20_000), currency: 'USD' } }),
      owners: [`owner-${i % 97}@example.com`],
      criticality: pick(['core', 'standard', 'experimental'] as const),
      reminderDays: pick([
        [60, 30, 15, 7, 1],
        [90, 60, 30, 15, 7, 3, 1],
        [30, 7, 1],
      ]),
      channels: ['ops', 'oncall'],
      ownersConfirmedOn: addDays(`${year}-01-01`, -Math.floor(next() * 300)),
    };
  });
  // three services have an account of their own, lapsing early in the year while it keeps spending: their
  // spend is attributable; everyone else's lapsed spend shares an account with live neighbours
  const solo: AccountConfig[] = [0, 1, 2].map((n) => ({ ...accounts[0]!, id: `solo-${n}` }));
  accounts.push(...solo);
  solo.forEach((a, n) => {
    services[n] = { ...services[n]!, account: a.id, expiresOn: `${year}-0${n + 2}-10`, autoRenew: false };
  });
  // a tenth of the services are replaced by a successor that starts a few days after they lapse
  const withSuccessors = services.map((s, i) =>
    i % 10 === 0 && i + 1 < services.length ? { ...s, replacedBy: services[i + 1]!.id } : s,
  );
  const all = withSuccessors.map((s, i) =>
    i % 10 === 1 ? { ...s, startsOn: addDays(withSuccessors[i - 1]!.expiresOn!, Math.floor(next() * 6)) } : s,
  );
  const start: ForecastStart = {
    services: all,
    accounts: new Map(
      accounts.map((a) => [
        a.id,
        {
          state: { accountId: a.id, consecutiveFailures: 0, history: [] },
          balance: { amount: Math.round(5_000 + next() * 150_000), currency: 'USD' },
          dailySpend: Math.round(50 + next() * 800),
        },
      ]),
    ),
  };
  return { accounts, services: all, start };
}

function simulate(year: number, calendar: WorkingCalendar) {
  const { accounts, services, start } = world(year);
  const config: GuardConfig = {
    version: 1,
    timeZone: 'Asia/Shanghai',
    checkTime: '09:30',
    calendar: calendar.data,
    reminderDays: [60, 30, 15, 7, 1],
    accounts,
    services,
    channels: [
      { id: 'ops', type: 'email', to: ['ops@example.com'], minSeverity: 'info', options: {} },
      { id: 'oncall', type: 'sms', to: ['+8613800000000'], minSeverity: 'critical', options: {} },
    ],
  };
  // from the last working day of the year before, so the first cycle's catch-up is not on New Year's Day
  const from = calendar.precedingWorkingDay(`${year - 1}-12-31`);
  const days = 366 + 1;
  const ctx = { calendar, channels: indexChannels(config.channels) };
  const everything: Alert[] = [
    ...services.flatMap((s) => expiryRemindersBetween(s, from, days, ctx)),
    ...forecastPolicyAlerts(start, config, from, days, calendar),
  ];
  const alerts = everything.filter((a) => yearOf(a.date) === year);
  return { alerts, services, lapses: balanceLapses(start, everything, from, year, calendar) };
}

/**
 * Every balance that runs dry in the year (the forecast spends each down at its daily rate from `from`),
 * with the working days' notice its first balance or runway alert gave: the working days after the day
 * that alert reached people and before the day it ran dry. A balance that runs dry within three weeks of
 * the simulation's start is left out: no guard started that late could have warned it a week ahead.
 */
function balanceLapses(
  start: ForecastStart,
  alerts: readonly Alert[],
  from: IsoDate,
  year: number,
  calendar: WorkingCalendar,
) {
  const lapses: { accountId: string; runsDryOn: IsoDate; warnedOn?: IsoDate; workingDaysNotice: number }[] = [];
  for (const [accountId, begin] of start.accounts) {
    if (!begin.balance || !begin.dailySpend) continue;
    const runsDryOn = addDays(from, Math.ceil(begin.balance.amount / begin.dailySpend));
    if (yearOf(runsDryOn) !== year || compareDates(runsDryOn, addDays(from, 21)) < 0) continue;
    const first = alerts.find((a) => a.accountId === accountId && (a.kind === 'balance' || a.kind === 'runway'));
    let notice = 0;
    if (first) {
      for (let d = addDays(first.date, 1); compareDates(d, runsDryOn) < 0; d = addDays(d, 1)) {
        if (calendar.isWorkingDay(d)) notice++;
      }
    }
    lapses.push({ accountId, runsDryOn, ...(first && { warnedOn: first.date }), workingDaysNotice: notice });
  }
  return lapses;
}

function score({ alerts, services, lapses }: ReturnType<typeof simulate>, offDay: (d: IsoDate) => boolean) {
  const byId = new Map(services.map((s) => [s.id, s]));
  const tiersOff = alerts.filter((a) => a.kind === 'expiry' && (a.tier ?? 0) > 0 && offDay(a.date));
  const planningOff = alerts.filter((a) => (a.severity === 'info' || a.severity === 'warning') && offDay(a.date));
  const unattributable = alerts.filter((a) => {
    if (a.kind !== 'expired-in-use') return false;
    const service = byId.get(a.serviceId!)!;
    return services.some(
      (s) => s.id !== service.id && s.account === service.account && compareDates(s.expiresOn!, a.date) >= 0,
    );
  });
  const keys = alerts.map((a) => a.key);
  return {
    alerts: alerts.length,
    tiers: alerts.filter((a) => a.kind === 'expiry' && (a.tier ?? 0) > 0).length,
    kinds: new Set(alerts.map((a) => a.kind)).size,
    tiersOnNonWorkingDays: tiersOff.map((a) => `${a.date} ${a.key}`),
    planningNoticesOnNonWorkingDays: planningOff.map((a) => `${a.date} ${a.key}`),
    expiredInUseWithoutAttributableSpend: unattributable.map((a) => a.key),
    duplicateKeys: keys.length - new Set(keys).size,
    expiredInUse: alerts
      .filter((a) => a.kind === 'expired-in-use')
      .map((a) => a.serviceId)
      .sort(),
    balanceAlerts: alerts.filter((a) => a.kind === 'balance' || a.kind === 'runway').length,
    balanceLapses: lapses.length,
    lapsesWithUnderAWeeksNotice: lapses
      .filter((l) => l.workingDaysNotice < 7)
      .map((l) => `${l.accountId} dry on ${l.runsDryOn}, warned ${l.warnedOn ?? 'never'}: ${l.workingDaysNotice}`),
  };
}

describe('a simulated year of services on shared accounts, calendar CN', () => {
  it('2026: no tier reminder and no info or warning on a non-working day, by the official and an independent calendar', () => {
    // Prepare
    const cn = new WorkingCalendar(calendarData('CN', [2025, 2026, 2027]));
    // date-holidays' own CN rules: its whole-day public holidays of 2026 for everyone (not 儿童节, which is
    // for children only), and weekends but the official make-up days
    const independent = new Set(
      new Holidays('CN', { types: ['public'] })
        .getHolidays(2026)
        .filter((h) => h.type === 'public' && h.date.endsWith(' 00:00:00') && !(h as { note?: string }).note)
        .map((h) => h.date.slice(0, 10)),
    );
    const independentOff = (d: IsoDate) =>
      !cn.data.workdays.includes(d) && ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()) || independent.has(d));

    // Act
    const year = simulate(2026, cn);
    const official = score(year, (d) => !cn.isWorkingDay(d));
    const scored = score(year, independentOff);

    // Assess: a year of real traffic, none of it on a day off
    expect(official.tiers).toBeGreaterThan(500);
    expect(official.kinds).toBeGreaterThanOrEqual(6);
    expect(official.tiersOnNonWorkingDays).toEqual([]);
    expect(official.planningNoticesOnNonWorkingDays).toEqual([]);
    expect(scored.tiersOnNonWorkingDays).toEqual([]);
    expect(scored.planningNoticesOnNonWorkingDays).toEqual([]);
    expect(official.expiredInUseWithoutAttributableSpend).toEqual([]);
    // the lapsed services alone on an account are reported; so are those whose neighbours have all lapsed too
    expect(official.expiredInUse).toEqual(expect.arrayContaining(['svc-0', 'svc-1', 'svc-2']));
    expect(official.balanceAlerts).toBeGreaterThan(0);
    expect(official.balanceLapses).toBeGreaterThan(0);
    expect(official.lapsesWithUnderAWeeksNotice).toEqual([]);
    expect(official.duplicateKeys).toBe(0);
  });

  it('2027 with a declared schedule: the same, against the declaration', () => {
    // Prepare
    const declared = new WorkingCalendar(completeCalendar(calendarData('CN', [2026, 2027, 2028]), DECLARED_2027));

    // Act
    const result = score(simulate(2027, declared), (d) => !declared.isWorkingDay(d));

    // Assess
    expect(declared.isProvisionalYear(2027)).toBe(false);
    expect(result.tiers).toBeGreaterThan(500);
    expect(result.tiersOnNonWorkingDays).toEqual([]);
    expect(result.planningNoticesOnNonWorkingDays).toEqual([]);
    expect(result.expiredInUseWithoutAttributableSpend).toEqual([]);
    expect(result.balanceLapses).toBeGreaterThan(0);
    expect(result.lapsesWithUnderAWeeksNotice).toEqual([]);
    expect(result.duplicateKeys).toBe(0);
  });
});
