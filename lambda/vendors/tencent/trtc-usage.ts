import type { IsoDate } from '../../core/model';
import { asArray, asObject, parseAmount, ShapeProblem } from '../http';

export interface TrtcUsage {
  /** Minutes per day, all usage categories together. */
  readonly minutesByDay: ReadonlyMap<IsoDate, number>;
  readonly response: Readonly<Record<string, unknown>>;
}

/**
 * DescribeTrtcUsage: `UsageKey` names the categories (Audio, SD, HD, FullHD, 2K, 4K) and every
 * `UsageList` row carries one value per key, by position, in minutes. Over more than a day the rows
 * are daily (`TimeKey` "2022-01-01 00:00:00"); a 5-minute series (a one-day window) folds into its day
 * the same way. Tencent's FAQ says "precise to the second" while the API doc says minutes: the doc's
 * unit is used, as the vendor-apis notes advise.
 */
export function readTrtcUsage(json: unknown): TrtcUsage {
  const response = asObject(asObject(json, 'the answer').Response, 'Response');
  const keys = asArray(response.UsageKey, 'Response.UsageKey');
  const rows = asArray(response.UsageList, 'Response.UsageList');
  const minutesByDay = new Map<IsoDate, number>();
  rows.forEach((value, i) => {
    const at = `Response.UsageList[${i}]`;
    const row = asObject(value, at);
    const day = typeof row.TimeKey === 'string' ? /^(\d{4}-\d{2}-\d{2})/.exec(row.TimeKey)?.[1] : undefined;
    if (day === undefined) throw new ShapeProblem(`${at}.TimeKey is not a "YYYY-MM-DD hh:mm:ss" time`);
    const values = asArray(row.UsageValue, `${at}.UsageValue`);
    if (values.length !== keys.length) {
      throw new ShapeProblem(`${at}.UsageValue has ${values.length} values for ${keys.length} UsageKey entries`);
    }
    const minutes = values.reduce<number>((sum, v, j) => sum + parseAmount(v, `${at}.UsageValue[${j}]`).amount, 0);
    minutesByDay.set(day, (minutesByDay.get(day) ?? 0) + minutes);
  });
  return { minutesByDay, response };
}
