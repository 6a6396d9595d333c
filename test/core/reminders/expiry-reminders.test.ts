import * as fc from 'fast-check';
import { OPS, cnContext, service, weekendsContext } from './fixtures';
import { addDays } from '../../../lambda/core/dates';
import type { Alert } from '../../../lambda/core/model';
import { dueExpiryReminder, expiryRemindersBetween, severityForTier } from '../../../lambda/core/reminders';

describe('the expiry reminder a cycle owes', () => {
  it('sends the 7-day reminder of a 2026-10-09 expiry on 2026-09-30, before the National Day holidays', () => {
    // Act
    const alert = dueExpiryReminder(service(), '2026-09-30', cnContext());

    // Assess
    expect(alert).toEqual({
      key: 'live-rtc:expiry:2026-10-09:7',
      kind: 'expiry',
      severity: 'critical',
      serviceId: 'live-rtc',
      accountId: 'agora-main',
      project: 'live-app',
      tier: 7,
      daysLeft: 9,
      expiresOn: '2026-10-09',
      date: '2026-09-30',
      owners: ['alice@example.com'],
      channels: ['ops'],
      message:
        'Live app RTC (live-rtc, project live-app) expires on 2026-10-09 (9 days left). ' +
        'Renew it or confirm the plan with the vendor. Owners: alice@example.com.',
    });
  });

  it('owes nothing before the first tier is due', () => {
    expect(dueExpiryReminder(service(), '2026-08-07', cnContext())).toBeUndefined();
  });

  it('catches up with only the most urgent due tier after missed cycles', () => {
    // Prepare: no cycle ran between 08-10 (60-day tier) and 10-08; 30, 15, 7 and 1 have all come due
    // Act
    const alert = dueExpiryReminder(service(), '2026-10-08', cnContext());

    // Assess
    expect(alert?.key).toBe('live-rtc:expiry:2026-10-09:1');
    expect(alert?.daysLeft).toBe(1);
  });

  it('keeps owing the same tier (same key) until the next tier is due, so the ledger fires it once', () => {
    const keys = ['2026-09-10', '2026-09-11', '2026-09-18'].map(
      (d) => dueExpiryReminder(service(), d, cnContext())?.key,
    );

    expect(keys).toEqual([
      'live-rtc:expiry:2026-10-09:30',
      'live-rtc:expiry:2026-10-09:30',
      'live-rtc:expiry:2026-10-09:30',
    ]);
  });

  it('starts a fresh set of tiers after a renewal: nothing is owed for the new expiry yet', () => {
    // Prepare: renewed for a year on 2026-10-05
    const renewed = service({ expiresOn: '2027-10-09' });

    // Act / Assess
    expect(dueExpiryReminder(renewed, '2026-10-05', cnContext())).toBeUndefined();
    expect(dueExpiryReminder(renewed, '2027-08-10', cnContext())?.key).toBe('live-rtc:expiry:2027-10-09:60');
  });

  it('raises an emergency on the expiry day, even on a holiday', () => {
    const alert = dueExpiryReminder(service({ expiresOn: '2026-10-03' }), '2026-10-03', cnContext());

    expect(alert).toMatchObject({ key: 'live-rtc:expiry:2026-10-03:0', tier: 0, daysLeft: 0, severity: 'emergency' });
    expect(alert?.message).toContain('expires today (2026-10-03)');
  });

  it('keeps the expired emergency (with negative days left) once the date has passed', () => {
    const alert = dueExpiryReminder(service(), '2026-10-12', cnContext());

    expect(alert).toMatchObject({ key: 'live-rtc:expiry:2026-10-09:0', daysLeft: -3, severity: 'emergency' });
    expect(alert?.message).toContain('expired on 2026-10-09 (3 days ago)');
  });

  it('owes nothing for a service without an expiry date (prepaid, watched by balance)', () => {
    expect(
      dueExpiryReminder(service({ kind: 'prepaid', expiresOn: undefined }), '2026-10-01', cnContext()),
    ).toBeUndefined();
  });

  it("routes only to the service's channels whose minimum severity the alert meets", () => {
    // Prepare
    const pager = { ...OPS, id: 'pager', minSeverity: 'emergency' as const };
    const svc = service({ channels: ['ops', 'pager'] });

    // Act
    const seven = dueExpiryReminder(svc, '2026-09-30', cnContext([OPS, pager]));
    const one = dueExpiryReminder(svc, '2026-10-08', cnContext([OPS, pager]));

    // Assess
    expect(seven?.channels).toEqual(['ops']);
    expect(one?.channels).toEqual(['ops', 'pager']);
  });
});

describe('severity by tier', () => {
  it.each([
    [60, 'info'],
    [16, 'info'],
    [15, 'warning'],
    [8, 'warning'],
    [7, 'critical'],
    [2, 'critical'],
    [1, 'emergency'],
    [0, 'emergency'],
  ])('tier %i is %s', (tier, severity) => {
    expect(severityForTier(tier)).toBe(severity);
  });

  it('is set by the tier, not by the days left after a holiday shift', () => {
    // the 7-day tier delivered 9 days ahead stays critical, not warning
    expect(dueExpiryReminder(service(), '2026-09-30', cnContext())?.severity).toBe('critical');
  });
});

describe('the reminder schedule (preview)', () => {
  it('lists each tier on its delivery day, then the expiry day', () => {
    const schedule = expiryRemindersBetween(service(), '2026-08-01', 90, cnContext()).map((a) => [a.date, a.tier]);

    expect(schedule).toEqual([
      ['2026-08-10', 60],
      ['2026-09-09', 30],
      ['2026-09-24', 15],
      ['2026-09-30', 7],
      ['2026-10-08', 1],
      ['2026-10-09', 0],
    ]);
  });

  it('starts with what a first cycle would catch up on the first day', () => {
    const schedule = expiryRemindersBetween(service(), '2026-09-20', 5, cnContext()).map((a) => [a.date, a.tier]);

    expect(schedule).toEqual([
      ['2026-09-20', 30],
      ['2026-09-24', 15],
    ]);
  });

  it('agrees with running a daily cycle against a ledger, for any expiry, tiers, calendar and window', () => {
    const tiers = fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 6 });
    const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(tiers, day, day, fc.integer({ min: 1, max: 150 }), fc.boolean(), (t, expiresOn, from, days, cn) => {
        // Prepare
        const svc = service({ expiresOn, reminderDays: [...t].sort((a, b) => b - a) });
        const ctx = cn ? cnContext() : weekendsContext();

        // Act: simulate cycles day by day; a key fires once
        const fired = new Set<string>();
        const simulated: Alert[] = [];
        for (let i = 0; i < days; i++) {
          const alert = dueExpiryReminder(svc, addDays(from, i), ctx);
          if (alert && !fired.has(alert.key)) {
            fired.add(alert.key);
            simulated.push(alert);
          }
        }

        // Assess
        expect(expiryRemindersBetween(svc, from, days, ctx)).toEqual(simulated);
      }),
      { numRuns: 300, seed: 20261121 },
    );
  });

  it('sends severities that never decrease as the expiry nears', () => {
    const severities = expiryRemindersBetween(service(), '2026-08-01', 90, cnContext()).map((a) =>
      severityForTier(a.tier!),
    );

    expect(severities).toEqual(['info', 'info', 'warning', 'critical', 'emergency', 'emergency']);
  });
});
