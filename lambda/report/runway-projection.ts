/**
 * Where an account's balance is heading: the average daily spend of its recent history, the days the
 * balance lasts at that rate, and the day it runs out. The same arithmetic as the balance alerts: spend
 * as the vendor reported it where it did, else day-to-day drops (top-ups are not spend).
 */
import type { BalanceHistoryPoint, Tone } from './report-data';
import { addDays, daysBetween } from '../core/dates';
import type { BalancePolicy, IsoDate } from '../core/model';

/** Days of history averaged: smooths weekends, still follows a trend. */
export const RUNWAY_SPEND_WINDOW_DAYS = 14;

export interface RunwayProjection {
  readonly balance: number;
  /** The day of the latest balance. */
  readonly asOf: IsoDate;
  readonly dailySpend?: number;
  /** Undefined while nothing is being spent (the balance lasts indefinitely). */
  readonly runwayDays?: number;
  readonly runOutOn?: IsoDate;
  readonly tone: Tone;
}

export function projectRunway(
  history: readonly BalanceHistoryPoint[],
  policy: BalancePolicy | undefined,
): RunwayProjection | undefined {
  const last = history[history.length - 1];
  if (!last) return undefined;
  const window = history.filter((p) => daysBetween(p.date, last.date) < RUNWAY_SPEND_WINDOW_DAYS);
  const dailySpend = averageSpend(window);
  const runwayDays =
    last.balance <= 0 ? 0 : dailySpend !== undefined && dailySpend > 0 ? last.balance / dailySpend : undefined;
  return {
    balance: last.balance,
    asOf: last.date,
    ...(dailySpend !== undefined ? { dailySpend } : {}),
    ...(runwayDays !== undefined ? { runwayDays, runOutOn: addDays(last.date, Math.floor(runwayDays)) } : {}),
    tone: runwayTone(last.balance, runwayDays, policy),
  };
}

function averageSpend(window: readonly BalanceHistoryPoint[]): number | undefined {
  const reported = window.filter((p) => p.spend !== undefined && Number.isFinite(p.spend));
  if (reported.length > 0) return reported.reduce((sum, p) => sum + p.spend!, 0) / reported.length;
  if (window.length < 2) return undefined;
  let spent = 0;
  for (let i = 1; i < window.length; i++) spent += Math.max(0, window[i - 1]!.balance - window[i]!.balance);
  const days = daysBetween(window[0]!.date, window[window.length - 1]!.date);
  return days > 0 ? spent / days : undefined;
}

/**
 * The account's colour: the policy's thresholds where it has them (at the threshold: critical, within
 * twice it: warning), else the reminder severities read as days of runway left.
 */
export function runwayTone(balance: number, runwayDays: number | undefined, policy: BalancePolicy | undefined): Tone {
  if (balance <= 0 || (runwayDays !== undefined && runwayDays <= 1)) return 'emergency';
  if (policy?.minAmount !== undefined && balance <= policy.minAmount) return 'critical';
  if (runwayDays === undefined) return 'ok';
  const min = policy?.minRunwayDays;
  if (min !== undefined) return runwayDays <= min ? 'critical' : runwayDays <= 2 * min ? 'warning' : 'ok';
  return runwayDays <= 7 ? 'critical' : runwayDays <= 15 ? 'warning' : 'ok';
}
