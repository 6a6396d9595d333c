import { ShapeProblem } from '../http';
import { startsWithCalendarDay } from '../http/vendor-days';

/** 9999-12-31T23:59:59.999Z: a later "millisecond" value is in another unit (micro- or nanoseconds). */
const LAST_EPOCH_MS = 253_402_300_799_999;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An instant as these vendors write it: ISO 8601 with a zone (`2019-09-08T16:00:00Z`), or epoch
 * seconds or milliseconds as a number. Anything else is a ShapeProblem naming `what`, so a changed
 * format fails loudly instead of moving an expiry.
 */
export function readInstant(value: unknown, what: string): Date {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    // Seconds until 2286; milliseconds from 1970-04-27 on: the two ranges do not overlap in practice.
    const ms = value < 1e10 ? value * 1000 : value;
    if (ms <= LAST_EPOCH_MS) return new Date(ms);
  }
  // JavaScript rolls 2026-02-30T… over to 2 March: a day that does not exist is refused, not moved
  if (typeof value === 'string' && ISO_INSTANT.test(value.trim()) && startsWithCalendarDay(value.trim())) {
    const at = new Date(value.trim());
    if (!Number.isNaN(at.getTime())) return at;
  }
  throw new ShapeProblem(`${what} is not an ISO 8601 instant or epoch time`);
}
