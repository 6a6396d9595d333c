import { daysBetween } from '../dates';
import type { IsoDate } from '../model';
import type { BalancePoint } from './account-state';

/** Trailing window for the average daily spend: long enough to smooth weekends, short enough to follow a trend. */
export const SPEND_WINDOW_DAYS = 14;

/**
 * Average daily spend over the trailing window ending `today`: from the vendor's own daily spend where it
 * reports one, else from day-to-day balance drops (top-ups, which raise the balance, are not spend).
 * Undefined when the history cannot tell (fewer than two days).
 */
export function averageDailySpend(history: readonly BalancePoint[], today: IsoDate): number | undefined {
  const window = history.filter((p) => {
    const age = daysBetween(p.date, today);
    return age >= 0 && age < SPEND_WINDOW_DAYS;
  });
  const reported = window.filter((p) => p.spend !== undefined);
  if (reported.length > 0) return reported.reduce((sum, p) => sum + p.spend!, 0) / reported.length;
  if (window.length < 2) return undefined;
  let spent = 0;
  for (let i = 1; i < window.length; i++) spent += Math.max(0, window[i - 1].balance - window[i].balance);
  const days = daysBetween(window[0].date, window[window.length - 1].date);
  return days > 0 ? spent / days : undefined;
}

/** Where an account's daily spend comes from: the vendor's own report, or the history's balance drops. */
export type SpendSource = 'vendor' | 'balance-drops';

/**
 * The account's current daily spend, as of its latest reading: the vendor's trailing average read with
 * that balance (BalancePoint.dailySpend) where the vendor reports spend, else `averageDailySpend` over the
 * window ending at that reading. The one rule every figure of an account is built on (account-figures.ts).
 */
export function currentDailySpend(
  history: readonly BalancePoint[],
): { readonly dailySpend: number; readonly source: SpendSource } | undefined {
  const latest = history[history.length - 1];
  if (!latest) return undefined;
  if (latest.dailySpend !== undefined && Number.isFinite(latest.dailySpend) && latest.dailySpend >= 0) {
    return { dailySpend: latest.dailySpend, source: 'vendor' };
  }
  const average = averageDailySpend(history, latest.date);
  if (average === undefined) return undefined;
  const reported = history.some((p) => p.spend !== undefined && daysBetween(p.date, latest.date) < SPEND_WINDOW_DAYS);
  return { dailySpend: average, source: reported ? 'vendor' : 'balance-drops' };
}

/**
 * Days the balance lasts at the average spend: never NaN, never negative. Undefined when nothing is
 * being spent (the balance lasts indefinitely); 0 when the balance is already used up or in arrears.
 */
export function runwayDays(balance: number, dailySpend: number | undefined): number | undefined {
  if (!Number.isFinite(balance)) return undefined;
  if (balance <= 0) return 0;
  if (dailySpend === undefined || !Number.isFinite(dailySpend) || dailySpend <= 0) return undefined;
  return Math.round((balance / dailySpend) * 10) / 10;
}

/** A month of spend at the average daily rate (30 days, the vendors' billing-month approximation). */
export function monthlySpend(dailySpend: number): number {
  return dailySpend * 30;
}
