import type { AccountAudience } from '../accounts/account-alerts';
import type { BalancePoint } from '../accounts/account-state';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { ChannelConfig, IsoDate } from '../model';
import type { DailyUsage, Money } from '../vendor-port';

/**
 * What one cycle knows about an account, for the rules that look past the balance policy. Everything
 * comes from what the cycle already has: the poll's snapshot and the account's decided state.
 */
export interface AccountFacts {
  readonly accountId: string;
  /** This cycle's balance (the snapshot's); absent when the poll failed or the vendor reports none. */
  readonly balance?: Money;
  /** The average daily spend the balance policy used (AccountDecision.dailySpend). */
  readonly dailySpend?: number;
  /** The account's daily history after this cycle (AccountDecision.state.history). */
  readonly history: readonly BalancePoint[];
  /** The currency of the history (AccountState.currency). */
  readonly currency?: string;
  /**
   * The vendor's daily spend or usage, money or minutes: the account's (AccountSnapshot.dailySpend, no
   * `scope`) and each app's, project's or instance's share of it (AccountSnapshot.scopedUsage).
   */
  readonly usage?: readonly DailyUsage[];
}

export interface AccountRuleContext {
  readonly today: IsoDate;
  readonly calendar: WorkingCalendar;
  readonly audience: AccountAudience;
  readonly channels: ReadonlyMap<string, ChannelConfig>;
}

/** The ` Services: a, b.` tail of an account alert, naming what depends on the account. */
export function dependentServices(audience: AccountAudience): string {
  return audience.serviceIds.length > 0 ? ` Services: ${audience.serviceIds.join(', ')}.` : '';
}
