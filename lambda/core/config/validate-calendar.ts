/**
 * `calendar:`: a spec (`CN`, `US-CA`, `weekends`) or a mapping that completes one (contract 3, Working
 * days): `{ base, holidays, workdays, coveredYears }`. Specs are case-sensitive, like the calendar module:
 * a near miss (`cn`, `Weekends`) is refused with the spelling that would work, rather than guessed at.
 */
import { expandRange, type CalendarDeclaration } from '../calendar/calendar-declaration';
import { compareDates, daysBetween, isCalendarDate, isSupportedDate, SUPPORTED_YEARS, yearOf } from '../dates';
import type { IsoDate } from '../model';
import { describeValue, isMapping, readList, reportUnknownKeys, valueOf, type Mapping } from './fields';
import { fieldPath, itemPath, type ProblemLog } from './problem-log';

export const DEFAULT_CALENDAR = 'weekends';
const CALENDAR_FIELDS = ['base', 'holidays', 'workdays', 'coveredYears'] as const;
/** A range longer than a year is a typo (a wrong year), not a holiday. */
const MAX_RANGE_DAYS = 366;

/** The document's calendar as a declaration; undefined (with problems logged) when it is invalid. */
export function readCalendar(
  log: ProblemLog,
  doc: Mapping,
  isSupportedCalendar: (spec: string) => boolean,
): CalendarDeclaration | undefined {
  const value = valueOf(doc, 'calendar');
  if (value === undefined) return plain(DEFAULT_CALENDAR);
  if (!isMapping(value)) {
    const base = readSpec(log, value, 'calendar', isSupportedCalendar);
    return base === undefined ? undefined : plain(base);
  }
  const before = log.count;
  reportUnknownKeys(log, value, 'calendar', CALENDAR_FIELDS);
  const rawBase = valueOf(value, 'base');
  const base =
    rawBase === undefined
      ? (log.error('calendar.base', `required; the calendar these days complete, e.g. CN, US, weekends`), undefined)
      : readSpec(log, rawBase, 'calendar.base', isSupportedCalendar);
  const holidays = readDays(log, value, 'holidays');
  const workdays = readDays(log, value, 'workdays');
  const coveredYears = readYears(log, value);

  const holidayAt = new Map(holidays.map((d) => [d.day, d.path]));
  for (const { day, path } of workdays) {
    const other = holidayAt.get(day);
    if (other !== undefined) log.error(path, `${day} is both a working day and a holiday (${other}); keep one`);
  }
  const holidayDays = holidays.map((d) => d.day);
  for (const { year, path } of coveredYears) {
    if (!holidayDays.some((d) => yearOf(d) === year)) {
      log.error(
        path,
        `${year} is declared complete but calendar.holidays has no day in ${year}; list its holidays, or remove the year`,
      );
    }
  }
  if (log.count > before || base === undefined) return undefined;
  return {
    base,
    holidays: unique(holidayDays),
    workdays: unique(workdays.map((d) => d.day)),
    coveredYears: [...new Set(coveredYears.map((y) => y.year))].sort((a, b) => a - b),
  };
}

function plain(base: string): CalendarDeclaration {
  return { base, holidays: [], workdays: [], coveredYears: [] };
}

function readSpec(
  log: ProblemLog,
  value: unknown,
  at: string,
  isSupportedCalendar: (spec: string) => boolean,
): string | undefined {
  const examples = 'e.g. CN, US, weekends';
  if (typeof value !== 'string') {
    log.error(at, `expected a calendar (${examples}), got ${describeValue(value)}`);
    return undefined;
  }
  if (isSupportedCalendar(value)) return value;
  const respelled = value.trim().toLowerCase() === DEFAULT_CALENDAR ? DEFAULT_CALENDAR : value.trim().toUpperCase();
  const hint = respelled !== value && isSupportedCalendar(respelled) ? `; did you mean ${respelled}?` : '';
  log.error(at, `${describeValue(value)} is not a supported calendar (${examples})${hint}`);
  return undefined;
}

interface DeclaredDay {
  readonly day: IsoDate;
  /** The list item it came from, for problems. */
  readonly path: string;
}

/** `YYYY-MM-DD` or an inclusive range `YYYY-MM-DD/YYYY-MM-DD`, each day named by its item's path. */
function readDays(log: ProblemLog, calendar: Mapping, key: 'holidays' | 'workdays'): DeclaredDay[] {
  const list = readList(
    log,
    calendar,
    'calendar',
    key,
    'a list of dates (YYYY-MM-DD) or ranges (YYYY-MM-DD/YYYY-MM-DD)',
  );
  const days: DeclaredDay[] = [];
  (list ?? []).forEach((item, index) => {
    const path = itemPath(fieldPath('calendar', key), index);
    if (typeof item !== 'string') {
      log.error(path, `expected a date (YYYY-MM-DD) or a range (YYYY-MM-DD/YYYY-MM-DD), got ${describeValue(item)}`);
      return;
    }
    const parts = item.split('/');
    if (parts.length > 2) {
      log.error(path, `${describeValue(item)} is not a date or a range (YYYY-MM-DD/YYYY-MM-DD)`);
      return;
    }
    const bad = parts.filter((p) => !isCalendarDate(p));
    if (bad.length > 0) {
      log.error(path, `${describeValue(bad[0])} is not a calendar date (expected YYYY-MM-DD)`);
      return;
    }
    const outside = parts.find((p) => !isSupportedDate(p));
    if (outside !== undefined) {
      log.error(
        path,
        `${describeValue(outside)} is outside the supported years ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last}`,
      );
      return;
    }
    const [first, last = first] = parts as [IsoDate, IsoDate?];
    if (compareDates(first, last) > 0) {
      log.error(path, `range ${item} ends before it starts; write the earlier date first`);
      return;
    }
    if (daysBetween(first, last) >= MAX_RANGE_DAYS) {
      log.error(path, `range ${item} spans more than ${MAX_RANGE_DAYS} days; check the years`);
      return;
    }
    for (const day of expandRange(first, last)) days.push({ day, path });
  });
  return days;
}

function readYears(log: ProblemLog, calendar: Mapping): Array<{ year: number; path: string }> {
  const list = readList(log, calendar, 'calendar', 'coveredYears', 'a list of years such as [2027]');
  const years: Array<{ year: number; path: string }> = [];
  (list ?? []).forEach((item, index) => {
    const path = itemPath('calendar.coveredYears', index);
    if (
      typeof item === 'number' &&
      Number.isInteger(item) &&
      item >= SUPPORTED_YEARS.first &&
      item <= SUPPORTED_YEARS.last
    ) {
      years.push({ year: item, path });
    } else {
      log.error(path, `expected a year such as 2027, got ${describeValue(item)}`);
    }
  });
  return years;
}

function unique(days: readonly IsoDate[]): IsoDate[] {
  return [...new Set(days)].sort(compareDates);
}
