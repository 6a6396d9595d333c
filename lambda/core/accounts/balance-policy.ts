import type { AccountConfig, BalancePolicy, Severity } from '../model';
import type { Money } from '../vendor-port';
import { monthlySpend, runwayDays } from './runway';

export interface BalanceVerdict {
  /** True when any threshold of the policy holds. */
  readonly low: boolean;
  /** Which thresholds hold, as sentences for the alert. */
  readonly reasons: readonly string[];
  readonly runwayDays?: number;
  /** `runway` when the runway threshold holds (the sharper signal), else `balance`. */
  readonly kind: 'balance' | 'runway';
  readonly severity: Severity;
}

/**
 * The contract's balance policy: any of `minAmount`, `minRunwayDays` (balance ÷ average daily spend) and
 * `minFractionOfMonthlySpend` that holds makes the balance low. Severity rises as the runway shrinks:
 * a week or more left is a warning, three days or less critical, a day or less (or arrears) an emergency.
 */
export function judgeBalance(policy: BalancePolicy, balance: Money, dailySpend: number | undefined): BalanceVerdict {
  const runway = runwayDays(balance.amount, dailySpend);
  const amount = (n: number) => `${formatAmount(n)} ${balance.currency}`;
  const reasons: string[] = [];
  if (policy.minAmount !== undefined && balance.amount < policy.minAmount) {
    reasons.push(`the balance ${amount(balance.amount)} is below the ${amount(policy.minAmount)} minimum`);
  }
  const runwayLow = policy.minRunwayDays !== undefined && runway !== undefined && runway < policy.minRunwayDays;
  if (runwayLow) {
    reasons.push(`it lasts about ${runway} days at the current spend, under the ${policy.minRunwayDays}-day minimum`);
  }
  if (policy.minFractionOfMonthlySpend !== undefined && dailySpend !== undefined && dailySpend > 0) {
    const floor = policy.minFractionOfMonthlySpend * monthlySpend(dailySpend);
    if (balance.amount < floor) {
      const percent = Math.round(policy.minFractionOfMonthlySpend * 100);
      reasons.push(`the balance is below ${percent}% of a month's spend (${amount(floor)})`);
    }
  }
  return {
    low: reasons.length > 0,
    reasons,
    runwayDays: runway,
    kind: runwayLow ? 'runway' : 'balance',
    severity: severityForRunway(balance.amount, runway),
  };
}

export function severityForRunway(balance: number, runway: number | undefined): Severity {
  if (balance <= 0 || (runway !== undefined && runway <= 1)) return 'emergency';
  if (runway !== undefined && runway <= 3) return 'critical';
  return 'warning';
}

export function hasBalancePolicy(account: AccountConfig): boolean {
  const p = account.balance;
  return p !== undefined && (p.minAmount ?? p.minRunwayDays ?? p.minFractionOfMonthlySpend) !== undefined;
}

function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
