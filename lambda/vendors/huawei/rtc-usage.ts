import { isCalendarDate } from '../../core/dates';
import type { IsoDate } from '../../core/model';
import { asArray, asObject, parseAmount, ShapeProblem } from '../http';

/**
 * ListRtcHistoryUsage (metric CommunicationDuration): `usage[]` of `{ date, video_sd, video_hd,
 * video_hdp, audio, total_duration }`, durations in **seconds** per UTC day. `total_duration` is the
 * day's audio and video together; it is turned into minutes.
 */
export function readRtcUsage(json: unknown): ReadonlyMap<IsoDate, number> {
  const minutes = new Map<IsoDate, number>();
  asArray(asObject(json, 'the answer').usage, 'usage').forEach((value, i) => {
    const row = asObject(value, `usage[${i}]`);
    const date = isCalendarDate(row.date) ? row.date : undefined;
    if (!date) throw new ShapeProblem(`usage[${i}].date is not a date YYYY-MM-DD`);
    const seconds = parseAmount(row.total_duration, `usage[${i}].total_duration`).amount;
    minutes.set(date, (minutes.get(date) ?? 0) + seconds / 60);
  });
  return minutes;
}
