import type { WorkingCalendar } from '../core/calendar/working-calendar';
import { addDays, daysBetween, zonedDateTimeToInstant } from '../core/dates';
import type { IsoDate, ServiceConfig, Severity } from '../core/model';
import { expiryRemindersBetween } from '../core/reminders/expiry-reminders';

/** One reminder of an expiry, as the guard will deliver it and as the calendar alarms it. */
export interface ExpiryAlarm {
  readonly tier: number;
  /** The delivery day, after moving to the preceding working day. */
  readonly date: IsoDate;
  /** The daily check on that day: the instant the guard's own reminder goes out. */
  readonly trigger: Date;
  readonly severity: Severity;
  /** Days from `date` to the expiry, or to `decideBy` for a contract's decision reminders. */
  readonly daysLeft: number;
  readonly key: string;
  /** Set on a contract's decision reminders: the day by which it must be renewed, renegotiated or ended. */
  readonly decideBy?: IsoDate;
}

/**
 * A tier moves at most this many days earlier (the longest run of non-working days), so reminders read
 * from this far before the longest tier start with nothing already due: no catch-up, every tier on its day.
 */
const PLACEMENT_SLACK_DAYS = 31;

/**
 * The reminders the guard delivers for one expiry, sorted by date: the ones daily cycles send (the core's
 * `expiryRemindersBetween`, so a contract with a notice period gets its decision reminders, under their
 * own keys, and only the expiry tiers inside the notice), each tier on its working day and collapsed as
 * the cycle collapses them, plus the expiry day itself, on which the cycle always sends its tier-0 emergency.
 */
export function expiryAlarms(
  service: ServiceConfig & { readonly expiresOn: IsoDate },
  settings: { readonly calendar: WorkingCalendar; readonly checkTime: string; readonly timeZone: string },
): ExpiryAlarm[] {
  const from = addDays(service.expiresOn, -(Math.max(0, ...service.reminderDays) + PLACEMENT_SLACK_DAYS));
  const reminders = expiryRemindersBetween(service, from, daysBetween(from, service.expiresOn) + 1, {
    calendar: settings.calendar,
    channels: new Map(),
  });
  return reminders.map((r) => ({
    tier: r.tier ?? 0,
    date: r.date,
    trigger: zonedDateTimeToInstant(r.date, settings.checkTime, settings.timeZone),
    severity: r.severity,
    daysLeft: r.daysLeft ?? 0,
    key: r.key,
    ...(r.decideBy === undefined ? {} : { decideBy: r.decideBy }),
  }));
}
