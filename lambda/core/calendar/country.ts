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

/**
 * ISO 3166-2 subdivisions that date-holidays keeps as countries of their own: `CN-HK` is `HK`.
 * (date-holidays has no Macao calendar, so `CN-MO` stays unsupported rather than silently China's.)
 */
const SUBDIVISIONS_KEPT_AS_COUNTRIES: Readonly<Record<string, string>> = { 'CN-HK': 'HK', 'CN-TW': 'TW' };

/** Where date-holidays keeps `code`'s rules: a country, or a country and one of its states. */
interface HolidaySource {
  readonly country: string;
  readonly state?: string;
}

function holidaySource(code: string): HolidaySource | undefined {
  if (typeof code !== 'string') return undefined;
  supportedCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  if (/^[A-Z]{2}$/.test(code)) return supportedCountries.has(code) ? { country: code } : undefined;
  const kept = SUBDIVISIONS_KEPT_AS_COUNTRIES[code];
  if (kept !== undefined) return supportedCountries.has(kept) ? { country: kept } : undefined;
  const match = /^([A-Z]{2})-([A-Z0-9]{1,3})$/.exec(code);
  if (!match || !supportedCountries.has(match[1]!)) return undefined;
  const states = new Holidays().getStates(match[1]!) ?? {};
  return Object.prototype.hasOwnProperty.call(states, match[2]!) ? { country: match[1]!, state: match[2]! } : undefined;
}

/**
 * An upper-case ISO 3166-1 alpha-2 code date-holidays has rules for (`US`, `DE`, `CN`…), or an
 * ISO 3166-2 subdivision it has rules for (`US-CA`, `DE-BY`, `CN-HK`).
 */
export function isSupportedCountry(code: string): boolean {
  return holidaySource(code) !== undefined;
}

/**
 * The public holidays (type `public`) of `countryCode` in `years`, a subdivision's own included (`DE-BY`
 * adds Epiphany and Corpus Christi to Germany's),
 * observed substitute days included (US 2026-07-03 for the 4th, a Saturday). Holidays that cover only
 * part of a day (date-holidays has CN's half-day 妇女节 for women, from 12:00) do not make the day
 * non-working. The calendar is authoritative for exactly the requested years.
 */
export function countryCalendarData(countryCode: string, years: readonly number[]): CalendarData {
  const where = holidaySource(countryCode);
  if (where === undefined) {
    throw new CalendarError(`${JSON.stringify(countryCode)} is not a country or region code with a holiday calendar`);
  }
  const badYears = years.filter((y) => !Number.isInteger(y) || y < 1 || y > 9999);
  if (badYears.length > 0) throw new CalendarError(`calendar years must be whole years, got ${badYears.join(', ')}`);

  const source =
    where.state === undefined
      ? new Holidays(where.country, { types: ['public'] })
      : new Holidays(where.country, where.state, { types: ['public'] });
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
