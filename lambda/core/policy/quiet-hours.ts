import { isInQuietWindow } from '../../../src/shared/quiet-window';
import { addDays, localDate, localTime, zonedDateTimeToInstant } from '../dates';
import type { Alert, GuardConfig, QuietHours } from '../model';

const MS_PER_MINUTE = 60_000;

/**
 * Whether the wall clock in `timeZone` reads inside the quiet window at `instant`: `from` inclusive,
 * `to` exclusive, crossing midnight when `from` is later than `to` (22:00–08:00).
 */
export function isInQuietHours(instant: Date, timeZone: string, quietHours: QuietHours | undefined): boolean {
  if (!quietHours) return false;
  return isInQuietWindow(localTime(instant, timeZone), quietHours);
}

/**
 * When an alert decided at `now` may be delivered: at once, unless quiet hours are on and it is not an
 * emergency (emergencies ignore them, contract section 3); then at the instant the window ends, read on
 * the wall clock of the guard's zone. A window end the clock skips (spring forward) is the moment of the
 * jump; a window end the clock reads twice (fall back) is the first reading still ahead of `now`.
 *
 * @example
 * // quiet 22:00–08:00 in America/New_York; a warning decided at 23:00 on 2026-03-07 (EST) waits for
 * // 08:00 EDT on 2026-03-08, the morning the clocks go forward: 12:00Z, not 13:00Z.
 * deliveryInstant(alert, new Date('2026-03-08T04:00:00Z'), config); // 2026-03-08T12:00:00.000Z
 */
export function deliveryInstant(
  alert: Pick<Alert, 'severity'>,
  now: Date,
  config: Pick<GuardConfig, 'timeZone' | 'quietHours'>,
): Date {
  const quiet = config.quietHours;
  const zone = config.timeZone;
  if (!quiet || alert.severity === 'emergency') return now;
  const time = localTime(now, zone);
  if (!isInQuietWindow(time, quiet)) return now;

  // In the window's morning part (before `to`) it ends today, in its evening part tomorrow.
  const today = localDate(now, zone);
  const end = zonedDateTimeToInstant(time < quiet.to ? today : addDays(today, 1), quiet.to, zone);
  if (end.getTime() > now.getTime()) return end;
  // The clock went back past `to` and reads it a second time today: the window ends at that reading.
  const startOfMinute = now.getTime() - (now.getTime() % MS_PER_MINUTE);
  return new Date(startOfMinute + (minutes(quiet.to) - minutes(time)) * MS_PER_MINUTE);
}

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
