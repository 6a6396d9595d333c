import type { WorkingCalendar } from '../calendar/working-calendar';
import type { AccountConfig, BalancePolicy, IsoDate, Severity } from '../model';
import type { Money } from '../vendor-port';
import { monthlySpend, runwayDays } from './runway';
import { workingDaysIn, workingRunway } from './working-runway';

/** The day and calendar a runway is counted in working days by (working-runway.ts). */
export interface WorkingDayBasis {
  readonly today: IsoDate;
  readonly calendar: WorkingCalendar;
}

export interface BalanceVerdict {
  /** True when any threshold of the policy holds. */
  readonly low: boolean;
  /** Which thresholds hold, as sentences for the alert. */
  readonly reasons: readonly string[];
  readonly runwayDays?: number;
  /** When the runway is short in working days: those left to top up, and the last of them. */
  readonly working?: { readonly workingDays: number; readonly lastDayToAct: IsoDate };
  /** `runway` when the runway threshold holds (the sharper signal), else `balance`. */
  readonly kind: 'balance' | 'runway';
  readonly severity: Severity;
}

/**
 * The contract's balance policy: any of `minAmount`, `minRunwayDays` (balance ÷ average daily spend) and
 * `minFractionOfMonthlySpend` that holds makes the balance low. Severity rises as the runway shrinks:
 * a week or more left is a warning, three days or less critical, a day or less (or arrears) an emergency.
 * Given a `basis`, the runway threshold also counts the working days left to top up (working-runway.ts),
 * so a balance that runs dry inside a holiday block, or just after it, is warned while people can act.
 */
export function judgeBalance(
  policy: BalancePolicy,
  balance: Money,
  dailySpend: number | undefined,
  basis?: WorkingDayBasis,
): BalanceVerdict {
  const runway = runwayDays(balance.amount, dailySpend);
  const amount = (n: number) => `${formatAmount(n)} ${balance.currency}`;
  const reasons: string[] = [];
  if (policy.minAmount !== undefined && balance.amount < policy.minAmount) {
    reasons.push(`the balance ${amount(balance.amount)} is below the ${amount(policy.minAmount)} minimum`);
  }
  const calendarLow = policy.minRunwayDays !== undefined && runway !== undefined && runway < policy.minRunwayDays;
  // with a calendar: also short when the working days left to top up fall under the threshold's working days
  const minWorking = policy.minRunwayDays === undefined ? undefined : workingDaysIn(policy.minRunwayDays);
  const working =
    basis && runway !== undefined && minWorking !== undefined
      ? workingRunway(basis.today, runway, basis.calendar, minWorking)
      : undefined;
  const workingLow = working !== undefined && minWorking !== undefined && working.workingDays < minWorking;
  const runwayLow = calendarLow || workingLow;
  if (calendarLow) {
    reasons.push(`it lasts about ${runway} days at the current spend, under the ${policy.minRunwayDays}-day minimum`);
  }
  if (workingLow && working) {
    reasons.push(
      `it runs out on ${working.runsOutOn}, leaving ${working.workingDays} working days to top up (the last on ` +
        `${working.lastDayToAct}), under the ${minWorking} working days of the ${policy.minRunwayDays}-day minimum`,
    );
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
    ...(workingLow && working && { working: { workingDays: working.workingDays, lastDayToAct: working.lastDayToAct } }),
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
