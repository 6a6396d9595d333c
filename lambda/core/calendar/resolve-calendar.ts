/**
 * Turns the config document's `calendar:` value into calendar data, once, at synth/validate time.
 *
 * Not re-exported from ./index: it pulls in date-holidays (through ./country), which must stay out of
 * the Lambda bundles. The config loader imports `lambda/core/calendar/resolve-calendar` directly.
 *
 * Specs are case-sensitive: `CN` and other country codes upper case (as ISO 3166 writes them),
 * `weekends` lower case. `cn` or `Weekends` are rejected rather than guessed at, like every other
 * misspelling in the document.
 */
import type { CalendarData } from '../model';
import { CalendarError } from './calendar-error';
import { CN_OFFICIAL_CALENDAR } from './cn-official';
import { provisionalCnHolidays, canEstimateCnYear } from './cn-provisional';
import { countryCalendarData, isSupportedCountry } from './country';
import { WEEKENDS_CALENDAR_SPEC } from './working-calendar';

/** `CN`, `weekends`, or an upper-case country or region code date-holidays knows (`US`, `US-CA`). */
export function isSupportedCalendar(spec: string): boolean {
  return spec === 'CN' || spec === WEEKENDS_CALENDAR_SPEC || isSupportedCountry(spec);
}

/**
 * Calendar data for `spec`, for the `years` the guard will look at (the loader passes e.g. this year and
 * the next two).
 *
 * - `CN`: the official State Council table, whole, whatever `years` asks for. It is covered exactly for
 *   the years it has a notice for, so `hasDataFor(2027)` stays false until 2027's notice is added; each
 *   requested year it lacks gets estimated festival blocks (`provisional`, ./cn-provisional) and
 *   `validate` says so. date-holidays is not consulted: it knows neither the 调休 make-up workdays nor
 *   each year's actual blocks.
 * - `weekends`: no dates; covered years are the requested ones, and WorkingCalendar treats this spec
 *   as complete for every year, so it never reports missing data.
 * - another country code: its public holidays from date-holidays, covered for exactly `years`.
 *
 * @throws CalendarError for any other spec.
 */
export function calendarData(spec: string, years: readonly number[]): CalendarData {
  if (spec === 'CN') return withProvisionalCnYears(CN_OFFICIAL_CALENDAR, years);
  if (spec === WEEKENDS_CALENDAR_SPEC) {
    return { spec, coveredYears: [...new Set(years)].sort((a, b) => a - b), holidays: [], workdays: [] };
  }
  if (isSupportedCountry(spec)) return countryCalendarData(spec, years);
  throw new CalendarError(
    `${JSON.stringify(spec)} is not a calendar: use CN, weekends, an upper-case ISO 3166-1 country code or an ISO 3166-2 region code (US-CA)`,
  );
}

/** The CN table with estimates for the requested years it has no notice for. */
function withProvisionalCnYears(data: CalendarData, years: readonly number[]): CalendarData {
  const missing = [...new Set(years)]
    .filter((y) => !data.coveredYears.includes(y) && canEstimateCnYear(y))
    .sort((a, b) => a - b);
  if (missing.length === 0) return data;
  return { ...data, provisional: { years: missing, holidays: missing.flatMap(provisionalCnHolidays) } };
}
