/** Which years of holiday data a document needs, and where the calendar has none. */
import { addDays, yearOf } from '../dates';
import type { CalendarData, IsoDate } from '../model';
import type { ProblemLog } from './problem-log';

/**
 * The years a reminder can land in: from the year before the earliest expiry (a 60-day tier of a
 * January expiry falls in the previous year) through the year after the latest (a renewal moves the
 * date on). Empty when no service has a date: nothing is scheduled by date, so no holidays are needed.
 */
export function yearsToResolve(expiryDates: readonly IsoDate[]): number[] {
  if (expiryDates.length === 0) return [];
  const years = expiryDates.map(yearOf);
  const first = Math.min(...years) - 1;
  const last = Math.max(Math.max(...years), first) + 1;
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * The years reminders actually land in: from the earliest expiry's largest tier back (a 60-day tier
 * of a January expiry falls in the previous year) through the latest expiry. Narrower than
 * `yearsToResolve` on purpose: data for the following year is resolved in case a renewal moves a date
 * on, but its absence is no reason to warn about the dates the document declares.
 */
export function yearsRemindersLandIn(expiryDates: readonly IsoDate[], largestTier: number): number[] {
  if (expiryDates.length === 0) return [];
  const sorted = [...expiryDates].sort();
  const first = yearOf(addDays(sorted[0], -largestTier));
  const last = yearOf(sorted[sorted.length - 1]);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Uncovered years warned about one by one; a document reaching further (a typo like 2126) gets one line for the rest. */
const LISTED_YEARS = 3;

/**
 * One warning per needed year the calendar has no official data for, the first three of them; then one
 * line for the rest. `weekends` needs none.
 */
export function warnUncoveredYears(log: ProblemLog, calendar: CalendarData, years: readonly number[]): void {
  if (calendar.spec === 'weekends') return;
  const uncovered = years.filter((year) => !calendar.coveredYears.includes(year));
  const rest = uncovered.slice(LISTED_YEARS);
  for (const year of uncovered.slice(0, LISTED_YEARS)) {
    if (calendar.provisional?.years.includes(year)) {
      const blocks = dayRanges(calendar.provisional.holidays.filter((d) => yearOf(d) === year));
      log.warn(
        'calendar',
        `${calendar.spec} has no official holiday data for ${year}; it is provisional: the festivals are estimated ` +
          `and treated as non-working (${blocks.join(', ')}), so reminders move earlier, never later. Once the ` +
          `official schedule is out, declare it: calendar: { base: ${calendar.spec}, holidays: [...], ` +
          `workdays: [...], coveredYears: [${year}] }`,
      );
    } else {
      log.warn('calendar', `${calendar.spec} has no official holiday data for ${year}; weekends alone are used there`);
    }
  }
  if (rest.length > 0) {
    const span = rest.length === 1 ? `${rest[0]}` : `${rest[0]}-${rest[rest.length - 1]}`;
    log.warn(
      'calendar',
      `${calendar.spec} has no official holiday data for ${span} either (${rest.length} more year` +
        `${rest.length === 1 ? '' : 's'}): they are treated as the years above; if a date reaches that far by ` +
        `mistake, correct it, else declare them under calendar: { coveredYears }`,
    );
  }
}

/** Sorted days as runs: `2027-02-04/2027-02-13` for a block, the date alone for a single day. */
export function dayRanges(days: readonly IsoDate[]): string[] {
  const runs: string[] = [];
  let first: IsoDate | undefined;
  let last: IsoDate | undefined;
  for (const day of [...days].sort()) {
    if (last !== undefined && addDays(last, 1) === day) {
      last = day;
      continue;
    }
    if (first !== undefined) runs.push(first === last ? first : `${first}/${last}`);
    first = day;
    last = day;
  }
  if (first !== undefined) runs.push(first === last ? first : `${first}/${last}`);
  return runs;
}
