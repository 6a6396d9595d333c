import { isInQuietWindow } from '../../../src/shared/quiet-window';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { addDays, localDate, localTime, zonedDateTimeToInstant } from '../dates';
import type { Alert, GuardConfig, QuietHours } from '../model';

/** The config's default check time (validate-settings' DEFAULT_CHECK_TIME), for configs that omit it. */
const DEFAULT_CHECK_TIME = '09:00';

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
 * When an alert decided at `now` may be delivered. With a `calendar`, an `info` or `warning` alert decided
 * on a non-working day waits for the next working day's check time (contract 3: every alert kind obeys
 * the calendar; `critical` and `emergency` go out at once). Then quiet hours: at once, unless they are on
 * and it is not an emergency (emergencies ignore them); then at the instant the window ends, read on
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
  config: Pick<GuardConfig, 'timeZone' | 'quietHours'> & { readonly checkTime?: string },
  calendar?: WorkingCalendar,
): Date {
  return afterQuietHours(alert, afterNonWorkingDays(alert, now, config, calendar), config);
}

/**
 * `now`, or for a planning notice (`info`, `warning`) decided on a non-working day, the check time of
 * the next working day (the cycle that runs then delivers it from the outbox).
 */
function afterNonWorkingDays(
  alert: Pick<Alert, 'severity'>,
  now: Date,
  config: Pick<GuardConfig, 'timeZone'> & { readonly checkTime?: string },
  calendar: WorkingCalendar | undefined,
): Date {
  if (!calendar || (alert.severity !== 'info' && alert.severity !== 'warning')) return now;
  const today = localDate(now, config.timeZone);
  if (calendar.isWorkingDay(today)) return now;
  return zonedDateTimeToInstant(
    calendar.followingWorkingDay(today),
    config.checkTime ?? DEFAULT_CHECK_TIME,
    config.timeZone,
  );
}

function afterQuietHours(
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
