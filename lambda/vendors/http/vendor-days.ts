import { isCalendarDate } from '../../core/dates';
import type { IsoDate } from '../../core/model';

/** 9999-12-31T23:59:59.999Z: a later "millisecond" timestamp is in another unit (micro- or nanoseconds). */
const LAST_EPOCH_MS = 253_402_300_799_999;

/**
 * The UTC day of a Unix timestamp in seconds or milliseconds (a value above 1e11 is taken as
 * milliseconds), or undefined when it is neither: negative, not finite, or past the year 9999 — a
 * timestamp in microseconds would otherwise become a date 50,000 years away.
 */
export function epochDay(value: unknown): IsoDate | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  const ms = value > 1e11 ? value : value * 1000;
  return ms > LAST_EPOCH_MS ? undefined : new Date(ms).toISOString().slice(0, 10);
}

/**
 * Whether text that starts `YYYY-MM-DD` starts with a real calendar day. JavaScript's date parser rolls
 * `2026-02-30T00:00:00Z` over to 2 March instead of refusing it.
 */
export function startsWithCalendarDay(text: string): boolean {
  return isCalendarDate(text.slice(0, 10));
}
