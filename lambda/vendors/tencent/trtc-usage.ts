import type { IsoDate } from '../../core/model';
import { asArray, asObject, parseAmount, ShapeProblem } from '../http';

export interface TrtcUsage {
  /** Minutes per day, all usage categories together. */
  readonly minutesByDay: ReadonlyMap<IsoDate, number>;
  /** Minutes per day per `UsageKey` category (`Audio`, `HD` ...): what a price table prices. */
  readonly categoriesByDay: ReadonlyMap<IsoDate, Readonly<Record<string, number>>>;
  readonly response: Readonly<Record<string, unknown>>;
}

/**
 * DescribeTrtcUsage: `UsageKey` names the categories (Audio, SD, HD, FullHD, 2K, 4K) and every
 * `UsageList` row carries one value per key, by position, in minutes. Over more than a day the rows
 * are daily (`TimeKey` "2022-01-01 00:00:00"); a 5-minute series (a one-day window) folds into its day
 * the same way. Tencent's FAQ says "precise to the second" while the API doc says minutes: the doc's
 * unit is used, as the vendor-apis notes advise. A negative duration is no usage at all: it is refused.
 */
export function readTrtcUsage(json: unknown): TrtcUsage {
  const response = asObject(asObject(json, 'the answer').Response, 'Response');
  const keys = asArray(response.UsageKey, 'Response.UsageKey').map((key, k) => {
    if (typeof key !== 'string' || key.trim() === '') {
      throw new ShapeProblem(`Response.UsageKey[${k}] is not a category name`);
    }
    return key.trim();
  });
  const rows = asArray(response.UsageList, 'Response.UsageList');
  const minutesByDay = new Map<IsoDate, number>();
  const categoriesByDay = new Map<IsoDate, Record<string, number>>();
  rows.forEach((value, i) => {
    const at = `Response.UsageList[${i}]`;
    const row = asObject(value, at);
    const day = typeof row.TimeKey === 'string' ? /^(\d{4}-\d{2}-\d{2})/.exec(row.TimeKey)?.[1] : undefined;
    if (day === undefined) throw new ShapeProblem(`${at}.TimeKey is not a "YYYY-MM-DD hh:mm:ss" time`);
    const values = asArray(row.UsageValue, `${at}.UsageValue`);
    if (values.length !== keys.length) {
      throw new ShapeProblem(`${at}.UsageValue has ${values.length} values for ${keys.length} UsageKey entries`);
    }
    const categories = categoriesByDay.get(day) ?? {};
    let minutes = 0;
    values.forEach((v, j) => {
      const amount = parseAmount(v, `${at}.UsageValue[${j}]`).amount;
      if (amount < 0) throw new ShapeProblem(`${at}.UsageValue[${j}] is a negative duration`);
      categories[keys[j]] = (categories[keys[j]] ?? 0) + amount;
      minutes += amount;
    });
    categoriesByDay.set(day, categories);
    minutesByDay.set(day, (minutesByDay.get(day) ?? 0) + minutes);
  });
  return { minutesByDay, categoriesByDay, response };
}
