import * as fc from 'fast-check';
import { cnContext, service, weekendsContext } from './fixtures';
import { WorkingCalendar } from '../../../lambda/core/calendar';
import { addDays } from '../../../lambda/core/dates';
import type { ExpiryContext } from '../../../lambda/core/reminders';
import { dueExpiryReminder, placeTiers } from '../../../lambda/core/reminders';

/** The definition the fast path must agree with: place every tier, take the last one due by today. */
function referenceDueTier(expiresOn: string, tiers: number[], today: string, ctx: ExpiryContext): number | undefined {
  if (expiresOn <= today) return 0;
  let due: number | undefined;
  for (const placement of placeTiers(expiresOn, tiers, ctx.calendar)) {
    if (placement.date > today) break;
    due = placement.tier;
  }
  return due;
}

describe('the due tier of a cycle, by day numbers', () => {
  it.each([
    ['the CN calendar', cnContext],
    ['weekends only', weekendsContext],
  ])('agrees with placing every tier, over %s, for any day, expiry and tiers', (_name, context) => {
    // Prepare: days around the CN National Day and Spring Festival blocks of 2025–2027
    const ctx = context();
    const property = fc.property(
      fc.integer({ min: 0, max: 3 * 365 }),
      fc.integer({ min: -30, max: 120 }),
      fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { minLength: 1, maxLength: 6 }),
      (todayOffset, daysAhead, tiers) => {
        const today = addDays('2025-01-01', todayOffset);
        const expiresOn = addDays(today, daysAhead);

        // Act
        const alert = dueExpiryReminder(service({ expiresOn, reminderDays: tiers }), today, ctx);

        // Assess
        expect(alert?.tier).toBe(referenceDueTier(expiresOn, tiers, today, ctx));
        if (alert) expect(alert.daysLeft).toBe(daysAhead);
      },
    );
    fc.assert(property, { numRuns: 3000, seed: 20261121 });
  });

  it('sends the 7-day tier of a 2026-10-09 expiry on 2026-09-30, the last working day before National Day', () => {
    // Prepare: 10-02 (E − 7) is a holiday; the holidays run 10-01..10-08, 09-30 is the last working day
    const ctx = cnContext();

    // Act
    const onTheDay = dueExpiryReminder(service({ expiresOn: '2026-10-09' }), '2026-09-30', ctx);
    const dayBefore = dueExpiryReminder(service({ expiresOn: '2026-10-09' }), '2026-09-29', ctx);

    // Assess
    expect(onTheDay?.tier).toBe(7);
    expect(dayBefore?.tier).toBe(15);
  });

  it('answers a second day asked of the same calendar from that day, not the first one', () => {
    // Prepare
    const ctx = cnContext();
    dueExpiryReminder(service({ expiresOn: '2026-10-09' }), '2026-09-30', ctx);

    // Act
    const later = dueExpiryReminder(service({ expiresOn: '2026-10-09' }), '2026-10-08', ctx);

    // Assess: 10-08 is a holiday too, but a cycle that runs anyway owes the 1-day tier (due 10-08)
    expect(later?.tier).toBe(1);
  });

  it('falls back to placing every tier when no working day lies within a year ahead', () => {
    // Prepare: every day of 2026 and 2027 a holiday; 2025 is not covered, so its weekdays are working
    const holidays = Array.from({ length: 730 }, (_, i) => addDays('2026-01-01', i));
    const calendar = new WorkingCalendar({ spec: 'broken', coveredYears: [2026, 2027], holidays, workdays: [] });
    const ctx = { ...cnContext(), calendar };

    // Act
    const alert = dueExpiryReminder(service({ expiresOn: '2026-06-01' }), '2026-03-01', ctx);

    // Assess: every tier is moved back to 2025-12-31 and collapses into the most urgent one
    expect(alert?.tier).toBe(1);
    expect(alert?.tier).toBe(referenceDueTier('2026-06-01', [...service().reminderDays], '2026-03-01', ctx));
  });
});
