/**
 * A runway in the days people can act (issue #13, point 4, last sentence). A balance is topped up on a
 * working day: nobody is at work, and vendors' support is closed, over weekends and holidays. So what a
 * runway leaves is the working days before the day the balance runs dry, not the calendar days: a
 * balance that runs out mid Spring Festival must be topped up by the last working day before the block,
 * and a 14-day runway read on 2026-02-06 leaves 6 working days to act (02-09 to the make-up Saturday 02-14),
 * not the 9 of an ordinary fortnight.
 *
 * `minRunwayDays` is said in calendar days; its working-day counterpart is what such a runway leaves to
 * act in an ordinary week: the working days of the span (5 in 7, rounded up) but the day it runs dry,
 * so 14 calendar days → 9 working days, whichever weekday it starts on. The runway threshold holds when
 * either falls short: an ordinary week is judged as before, and the calendar only ever moves a warning
 * earlier (a weekend or a holiday block just before the balance runs dry).
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import { addDays, compareDates } from '../dates';
import type { IsoDate } from '../model';

/** Working days in an ordinary week, over its days. */
const WORKING_SHARE = 5 / 7;

export interface WorkingRunway {
  /** The day the balance runs dry at the current spend (today + the whole days it lasts). */
  readonly runsOutOn: IsoDate;
  /** The last working day before it: the last day anyone can top up. */
  readonly lastDayToAct: IsoDate;
  /** Working days after today up to and including `lastDayToAct` (counted up to `cap` at most). */
  readonly workingDays: number;
}

/** The working days a `calendarDays` runway leaves to act in an ordinary week: the threshold's twin. */
export function workingDaysIn(calendarDays: number): number {
  return Math.max(0, Math.ceil(calendarDays * WORKING_SHARE) - 1);
}

/**
 * The runway as working days to act, from today. `runwayDays` is the calendar runway (runway.ts); `cap`
 * bounds the count (a long runway needs no exact figure, only that it exceeds the threshold).
 */
export function workingRunway(
  today: IsoDate,
  runwayDays: number,
  calendar: WorkingCalendar,
  cap: number,
): WorkingRunway {
  const runsOutOn = addDays(today, Math.max(0, Math.floor(runwayDays)));
  const dayBefore = addDays(runsOutOn, -1);
  const lastDayToAct = compareDates(dayBefore, today) < 0 ? today : calendar.precedingWorkingDay(dayBefore);
  let workingDays = 0;
  for (let day = addDays(today, 1); compareDates(day, lastDayToAct) <= 0 && workingDays <= cap; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) workingDays++;
  }
  return { runsOutOn, lastDayToAct, workingDays };
}
