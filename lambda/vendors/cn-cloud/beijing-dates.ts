import { addDays, localDate } from '../../core/dates';
import type { IsoDate } from '../../core/model';

/**
 * Tencent, Alibaba and Huawei count billing days in Beijing time (UTC+8, no daylight saving):
 * Alibaba subscriptions end at 00:00 Beijing (`EndTime` 16:00Z), Tencent packages at 23:59:59 of a
 * Beijing day. An instant is turned into a date here, once, for all three.
 */
export const BEIJING = 'Asia/Shanghai';

export function beijingToday(now: Date): IsoDate {
  return localDate(now, BEIJING);
}

/**
 * The last Beijing day a resource ending at `end` can still be used: `2019-09-08T16:00:00Z` (midnight
 * Beijing starting 9 September) is 2019-09-08. Reminders counting down to that day are never late,
 * which a date one day later would be.
 */
export function lastServiceDay(end: Date): IsoDate {
  return localDate(new Date(end.getTime() - 1), BEIJING);
}

/**
 * The `days` days before today, oldest first: today's data is still accruing at every vendor. Days are
 * Beijing days unless the vendor counts in another zone (Huawei's RTC statistics count UTC days).
 */
export function completedDays(
  now: Date,
  days: number,
  timeZone: string = BEIJING,
): { readonly from: IsoDate; readonly to: IsoDate } {
  const yesterday = addDays(localDate(now, timeZone), -1);
  return { from: addDays(yesterday, -(days - 1)), to: yesterday };
}
