/**
 * Public holidays of any country `date-holidays` knows, turned into calendar data at synth/validate time.
 *
 * Imported by the config loader only (through resolve-calendar.ts): date-holidays with its rule data
 * is far too large for the Lambda bundles, which receive the resolved dates instead.
 */
import Holidays from 'date-holidays';
import { addDays, compareDates } from '../dates';
import type { CalendarData, IsoDate } from '../model';
import { CalendarError } from './calendar-error';

const HOURS = 3_600_000;

let supportedCountries: ReadonlySet<string> | undefined;

/** An upper-case ISO 3166-1 alpha-2 code date-holidays has rules for (`US`, `DE`, `CN`…). */
export function isSupportedCountry(code: string): boolean {
  supportedCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  return typeof code === 'string' && /^[A-Z]{2}$/.test(code) && supportedCountries.has(code);
}

/**
 * The nationwide public holidays (type `public`, no state or region rules) of `countryCode` in `years`,
 * observed substitute days included (US 2026-07-03 for the 4th, a Saturday). Holidays that cover only
 * part of a day (date-holidays has CN's half-day 妇女节 for women, from 12:00) do not make the day
 * non-working. The calendar is authoritative for exactly the requested years.
 */
export function countryCalendarData(countryCode: string, years: readonly number[]): CalendarData {
  if (!isSupportedCountry(countryCode)) {
    throw new CalendarError(`${JSON.stringify(countryCode)} is not a country code with a holiday calendar`);
  }
  const badYears = years.filter((y) => !Number.isInteger(y) || y < 1 || y > 9999);
  if (badYears.length > 0) throw new CalendarError(`calendar years must be whole years, got ${badYears.join(', ')}`);

  const source = new Holidays(countryCode, { types: ['public'] });
  const holidays = new Set<IsoDate>();
  const coveredYears = [...new Set(years)].sort((a, b) => a - b);
  for (const year of coveredYears) {
    for (const holiday of source.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      for (const day of wholeDaysOf(holiday.date, holiday.end.getTime() - holiday.start.getTime())) {
        holidays.add(day);
      }
    }
  }
  return {
    spec: countryCode,
    coveredYears,
    holidays: [...holidays].sort(compareDates),
    workdays: [],
  };
}

/** The local dates a holiday covers from midnight to midnight; `date` is date-holidays' local start. */
function wholeDaysOf(date: string, durationMs: number): IsoDate[] {
  const [day, time] = date.split(' ');
  if (time !== '00:00:00') return [];
  // Slack for a 23-hour day at a DST change (the end is local midnight of the following day).
  const count = Math.floor((durationMs + 2 * HOURS) / (24 * HOURS));
  return Array.from({ length: count }, (_, i) => addDays(day!, i));
}
