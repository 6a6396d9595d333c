/**
 * Closer watch: an account whose runway is under two days is read again every hour until it recovers,
 * so a balance that will not last until tomorrow's check is not first looked at tomorrow. Which
 * accounts are under watch is decided from what the registry already holds (each account's state and its
 * figures), so the hourly run needs no list of its own and the schedule's input stays constant.
 */
import { accountFigures } from './account-figures';
import type { AccountState } from './account-state';
import type { AccountConfig, IsoDate } from '../model';

/** Under this runway (days), an account is polled hourly. */
export const WATCH_RUNWAY_DAYS = 2;

/** The polled accounts whose last known runway is under WATCH_RUNWAY_DAYS (an empty balance included). */
export function accountsUnderWatch(
  accounts: readonly AccountConfig[],
  states: readonly AccountState[],
  today: IsoDate,
): AccountConfig[] {
  const byId = new Map(states.map((s) => [s.accountId, s]));
  return accounts.filter((account) => {
    if (account.vendor === 'manual') return false;
    const figures = accountFigures(account.id, byId.get(account.id), today);
    if (figures.balance && figures.balance.amount <= 0) return true;
    return figures.runwayDays !== undefined && figures.runwayDays < WATCH_RUNWAY_DAYS;
  });
}
