/** Reminder tiers: how many days before expiry each reminder is due. */
import { describeValue } from './fields';
import { itemPath, type ProblemLog } from './problem-log';

export const DEFAULT_REMINDER_DAYS: readonly number[] = [60, 30, 15, 7, 1];
const MAX_DAYS = 3650;

/**
 * A non-empty list of whole days from 0 to 3650, each once; returned in descending order (most distant
 * tier first), the order the tier logic walks them in.
 */
export function readReminderDays(log: ProblemLog, value: unknown, path: string): number[] | undefined {
  if (!Array.isArray(value)) {
    log.error(path, `expected a list of days such as [30, 7, 1], got ${describeValue(value)}`);
    return undefined;
  }
  if (value.length === 0) {
    log.error(path, 'empty; give at least one number of days such as [30, 7, 1], or leave the field out');
    return undefined;
  }
  const before = log.count;
  const seenAt = new Map<number, number>();
  value.forEach((day: unknown, i) => {
    const at = itemPath(path, i);
    if (typeof day !== 'number') {
      log.error(at, `expected a whole number of days, got ${describeValue(day)}`);
    } else if (!Number.isInteger(day) || day < 0 || day > MAX_DAYS) {
      log.error(at, `${describeValue(day)} is not a whole number of days from 0 to ${MAX_DAYS}`);
    } else if (seenAt.has(day)) {
      log.error(at, `${day} is listed twice (also at ${itemPath(path, seenAt.get(day)!)}); keep one`);
    } else {
      seenAt.set(day, i);
    }
  });
  if (log.count > before) return undefined;
  return [...seenAt.keys()].sort((a, b) => b - a);
}
