import type { IsoDate, Severity } from '../model';

/** One day of an account's history, kept on its state so balance rules need no extra reads. */
export interface BalancePoint {
  readonly date: IsoDate;
  readonly balance: number;
  /** Spend that day as the vendor reported it, in the balance's currency. */
  readonly spend?: number;
  /**
   * The vendor's average daily spend over its trailing window (SPEND_WINDOW_DAYS), as read with this
   * balance, in the balance's currency: kept so every view's runway uses the spend the alerts used.
   */
  readonly dailySpend?: number;
}

/**
 * What the guard remembers about an account between cycles: its failure streak (blind spots), its open
 * low-balance episode, and a rolling daily history (runway and monthly-spend rules).
 */
export interface AccountState {
  readonly accountId: string;
  readonly consecutiveFailures: number;
  /** ISO instant of the first failure of the current streak. */
  readonly failingSince?: string;
  readonly lastError?: string;
  /** The day the current low-balance episode started; absent while the balance is healthy. */
  readonly lowBalanceSince?: IsoDate;
  readonly currency?: string;
  /** Oldest first, one point per day, at most HISTORY_DAYS. */
  readonly history: readonly BalancePoint[];
  /**
   * The dated entitlements of the last successful poll, so a service that follows its vendor's expiry
   * keeps the vendor's date through a cycle whose poll fails (instead of falling back to the declared one).
   */
  readonly entitlements?: readonly KnownEntitlement[];
}

/** An entitlement the vendor reported with an expiry. */
export interface KnownEntitlement {
  readonly id: string;
  readonly name: string;
  readonly expiresOn: IsoDate;
}

export const HISTORY_DAYS = 62;

export function initialAccountState(accountId: string): AccountState {
  return { accountId, consecutiveFailures: 0, history: [] };
}

/** Adds (or replaces) today's point and drops points beyond the window. */
export function withBalancePoint(state: AccountState, point: BalancePoint, currency: string): AccountState {
  // a currency change (a vendor switch) makes old points incomparable
  const kept = state.currency === currency ? state.history.filter((p) => p.date !== point.date) : [];
  const history = [...kept, point].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { ...state, currency, history: history.slice(-HISTORY_DAYS) };
}

export type { Severity };
