import type { WorkingCalendar } from '../core/calendar/working-calendar';
import { daysBetween, zonedDateTimeToInstant } from '../core/dates';
import type { IsoDate, Severity } from '../core/model';
import { expiryAlertKey } from '../core/reminders/alert-key';
import { severityForTier } from '../core/reminders/severity';
import { placeTiers } from '../core/reminders/tier-placement';

/** One reminder of an expiry, as the guard will deliver it and as the calendar alarms it. */
export interface ExpiryAlarm {
  readonly tier: number;
  /** The delivery day, after moving to the preceding working day. */
  readonly date: IsoDate;
  /** The daily check on that day: the instant the guard's own reminder goes out. */
  readonly trigger: Date;
  readonly severity: Severity;
  readonly daysLeft: number;
  readonly key: string;
}

/**
 * The reminders the guard delivers for one expiry: each tier on its working day (collapsed like the
 * cycle collapses them), plus the expiry day itself, on which the cycle always sends its tier-0
 * emergency. Sorted by date.
 */
export function expiryAlarms(
  serviceId: string,
  expiresOn: IsoDate,
  tiers: readonly number[],
  settings: { readonly calendar: WorkingCalendar; readonly checkTime: string; readonly timeZone: string },
): ExpiryAlarm[] {
  const placements = placeTiers(expiresOn, tiers, settings.calendar);
  if (!placements.some((p) => p.tier === 0)) placements.push({ tier: 0, dueOn: expiresOn, date: expiresOn });
  return placements.map(({ tier, date }) => ({
    tier,
    date,
    trigger: zonedDateTimeToInstant(date, settings.checkTime, settings.timeZone),
    severity: severityForTier(tier),
    daysLeft: daysBetween(date, expiresOn),
    key: expiryAlertKey(serviceId, expiresOn, tier),
  }));
}
