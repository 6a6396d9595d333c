import type { BalancePoint } from '../accounts/account-state';
import { compareDates, daysBetween } from '../dates';
import type { IsoDate } from '../model';
import type { DailyUsage } from '../vendor-port';

/** One day's spend, in the account's balance currency (or, for usage, whatever unit the vendor counts in). */
export interface SpendDay {
  readonly date: IsoDate;
  readonly amount: number;
}

/**
 * The account's spend per day, oldest first, from the best source each day has: the vendor's own daily
 * spend in the balance currency, else the spend recorded on the history point, else the drop of the
 * balance from the day before. A day whose balance rose (a top-up) or that follows a gap says nothing
 * about that day's spend and is left out, rather than counted as zero.
 */
export function dailySpendSeries(
  history: readonly BalancePoint[],
  usage: readonly DailyUsage[] | undefined,
  currency: string | undefined,
): SpendDay[] {
  const byDate = new Map<IsoDate, number>();
  const points = [...history].sort((a, b) => compareDates(a.date, b.date));
  points.forEach((point, i) => {
    const previous = points[i - 1];
    if (point.spend !== undefined) {
      setIfValid(byDate, point.date, point.spend);
    } else if (previous && daysBetween(previous.date, point.date) === 1 && previous.balance >= point.balance) {
      setIfValid(byDate, point.date, previous.balance - point.balance);
    }
  });
  for (const day of usage ?? []) {
    if (currency !== undefined && day.unit === currency) setIfValid(byDate, day.date, day.amount);
  }
  return sorted(byDate);
}

/**
 * Every day on which the account was seen in use or idle: vendor usage in any unit (minutes count), and
 * the money series. A day with any positive figure is a day of use.
 */
export function usageSeries(
  history: readonly BalancePoint[],
  usage: readonly DailyUsage[] | undefined,
  currency: string | undefined,
): SpendDay[] {
  const byDate = new Map<IsoDate, number>();
  for (const day of dailySpendSeries(history, usage, currency)) byDate.set(day.date, day.amount);
  for (const day of usage ?? []) {
    if (!Number.isFinite(day.amount) || day.amount < 0) continue;
    byDate.set(day.date, Math.max(byDate.get(day.date) ?? 0, day.amount));
  }
  return sorted(byDate);
}

function setIfValid(byDate: Map<IsoDate, number>, date: IsoDate, amount: number): void {
  if (Number.isFinite(amount) && amount >= 0) byDate.set(date, amount);
}

function sorted(byDate: ReadonlyMap<IsoDate, number>): SpendDay[] {
  return [...byDate.entries()].map(([date, amount]) => ({ date, amount })).sort((a, b) => compareDates(a.date, b.date));
}
