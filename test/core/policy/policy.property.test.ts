import * as fc from 'fast-check';
import { CHANNELS, OPS, PHONE } from './fixtures';
import { simulate, type Simulation, type SimulationResult } from './simulate';
import { averageDailySpend, runwayDays, type BalancePoint } from '../../../lambda/core/accounts';
import { CN_OFFICIAL_CALENDAR, WorkingCalendar } from '../../../lambda/core/calendar';
import { calendarData } from '../../../lambda/core/calendar/resolve-calendar';
import { addDays, compareDates, daysBetween, localDate } from '../../../lambda/core/dates';
import type { CalendarData, Criticality, GuardConfig, ServiceConfig } from '../../../lambda/core/model';
import {
  ackRoot,
  deliveryInstant,
  spendSpikeAlert,
  tiersForCriticality,
  type AccountFacts,
} from '../../../lambda/core/policy';
import { placeTiers, severityRank } from '../../../lambda/core/reminders';
import { sampleService } from '../../support/model-fixtures';

const YEARS = [2025, 2026, 2027];
const CALENDARS: Record<string, CalendarData> = {
  CN: CN_OFFICIAL_CALENDAR, // 2025 and 2026 official; 2027 falls back to weekends
  weekends: { spec: 'weekends', coveredYears: YEARS, holidays: [], workdays: [] },
  US: calendarData('US', YEARS),
  DE: calendarData('DE', YEARS),
};
const WORKING = Object.fromEntries(Object.entries(CALENDARS).map(([k, v]) => [k, new WorkingCalendar(v)]));
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'];
const DAYS = 100;
const RUNS = { numRuns: 30, seed: 20261001 };

const time = (minHour: number, maxHour: number) =>
  fc
    .tuple(fc.integer({ min: minHour, max: maxHour }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

const serviceArb = fc.record({
  expiresIn: fc.integer({ min: -3, max: 140 }),
  criticality: fc.constantFrom<Criticality>('core', 'standard', 'experimental'),
  ownTiers: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 6 }), {
    nil: undefined,
  }),
  autoRenew: fc.boolean(),
  onAccount: fc.boolean(),
  renewedAfter: fc.option(fc.integer({ min: 0, max: DAYS }), { nil: undefined }),
});

/** A random registry on a random calendar, zone and start date, with outages, retries, renewals and acks. */
const scenarioArb = fc.record({
  calendar: fc.constantFrom(...Object.keys(CALENDARS)),
  timeZone: fc.constantFrom(...ZONES),
  checkTime: time(7, 21), // outside the quiet hours below, as a deployment would choose
  quiet: fc.boolean(),
  start: fc.integer({ min: 0, max: 480 }).map((n) => addDays('2025-09-01', n)),
  services: fc.array(serviceArb, { minLength: 1, maxLength: 4 }),
  missed: fc.uniqueArray(fc.integer({ min: 0, max: DAYS - 1 }), { maxLength: 20 }),
  doubled: fc.uniqueArray(fc.integer({ min: 0, max: DAYS - 1 }), { maxLength: 5 }),
  ackSalt: fc.integer({ min: 0, max: 3 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function simulation(r: Scenario): Simulation {
  const services = r.services.map((s, i) => {
    const service: ServiceConfig = sampleService({
      id: `s${i}`,
      account: s.onAccount ? 'agora-main' : undefined,
      expiresOn: addDays(r.start, s.expiresIn),
      criticality: s.criticality,
      reminderDays: s.ownTiers
        ? [...s.ownTiers].sort((a, b) => b - a)
        : tiersForCriticality(s.criticality, [60, 30, 15, 7, 1], undefined),
      autoRenew: s.autoRenew,
      renewalPrice: { amount: 5000, currency: 'USD' },
      channels: ['ops'],
    });
    const renewal =
      s.renewedAfter === undefined
        ? undefined
        : { on: addDays(r.start, s.renewedAfter), expiresOn: addDays(service.expiresOn!, 365) };
    return { service, renewal };
  });
  const config: GuardConfig = {
    version: 1,
    timeZone: r.timeZone,
    checkTime: r.checkTime,
    calendar: CALENDARS[r.calendar]!,
    ...(r.quiet && { quietHours: { from: '22:00', to: '07:00' } }),
    reminderDays: [60, 30, 15, 7, 1],
    escalation: { critical: ['phone'], emergency: ['phone'] },
    accounts: [{ id: 'agora-main', vendor: 'agora', credentials: 'renewal-guard/agora-main', options: {} }],
    services: services.map((s) => s.service),
    channels: [OPS, PHONE],
  };
  const set = (offsets: number[]) => new Set(offsets.map((n) => addDays(r.start, n)));
  return {
    config,
    calendar: WORKING[r.calendar]!,
    services,
    // the account keeps being used and spent down, so expired-in-use and auto-renewal risk come into play
    accounts: (day) =>
      new Map<string, AccountFacts>([
        [
          'agora-main',
          {
            accountId: 'agora-main',
            balance: { amount: Math.max(0, 3000 - 20 * daysBetween(r.start, day)), currency: 'USD' },
            dailySpend: 20,
            currency: 'USD',
            history: [],
            usage: [{ date: addDays(day, -1), amount: 600, unit: 'minutes' }],
          },
        ],
      ]),
    from: r.start,
    days: DAYS,
    missed: set(r.missed),
    doubled: set(r.doubled),
    // a deterministic quarter or so of alerts get acknowledged
    acknowledges: (alert) => (alert.key.length + r.ackSalt) % 4 === 0,
  };
}

// Every property draws the same scenarios (same seed), so each is simulated once and the properties
// share the result: the whole file costs about one property's simulations, and shrinking still works.
const simulated = new Map<string, { sim: Simulation; result: SimulationResult }>();
const caseArb = scenarioArb.map((r) => {
  const id = JSON.stringify(r);
  let entry = simulated.get(id);
  if (!entry) {
    const sim = simulation(r);
    entry = { sim, result: simulate(sim) };
    simulated.set(id, entry);
  }
  return entry;
});

function property(check: (sim: Simulation, result: SimulationResult) => void): void {
  fc.assert(
    fc.property(caseArb, ({ sim, result }) => check(sim, result)),
    RUNS,
  );
}

const isReminder = (a: { kind: string; followUp?: string }) => a.kind === 'expiry' && a.followUp === undefined;

describe('the policy over simulated daily cycles (property)', () => {
  it('fires each key at most once, each tier of an expiry once, and nothing new when a cycle is retried', () => {
    property((_, { fired, cycles }) => {
      const keys = fired.map((f) => f.alert.key);
      expect(new Set(keys).size).toBe(keys.length);
      const tiers = fired
        .filter((f) => isReminder(f.alert))
        .map((f) => `${f.alert.serviceId}|${f.alert.expiresOn}|${f.alert.tier}`);
      expect(new Set(tiers).size).toBe(tiers.length);
      const repeats = fired.filter((f) => f.alert.followUp === 'repeat').map((f) => `${f.alert.serviceId}|${f.day}`);
      expect(new Set(repeats).size).toBe(repeats.length);
      for (const retry of cycles.filter((c) => c.run === 1)) expect(retry.claimed).toEqual([]);
    });
  });

  it('delivers no reminder on a non-working day, unless it is the expiry day or an urgent catch-up after an outage', () => {
    property((sim, { fired, cycles }) => {
      const ran = new Set(cycles.map((c) => c.day));
      for (const { alert, day, now } of fired) {
        // quiet hours never push an alert to another day when the check runs outside them
        expect(localDate(deliveryInstant(alert, now, sim.config), sim.config.timeZone)).toBe(day);
        if (sim.calendar.isWorkingDay(day)) continue;
        // on a day off: no planning notice, no escalation; emergencies repeat; tier 0 is the expiry day
        expect(['critical', 'emergency']).toContain(alert.severity);
        expect(alert.followUp).not.toBe('escalation');
        if (!isReminder(alert) || alert.tier === 0) continue;
        // a tier reminder only as a catch-up: its own delivery day passed without a cycle
        const placement = placeTiers(alert.expiresOn!, [alert.tier!], sim.calendar)[0]!;
        expect(compareDates(placement.date, day)).toBeLessThan(0);
        expect(ran.has(placement.date)).toBe(false);
      }
    });
  });

  it('fires nothing about an expiry once the renewal is recorded, but the confirmation', () => {
    property((sim, { fired }) => {
      for (const { service, renewal } of sim.services) {
        if (!renewal) continue;
        const old = service.expiresOn!;
        const after = fired.filter((f) => f.alert.serviceId === service.id && compareDates(f.day, renewal.on) >= 0);
        for (const { alert } of after) {
          expect(alert.expiresOn).not.toBe(old);
          if (alert.kind !== 'renewal-confirmed') expect(alert.key).not.toContain(`:${old}`);
        }
      }
    });
  });

  it('catches up with at most one expiry reminder per service per cycle', () => {
    property((_, { cycles }) => {
      for (const cycle of cycles) {
        const services = cycle.claimed.filter(isReminder).map((a) => a.serviceId);
        expect(new Set(services).size).toBe(services.length);
      }
    });
  });

  it('never lowers the severity of an expiry’s reminders as it nears', () => {
    property((_, { fired }) => {
      const bySeries = new Map<string, number[]>();
      for (const { alert } of fired.filter((f) => isReminder(f.alert))) {
        const series = `${alert.serviceId}|${alert.expiresOn}`;
        bySeries.set(series, [...(bySeries.get(series) ?? []), severityRank(alert.severity)]);
      }
      for (const ranks of bySeries.values()) expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    });
  });

  it('stops repeating and escalating an episode once it is acknowledged', () => {
    property((_, { fired, acknowledgedOn }) => {
      const ackedRoots = new Map([...acknowledgedOn].map(([key, day]) => [ackRoot(key), day]));
      for (const { alert, day } of fired) {
        if (alert.followUp === undefined) continue;
        const acked = ackedRoots.get(ackRoot(alert.key));
        if (acked !== undefined) expect(compareDates(day, acked)).toBeLessThanOrEqual(0);
      }
    });
  });
});

describe('the simulated scenarios', () => {
  it('exercise every rule the properties speak about, so none of them holds vacuously', () => {
    // Act: the same cases the properties drew
    const results = fc.sample(caseArb, RUNS).map((c) => c.result);

    // Assess
    const seen = new Set(results.flatMap((r) => r.fired.map((f) => f.alert.followUp ?? f.alert.kind)));
    for (const kind of [
      'expiry',
      'escalation',
      'repeat',
      'expired-in-use',
      'renewal-missed',
      'renewal-confirmed',
      'auto-renew-risk',
    ]) {
      expect(seen).toContain(kind);
    }
    expect(results.some((r) => r.cycles.some((c) => c.run === 1))).toBe(true);
    expect(results.some((r) => r.acknowledgedOn.size > 0)).toBe(true);
  });
});

describe('runway (property)', () => {
  const historyArb = fc
    .tuple(
      fc.integer({ min: 0, max: 700 }).map((n) => addDays('2025-01-01', n)),
      fc.array(
        fc.record({
          gap: fc.integer({ min: 1, max: 3 }),
          balance: fc.oneof(fc.double({ min: -1e6, max: 1e7, noNaN: true }), fc.constant(0)),
          spend: fc.option(fc.double({ min: 0, max: 1e5, noNaN: true }), { nil: undefined }),
        }),
        { maxLength: 40 },
      ),
    )
    .map(([first, points]) => {
      let date = first;
      return points.map((p): BalancePoint => {
        date = addDays(date, p.gap);
        return { date, balance: p.balance, ...(p.spend !== undefined && { spend: p.spend }) };
      });
    });

  it('is never NaN or negative, from any history, and a spike never runs out before today', () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 0, max: 5 }), (history, after) => {
        // Prepare
        const last = history[history.length - 1];
        const today = last ? addDays(last.date, after) : '2026-01-01';
        const balance = last?.balance ?? 0;

        // Act
        const runway = runwayDays(balance, averageDailySpend(history, today));
        const spike = spendSpikeAlert(
          { id: 'a', vendor: 'agora', options: {} },
          { accountId: 'a', history, currency: 'USD', balance: { amount: balance, currency: 'USD' } },
          {
            today,
            calendar: WORKING.weekends!,
            audience: { owners: [], channels: ['ops'], serviceIds: [] },
            channels: CHANNELS,
          },
        );

        // Assess
        if (runway !== undefined) {
          expect(Number.isFinite(runway)).toBe(true);
          expect(runway).toBeGreaterThanOrEqual(0);
        }
        if (spike?.runOutOn !== undefined) expect(compareDates(spike.runOutOn, today)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300, seed: 20261002 },
    );
  });
});

// A typo in the zone list would otherwise only show up as a confusing counterexample.
test('the simulated zones are all valid', () => {
  for (const zone of ZONES) expect(localDate(new Date(0), zone)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
});
