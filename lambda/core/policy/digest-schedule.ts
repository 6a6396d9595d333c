import { addDays, dayOfWeek, localDate, zonedDateTimeToInstant } from '../dates';
import { WEEKDAYS, type GuardConfig, type Weekday } from '../model';

/** dayOfWeek numbers Sunday 0 … Saturday 6; WEEKDAYS lists Monday first. */
function weekdayNumber(weekday: Weekday): number {
  return (WEEKDAYS.indexOf(weekday) + 1) % 7;
}

/**
 * The latest digest slot at or before `now`: the instant the wall clock of the guard's zone last read
 * `digest.time` on `digest.weekday` (a time the clock skips in a spring-forward is the moment of the
 * jump). Undefined when no digest is configured.
 */
export function latestDigestSlot(now: Date, config: Pick<GuardConfig, 'timeZone' | 'digest'>): Date | undefined {
  const digest = config.digest;
  if (!digest) return undefined;
  const today = localDate(now, config.timeZone);
  const back = (dayOfWeek(today) - weekdayNumber(digest.weekday) + 7) % 7;
  const day = addDays(today, -back);
  const slot = zonedDateTimeToInstant(day, digest.time, config.timeZone);
  return slot.getTime() <= now.getTime()
    ? slot
    : zonedDateTimeToInstant(addDays(day, -7), digest.time, config.timeZone);
}

/**
 * Whether a cycle at `now` owes the weekly digest: a slot has passed since the last digest was sent
 * (`lastDigestAt`), or none was ever sent. A daily cycle thus sends it at its first run at or after the
 * slot. Without a record of the last one, claim `digestKey(localDate(slot))` in the ledger instead.
 */
export function isDigestDue(now: Date, config: Pick<GuardConfig, 'timeZone' | 'digest'>, lastDigestAt?: Date): boolean {
  const slot = latestDigestSlot(now, config);
  if (!slot) return false;
  return lastDigestAt === undefined || lastDigestAt.getTime() < slot.getTime();
}
