import type { AgoraPrices } from './agora-options';
import type { IsoDate } from '../../core/model';
import type { DailyUsage } from '../../core/vendor-port';
import { AccountSetupError } from '../http/account-setup-error';
import { asArray, asObject, describeJson, ShapeProblem } from '../http/json-call';
import { epochDay, startsWithCalendarDay } from '../http/vendor-days';

/** Seconds per usage field (`durationAudioAll`, `durationVideoHd`...) on one UTC day. */
export interface AgoraUsageDay {
  readonly date: IsoDate;
  readonly seconds: Readonly<Record<string, number>>;
}

/**
 * Reads a `/dev/v3/usage` answer. `date` is an ISO string in the doc's example and a Unix timestamp in
 * its field table, so both are read (seconds or milliseconds). Every numeric `duration*` field counts,
 * including ones this code has never seen; other keys (older `cn` labels...) are ignored.
 */
export function readUsageAnswer(json: unknown): AgoraUsageDay[] {
  const usages = asArray(asObject(json, 'the answer').usages, '"usages"');
  return usages.map((entry, i) => {
    const day = asObject(entry, `usages[${i}]`);
    const usage = asObject(day.usage, `usages[${i}].usage`);
    const seconds: Record<string, number> = {};
    for (const [field, value] of Object.entries(usage)) {
      if (!field.startsWith('duration')) continue;
      const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
        throw new ShapeProblem(`usages[${i}].usage.${field} is not a number of seconds (got ${describeJson(value)})`);
      }
      seconds[field] = n;
    }
    return { date: readDate(day.date, `usages[${i}].date`), seconds };
  });
}

function readDate(value: unknown, what: string): IsoDate {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && startsWithCalendarDay(value)) {
    const at = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(at)) return new Date(at).toISOString().slice(0, 10);
  }
  const day = epochDay(value);
  if (day !== undefined) return day;
  throw new ShapeProblem(`${what} is not a date (ISO-8601 or a Unix timestamp; got ${describeJson(value)})`);
}

/** Usage of many projects and businesses added up per day, oldest first. */
export function sumByDay(days: readonly AgoraUsageDay[]): AgoraUsageDay[] {
  const byDate = new Map<IsoDate, Record<string, number>>();
  for (const day of days) {
    const total = byDate.get(day.date) ?? {};
    for (const [field, s] of Object.entries(day.seconds)) total[field] = (total[field] ?? 0) + s;
    byDate.set(day.date, total);
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, seconds]) => ({ date, seconds }));
}

export function minutesOf(day: AgoraUsageDay): number {
  return Object.values(day.seconds).reduce((sum, s) => sum + s, 0) / 60;
}

/**
 * A day's usage in money with the declared price table. A field with usage but no price is an error,
 * not free: silently skipping it would understate spend and overstate the estimated balance.
 */
export function priceOf(day: AgoraUsageDay, prices: AgoraPrices, vendorAccount: { id: string }): number {
  let total = 0;
  for (const [field, seconds] of Object.entries(day.seconds)) {
    if (seconds === 0) continue;
    const price = prices.perThousandMinutes[field];
    if (price === undefined) {
      throw new AccountSetupError('agora', vendorAccount.id, [
        `option prices.perThousandMinutes: no price for ${field}, which has usage on ${day.date}; add it (0 if it is free)`,
      ]);
    }
    total += ((seconds / 60) * price) / 1000;
  }
  return total;
}

/** Daily spend: money when prices are declared, else minutes. */
export function dailySpendOf(
  days: readonly AgoraUsageDay[],
  prices: AgoraPrices | undefined,
  account: { id: string },
): DailyUsage[] {
  return days.map((day) =>
    prices
      ? { date: day.date, amount: round(priceOf(day, prices, account), 2), unit: prices.currency }
      : { date: day.date, amount: round(minutesOf(day), 2), unit: 'minutes' },
  );
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
