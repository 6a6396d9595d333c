import { ShapeProblem } from '../http';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An instant as these vendors write it: ISO 8601 with a zone (`2019-09-08T16:00:00Z`), or epoch
 * seconds or milliseconds as a number. Anything else is a ShapeProblem naming `what`, so a changed
 * format fails loudly instead of moving an expiry.
 */
export function readInstant(value: unknown, what: string): Date {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    // Seconds until 2286; milliseconds from 1970-04-27 on: the two ranges do not overlap in practice.
    return new Date(value < 1e10 ? value * 1000 : value);
  }
  if (typeof value === 'string' && ISO_INSTANT.test(value.trim())) {
    const at = new Date(value.trim());
    if (!Number.isNaN(at.getTime())) return at;
  }
  throw new ShapeProblem(`${what} is not an ISO 8601 instant or epoch time`);
}
