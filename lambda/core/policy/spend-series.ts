import type { BalancePoint } from '../accounts/account-state';
import { daysBetween } from '../dates';
import type { IsoDate } from '../model';
import type { DailyUsage } from '../vendor-port';
import type { AccountFacts } from './account-facts';

/** One day's spend, in the account's balance currency (or, for usage, whatever unit the vendor counts in). */
export interface SpendDay {
  readonly date: IsoDate;
  readonly amount: number;
}

/**
 * The account's spend per day, oldest first, from the best source each day has: the vendor's own daily
 * spend in the balance currency, else the spend recorded on the history point, else the drop of the
 * balance from the day before. A day whose balance rose (a top-up) or that follows a gap says nothing
 * about that day's spend and is left out, rather than counted as zero. Only the vendor's account-wide
 * figures count: one with a `scope` is a single app's share of them, and would count it twice.
 */
export function dailySpendSeries(
  history: readonly BalancePoint[],
  usage: readonly DailyUsage[] | undefined,
  currency: string | undefined,
): SpendDay[] {
  const amounts = new Map<IsoDate, number>();
  const points = [...history].sort(byDate);
  points.forEach((point, i) => {
    const previous = points[i - 1];
    if (point.spend !== undefined) {
      setIfValid(amounts, point.date, point.spend);
    } else if (previous && daysBetween(previous.date, point.date) === 1 && previous.balance >= point.balance) {
      setIfValid(amounts, point.date, previous.balance - point.balance);
    }
  });
  for (const day of usage ?? []) {
    if (day.scope !== undefined) continue;
    if (currency !== undefined && day.unit === currency) setIfValid(amounts, day.date, day.amount);
  }
  return sorted(amounts);
}

/**
 * Every day on which the account was seen in use or idle: vendor usage in any unit (minutes count), and
 * the money series. A day with any positive figure is a day of use. Account-wide figures only, as in
 * `dailySpendSeries`.
 */
export function usageSeries(
  history: readonly BalancePoint[],
  usage: readonly DailyUsage[] | undefined,
  currency: string | undefined,
): SpendDay[] {
  const amounts = new Map<IsoDate, number>();
  for (const day of dailySpendSeries(history, usage, currency)) amounts.set(day.date, day.amount);
  for (const day of usage ?? []) {
    if (day.scope !== undefined || !Number.isFinite(day.amount) || day.amount < 0) continue;
    amounts.set(day.date, Math.max(amounts.get(day.date) ?? 0, day.amount));
  }
  return sorted(amounts);
}

type SeriesFacts = Pick<AccountFacts, 'history' | 'usage' | 'currency' | 'balance'>;
const spendCache = new WeakMap<SeriesFacts, readonly SpendDay[]>();
const usageCache = new WeakMap<SeriesFacts, readonly SpendDay[]>();

/**
 * `dailySpendSeries` of an account's facts, computed once per facts object: every service on the account
 * asks for it in the same cycle. Facts are never changed once built, so the cache cannot go stale.
 */
export function spendSeriesOf(facts: SeriesFacts): readonly SpendDay[] {
  let series = spendCache.get(facts);
  if (!series) {
    series = dailySpendSeries(facts.history, facts.usage, facts.balance?.currency ?? facts.currency);
    spendCache.set(facts, series);
  }
  return series;
}

/** `usageSeries` of an account's facts, computed once per facts object. */
export function usageSeriesOf(facts: SeriesFacts): readonly SpendDay[] {
  let series = usageCache.get(facts);
  if (!series) {
    series = usageSeries(facts.history, facts.usage, facts.balance?.currency ?? facts.currency);
    usageCache.set(facts, series);
  }
  return series;
}

function setIfValid(amounts: Map<IsoDate, number>, date: IsoDate, amount: number): void {
  if (Number.isFinite(amount) && amount >= 0) amounts.set(date, amount);
}

function sorted(amounts: ReadonlyMap<IsoDate, number>): SpendDay[] {
  return [...amounts.entries()].map(([date, amount]) => ({ date, amount })).sort(byDate);
}

// `YYYY-MM-DD` strings sort as the days they name without being parsed: these sorts run every cycle.
function byDate(a: { readonly date: IsoDate }, b: { readonly date: IsoDate }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}
