/**
 * One truth per figure: an account's balance, daily spend, runway, run-out day, days left and status, from
 * its stored state alone. `check` (through the cycle), `preview`, the report, the digest and the metrics
 * all read these; none of them works a figure out its own way, so they cannot disagree.
 *
 * Pure: no clock (the caller passes today), no I/O.
 */
import { BLIND_SPOT_AFTER_FAILURES } from './account-evaluation';
import type { AccountState } from './account-state';
import { severityForRunway } from './balance-policy';
import { currentDailySpend, runwayDays, type SpendSource } from './runway';
import { addDays, daysBetween } from '../dates';
import type { IsoDate, Severity } from '../model';
import type { Money } from '../vendor-port';

/**
 * `failing`: polling failed BLIND_SPOT_AFTER_FAILURES times in a row (a blind spot); `low`: a low-balance
 * episode is open (the balance policy alerted and the balance has not recovered); `ok`: a balance is
 * known and not low; `no-data`: no balance was ever read.
 */
export type AccountStatus = 'failing' | 'low' | 'ok' | 'no-data';

export interface AccountFigures {
  readonly accountId: string;
  readonly status: AccountStatus;
  /** While `low`: the severity the balance alerts carry at this runway. */
  readonly severity?: Severity;
  /** The latest balance read. */
  readonly balance?: Money;
  /** The day of that balance. */
  readonly asOf?: IsoDate;
  /** Average spend a day, in the balance's currency (unrounded: views round it for display only). */
  readonly dailySpend?: number;
  /** Where the spend comes from: the vendor's own report, or the history's balance drops. */
  readonly spendSource?: SpendSource;
  /**
   * Days the balance lasts from `asOf` at that spend, to a tenth of a day (the number the balance alerts
   * quote). 0 when used up or in arrears; absent while nothing is being spent.
   */
  readonly runwayDays?: number;
  /** The day the balance runs out: `asOf` plus the whole days of runway. */
  readonly runOutOn?: IsoDate;
  /** Calendar days from today to `runOutOn` (negative once past). */
  readonly daysLeft?: number;
  /** The last polling error, while `failing`. */
  readonly lastError?: string;
}

/** The figures of an account, from its state (undefined: never polled) as of `today`. */
export function accountFigures(accountId: string, state: AccountState | undefined, today: IsoDate): AccountFigures {
  const latest = state?.history[state.history.length - 1];
  const balance = latest && state?.currency ? { amount: latest.balance, currency: state.currency } : undefined;
  const spend = state && latest ? currentDailySpend(state.history) : undefined;
  const runway = balance ? runwayDays(balance.amount, spend?.dailySpend) : undefined;
  const runOutOn = latest && runway !== undefined ? addDays(latest.date, Math.floor(runway)) : undefined;
  const status: AccountStatus =
    state && state.consecutiveFailures >= BLIND_SPOT_AFTER_FAILURES
      ? 'failing'
      : state?.lowBalanceSince !== undefined && balance
        ? 'low'
        : balance
          ? 'ok'
          : 'no-data';
  return {
    accountId,
    status,
    ...(status === 'low' && balance && { severity: severityForRunway(balance.amount, runway) }),
    ...(balance && { balance, asOf: latest!.date }),
    ...(spend && { dailySpend: spend.dailySpend, spendSource: spend.source }),
    ...(runway !== undefined && { runwayDays: runway }),
    ...(runOutOn !== undefined && { runOutOn, daysLeft: daysBetween(today, runOutOn) }),
    ...(status === 'failing' && state?.lastError !== undefined && { lastError: state.lastError }),
  };
}
