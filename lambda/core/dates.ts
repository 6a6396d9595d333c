/**
 * Calendar-date and wall-clock arithmetic for the pure core.
 *
 * Calendar dates are `YYYY-MM-DD` strings and all date arithmetic is done on epoch days (days since
 * 1970-01-01, proleptic Gregorian) with integer maths, never through `Date` in the host's zone: a DST
 * change or the machine's TZ can then never shift a reminder by a day. Wall-clock questions ("what day
 * is it in Asia/Shanghai at this instant?") go through `Intl`, the only time-zone database the Lambda
 * runtime ships. Nothing here reads the clock: instants come in as arguments.
 */
import { RenewalGuardError } from './errors';
import type { IsoDate } from './model';

/** A malformed date, time or time zone reached a function that needs a valid one. Not retryable. */
export class DateInputError extends RenewalGuardError {
  public constructor(message: string) {
    super(message, { retryable: false });
    this.name = 'DateInputError';
  }
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

interface Civil {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseCivil(s: string): Civil | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function civilOf(date: IsoDate): Civil {
  const civil = typeof date === 'string' ? parseCivil(date) : undefined;
  if (!civil) throw new DateInputError(`${JSON.stringify(date)} is not a calendar date`);
  return civil;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for every year 0000..9999, unlike Date.UTC,
// which maps years 0..99 onto 1900..1999.
function epochDayOfCivil({ year, month, day }: Civil): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function civilOfEpochDay(days: number): Civil {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatCivil({ year, month, day }: Civil): IsoDate {
  if (year < 0 || year > 9999) throw new DateInputError(`year ${year} is outside 0000..9999`);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Days since 1970-01-01 (negative before it). */
function epochDay(date: IsoDate): number {
  return epochDayOfCivil(civilOf(date));
}

/**
 * The epoch day of a calendar date (days since 1970-01-01, negative before it): for hot loops that do
 * several sums on one date and would otherwise parse it once per `daysBetween` or `addDays`.
 */
export function epochDayOf(date: IsoDate): number {
  return epochDay(date);
}

/** The calendar date of an epoch day; the inverse of `epochDayOf`. */
export function dateOfEpochDay(days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new DateInputError(`${days} is not a whole number of days`);
  return formatCivil(civilOfEpochDay(days));
}

/** A strict `YYYY-MM-DD` naming a real day: rejects `2026-02-30`, `2026-13-01`, `2025-02-29`, `2026-9-1`. */
export function isCalendarDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && parseCivil(s) !== undefined;
}

/**
 * The years a document's dates (and the CLI's `--from`, `--now`) may name. Wider than any contract or
 * package, narrow enough that every reminder tier before (up to 3650 days) and the day after an expiry
 * stay inside the years this module, the holiday library and iCalendar's 4-digit DATE can all express.
 */
export const SUPPORTED_YEARS = { first: 2000, last: 2199 } as const;

/** A calendar date in SUPPORTED_YEARS. */
export function isSupportedDate(s: unknown): s is IsoDate {
  if (!isCalendarDate(s)) return false;
  const year = Number(s.slice(0, 4));
  return year >= SUPPORTED_YEARS.first && year <= SUPPORTED_YEARS.last;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * A strict ISO-8601 instant with an offset, as users type them: `2026-09-30T09:30:00+08:00`,
 * `2026-09-30T01:30Z`. Unlike `Date.parse`, nothing rolls over: `2026-02-30T…`, `2026-02-29T…` (not a
 * leap year), `T24:00`, minute or second 60 and offsets past ±23:59 are refused (undefined), as are
 * dates outside SUPPORTED_YEARS and a date without a time (midnight UTC is rarely the day meant).
 */
export function parseInstant(s: unknown): Date | undefined {
  if (typeof s !== 'string') return undefined;
  const m = INSTANT.exec(s);
  if (!m || !isSupportedDate(m[1])) return undefined;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), m[4] === undefined ? 0 : Number(m[4])];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (m[7] !== undefined && (Number(m[7]) > 23 || Number(m[8]) > 59)) return undefined;
  const instant = new Date(s);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

/** A strict `HH:MM` between `00:00` and `23:59` (no seconds, no `24:00`). */
export function isTimeOfDay(s: unknown): s is string {
  return typeof s === 'string' && TIME_OF_DAY.test(s);
}

/** The date `n` calendar days after `date` (before it when `n` is negative). `n` must be an integer. */
export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new DateInputError(`${n} is not a whole number of days`);
  return formatCivil(civilOfEpochDay(epochDay(date) + n));
}

/** `to − from` in calendar days: `daysBetween('2026-09-30', '2026-10-09') === 9`. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps dates before 1970 in 0..6.
  return (((epochDay(date) + 4) % 7) + 7) % 7;
}

/** Saturday or Sunday. */
export function isWeekend(date: IsoDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

export function yearOf(date: IsoDate): number {
  return civilOf(date).year;
}

/** Negative, zero or positive as `a` is before, on or after `b`; usable as an `Array#sort` comparator. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(daysBetween(b, a));
}

// Building an Intl.DateTimeFormat costs tens of microseconds; a cycle asks about the same zone thousands
// of times, so one formatter per zone is kept. The map only ever holds zones that Intl accepted.
const formatters = new Map<string, Intl.DateTimeFormat>();

// ECMA-402 (2024) lets Intl accept bare offsets such as `+08:00`; Node 20 does not yet, newer runtimes do.
function isOffsetLike(tz: string): boolean {
  return /^[+\-\u2212]/.test(tz);
}

/**
 * An IANA time zone name that this runtime's `Intl` knows, spelled with the database's capitalisation
 * (`Asia/Shanghai`, `UTC`, `Etc/GMT+8`; aliases such as `Asia/Calcutta` are accepted).
 *
 * Rejected on purpose even where a newer `Intl` would accept them: raw offsets (`+08:00`) and
 * wrong capitalisation (`asia/shanghai`, `utc`). The same string configures the EventBridge Scheduler's
 * time zone at deploy time, which wants an IANA name, and offsets would silently ignore DST.
 */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz === '' || isOffsetLike(tz)) return false;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  // Intl matches names case-insensitively; the same name in other letters is a misspelling, while a
  // different name is an alias it canonicalised (Asia/Calcutta → Asia/Kolkata), which is fine.
  return resolved === tz || resolved.toLowerCase() !== tz.toLowerCase();
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    if (!isValidTimeZone(timeZone)) throw new DateInputError(`${JSON.stringify(timeZone)} is not an IANA time zone`);
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock extends Civil {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function instantMs(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : NaN;
  if (Number.isNaN(ms)) throw new DateInputError('the instant is not a valid Date');
  return ms;
}

function wallClockAt(ms: number, timeZone: string): WallClock {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  return {
    // 'BC' years (instants before year 1) only show up with absurd inputs; keep them arithmetic-correct.
    year: fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
}

/** The wall clock read as if it were UTC, in ms: the zone's offset is this minus the instant. */
function wallMs(w: WallClock): number {
  return epochDayOfCivil(w) * MS_PER_DAY + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
}

/** The zone's UTC offset at an instant, in ms (+8 h for Asia/Shanghai). */
function offsetAt(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return wallMs(wallClockAt(wholeSecond, timeZone)) - wholeSecond;
}

/** The calendar date an instant falls on in `timeZone`. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  return formatCivil(wallClockAt(instantMs(instant), timeZone));
}

/** The `HH:MM` wall-clock time of an instant in `timeZone` (seconds dropped, not rounded). */
export function localTime(instant: Date, timeZone: string): string {
  const w = wallClockAt(instantMs(instant), timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * The instant at which the wall clock in `timeZone` first reads `date` `time` (`HH:MM`), or, when the
 * clock skips that reading, the first instant after the skip.
 *
 * - Ambiguous (clocks go back, the reading happens twice): the earlier instant, so a daily check never
 *   runs an hour late. America/New_York 2026-11-01 01:30 → 05:30Z (EDT), not 06:30Z (EST).
 * - Non-existent (clocks go forward over it): the moment of the transition, the first instant whose
 *   reading is past the requested one. America/New_York 2026-03-08 02:30 → 03:00 EDT = 07:00Z.
 *   (Temporal's "compatible" mode would say 03:30; we prefer not to wait longer than the skip forces.)
 */
export function zonedDateTimeToInstant(date: IsoDate, time: string, timeZone: string): Date {
  const civil = civilOf(date);
  if (!isTimeOfDay(time)) throw new DateInputError(`${JSON.stringify(time)} is not a time of day (HH:MM)`);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = epochDayOfCivil(civil) * MS_PER_DAY + (hour * 60 + minute) * MS_PER_MINUTE;

  // Real zones change offset at most once within a day, so the offsets a day either side bound every
  // candidate: the reading exists under one of them, under both (ambiguous), or under neither (a gap).
  const offsetBefore = offsetAt(wall - MS_PER_DAY, timeZone);
  const offsetAfter = offsetAt(wall + MS_PER_DAY, timeZone);
  const candidates = [wall - offsetBefore, wall - offsetAfter]
    .filter((t) => t + offsetAt(t, timeZone) === wall)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0]!);

  // A gap: the offset grew, so wall − offsetAfter < wall − offsetBefore, and the transition lies between.
  // Bisect for the first millisecond already on the later offset.
  let lo = wall - offsetAfter;
  let hi = wall - offsetBefore;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === offsetAfter) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/**
 * An instant as ISO-8601 with the zone's offset and no fraction: `2026-09-30T09:30:00+08:00`. UTC is
 * written `+00:00`, not `Z`, so every output has the same shape. Historic offsets with seconds (local
 * mean time before ~1900) keep them (`+08:05:43`) rather than print a wall time that does not match.
 */
export function formatOffsetDateTime(instant: Date, timeZone: string): string {
  const ms = Math.floor(instantMs(instant) / 1000) * 1000;
  const w = wallClockAt(ms, timeZone);
  const offsetSeconds = Math.round((wallMs(w) - ms) / 1000);
  const abs = Math.abs(offsetSeconds);
  const sign = offsetSeconds < 0 ? '-' : '+';
  const offsetSecondsPart = abs % 60 === 0 ? '' : `:${pad(abs % 60)}`;
  const offset = `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${offsetSecondsPart}`;
  return `${formatCivil(w)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offset}`;
}
