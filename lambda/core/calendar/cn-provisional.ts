/**
 * Estimated CN holidays for a year the State Council has not published (or the table lacks): the
 * statutory festivals located with the lunar calendar and solar terms (tyme4ts), each widened to the
 * block it is likely to get. Every estimate errs towards more days off: a reminder placed against it
 * moves earlier, never later, than against the official schedule.
 *
 * - 春节: from the day before 除夕 through 初八 (10 days: 2024's 初一–初八 and 2025–2026's 除夕-eve–初七 lie inside).
 * - 劳动节: May 1–5. 国庆节: October 1–7, through the 8th when 中秋节 falls in it (as in 2025).
 * - 元旦, 清明节 (the solar term), 端午节 (五月初五), 中秋节 (八月十五): the day with its adjoining weekend.
 *
 * Make-up workdays are not guessed: weekends stay non-working, which also only moves reminders earlier.
 * Imported by resolve-calendar only: the Lambda bundles receive the resolved dates, not the library.
 */
import { LunarDay, SolarTerm } from 'tyme4ts';
import { addDays, compareDates, dayOfWeek } from '../dates';
import type { IsoDate } from '../model';
import { expandRange } from './calendar-declaration';

/** Years tyme4ts's tables are trusted for here; outside them nothing is estimated. */
const FIRST_YEAR = 1950;
const LAST_YEAR = 2200;

export interface ProvisionalBlock {
  readonly festival: string;
  readonly first: IsoDate;
  readonly last: IsoDate;
}

/** Whether `year` can be estimated at all. */
export function canEstimateCnYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** The likely holiday blocks of `year`, in date order; empty outside the supported years. */
export function provisionalCnBlocks(year: number): ProvisionalBlock[] {
  if (!canEstimateCnYear(year)) return [];
  const newYear = lunarToSolar(year, 1, 1);
  const midAutumn = lunarToSolar(year, 8, 15);
  const nationalDayLast =
    compareDates(midAutumn, iso(year, 10, 1)) >= 0 && compareDates(midAutumn, iso(year, 10, 8)) <= 0
      ? iso(year, 10, 8)
      : iso(year, 10, 7);
  const blocks: ProvisionalBlock[] = [
    withWeekend('元旦', iso(year, 1, 1)),
    { festival: '春节', first: addDays(newYear, -2), last: addDays(newYear, 7) },
    withWeekend('清明节', solarTermDay(year, '清明')),
    { festival: '劳动节', first: iso(year, 5, 1), last: iso(year, 5, 5) },
    withWeekend('端午节', lunarToSolar(year, 5, 5)),
    { festival: '国庆节', first: iso(year, 10, 1), last: nationalDayLast },
  ];
  if (compareDates(midAutumn, iso(year, 10, 1)) < 0 || compareDates(midAutumn, iso(year, 10, 8)) > 0) {
    blocks.push(withWeekend('中秋节', midAutumn));
  }
  return blocks.sort((a, b) => compareDates(a.first, b.first));
}

/** Every estimated non-working day of `year` (weekends outside the blocks not listed). */
export function provisionalCnHolidays(year: number): IsoDate[] {
  const days = new Set(provisionalCnBlocks(year).flatMap((b) => expandRange(b.first, b.last)));
  return [...days].sort(compareDates);
}

/**
 * The festival day and the weekend next to it: Monday and Tuesday reach back to Saturday, Thursday and
 * Friday forward to Sunday, a weekend festival takes the Monday after; a Wednesday stands alone.
 */
function withWeekend(festival: string, day: IsoDate): ProvisionalBlock {
  switch (dayOfWeek(day)) {
    case 1:
      return { festival, first: addDays(day, -2), last: day };
    case 2:
      return { festival, first: addDays(day, -3), last: day };
    case 4:
      return { festival, first: day, last: addDays(day, 3) };
    case 5:
      return { festival, first: day, last: addDays(day, 2) };
    case 6:
      return { festival, first: day, last: addDays(day, 2) };
    case 0:
      return { festival, first: addDays(day, -1), last: addDays(day, 1) };
    default:
      return { festival, first: day, last: day };
  }
}

function lunarToSolar(year: number, month: number, day: number): IsoDate {
  const solar = LunarDay.fromYmd(year, month, day).getSolarDay();
  return iso(solar.getYear(), solar.getMonth(), solar.getDay());
}

function solarTermDay(year: number, name: string): IsoDate {
  const solar = SolarTerm.fromName(year, name).getJulianDay().getSolarDay();
  return iso(solar.getYear(), solar.getMonth(), solar.getDay());
}

function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
