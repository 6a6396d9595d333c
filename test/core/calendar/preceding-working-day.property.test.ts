import * as fc from 'fast-check';
import { CN_OFFICIAL_CALENDAR, WorkingCalendar } from '../../../lambda/core/calendar';
import { addDays, compareDates, daysBetween } from '../../../lambda/core/dates';

describe('preceding working day (property)', () => {
  const cn = new WorkingCalendar(CN_OFFICIAL_CALENDAR);
  // 2023-07-01 .. 2027-06-30: covered years and uncovered ones on both sides of the table.
  const anyDate = fc.integer({ min: 0, max: 1460 }).map((n) => addDays('2023-07-01', n));

  it('is a working day, not after the date, with no working day strictly between', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        // Act
        const preceding = cn.precedingWorkingDay(date);
        // Assess
        expect(cn.isWorkingDay(preceding)).toBe(true);
        expect(compareDates(preceding, date)).toBeLessThanOrEqual(0);
        for (let n = 1; n <= daysBetween(preceding, date); n++) {
          expect(cn.isWorkingDay(addDays(preceding, n))).toBe(false);
        }
      }),
      { numRuns: 300, seed: 20261121 },
    );
  });
});
