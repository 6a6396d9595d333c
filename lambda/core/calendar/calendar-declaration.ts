/**
 * What a document says about its working days: the base calendar and the days it adds (contract 3,
 * Working days). `calendar: CN` is the declaration `{ base: CN }` with nothing added.
 */
import { addDays, compareDates, yearOf } from '../dates';
import type { CalendarData, IsoDate } from '../model';

export interface CalendarDeclaration {
  /** `CN`, `weekends`, or a country / region code date-holidays knows (`US`, `US-CA`). */
  readonly base: string;
  /** Non-working days added, ranges already expanded, sorted. */
  readonly holidays: readonly IsoDate[];
  /** Working days added (make-up workdays), sorted. */
  readonly workdays: readonly IsoDate[];
  /** Years the two lists describe completely: official data, never provisional. */
  readonly coveredYears: readonly number[];
}

/** Every day of an inclusive range. */
export function expandRange(first: IsoDate, last: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = first; compareDates(day, last) <= 0; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The base calendar's data completed by the document's days: declared holidays are non-working and
 * declared workdays working whatever the base says (a declared day wins over the base), and a declared
 * covered year is official data, so it is not estimated. A base day the declaration contradicts (the
 * base's holiday declared a workday) is dropped from the base's list.
 */
export function completeCalendar(data: CalendarData, declared: CalendarDeclaration): CalendarData {
  if (declared.holidays.length === 0 && declared.workdays.length === 0 && declared.coveredYears.length === 0) {
    return data;
  }
  const addedHolidays = new Set(declared.holidays);
  const addedWorkdays = new Set(declared.workdays);
  const holidays = new Set([...data.holidays.filter((d) => !addedWorkdays.has(d)), ...declared.holidays]);
  const workdays = new Set([...data.workdays.filter((d) => !addedHolidays.has(d)), ...declared.workdays]);
  const coveredYears = [...new Set([...data.coveredYears, ...declared.coveredYears])].sort((a, b) => a - b);
  const provisional = data.provisional && {
    years: data.provisional.years.filter((y) => !declared.coveredYears.includes(y)),
    holidays: data.provisional.holidays.filter((d) => !declared.coveredYears.includes(yearOf(d))),
  };
  return {
    spec: data.spec,
    coveredYears,
    holidays: [...holidays].sort(compareDates),
    workdays: [...workdays].sort(compareDates),
    ...(provisional && provisional.years.length > 0 && { provisional }),
  };
}
