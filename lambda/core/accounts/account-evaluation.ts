import type { WorkingCalendar } from '../calendar/working-calendar';
import type { AccountConfig, Alert, AlertFigures, BalancePolicy, ChannelConfig, IsoDate } from '../model';
import type { AccountSnapshot, Money } from '../vendor-port';
import { accountAlert, type AccountAudience } from './account-alerts';
import { withBalancePoint, type AccountState } from './account-state';
import { hasBalancePolicy, judgeBalance } from './balance-policy';
import { currentDailySpend, SPEND_WINDOW_DAYS } from './runway';

import { balanceAlertKey, blindSpotAlertKey } from '../policy/policy-keys';

// built (and parsed) with every other alert key in policy-keys.ts
export { balanceAlertKey, blindSpotAlertKey };

/**
 * How far past its thresholds a low balance must climb before the episode closes with a "recovered"
 * notice: a balance hovering at the line (spend and small top-ups around `minAmount`) would otherwise
 * alert and recover on alternate days. 10% above each threshold.
 */
export const RECOVERY_MARGIN = 0.1;

/** The balance policy with every threshold raised by RECOVERY_MARGIN: the line a recovery must clear. */
export function recoveryLine(policy: BalancePolicy): BalancePolicy {
  // rounded to a millionth, so 100 × 1.1 is 110 and a balance of exactly 110 has recovered
  const raise = (n: number | undefined) =>
    n === undefined ? undefined : Math.round(n * (1 + RECOVERY_MARGIN) * 1e6) / 1e6;
  return {
    minAmount: raise(policy.minAmount),
    minRunwayDays: raise(policy.minRunwayDays),
    minFractionOfMonthlySpend: raise(policy.minFractionOfMonthlySpend),
  };
}

/** Polling failures in a row after which an account is a blind spot (one failure may be a blip). */
export const BLIND_SPOT_AFTER_FAILURES = 2;

export type PollOutcome =
  { readonly ok: true; readonly snapshot: AccountSnapshot } | { readonly ok: false; readonly error: string };

export interface AccountDecision {
  readonly state: AccountState;
  readonly alerts: readonly Alert[];
  readonly runwayDays?: number;
  readonly dailySpend?: number;
}

export interface AccountContext {
  readonly now: Date;
  readonly today: IsoDate;
  readonly audience: AccountAudience;
  readonly channels: ReadonlyMap<string, ChannelConfig>;
  /** The working-day calendar: runway thresholds then count the working days left to top up. */
  readonly calendar?: WorkingCalendar;
}

/**
 * What one cycle's poll of an account means: the account's next state and the alerts it owes. A failed
 * poll extends the failure streak and, from the second in a row, raises a blind-spot alert naming the
 * vendor's error: the account's services are not silently assumed healthy. A successful poll records
 * the day's balance and judges the balance policy; a low-balance episode alerts once per severity as
 * the runway shrinks, and a "recovered" notice closes it when the balance is topped up. The first
 * successful poll after a blind spot closes it with a "cleared" notice.
 */
export function evaluateAccount(
  account: AccountConfig,
  previous: AccountState,
  outcome: PollOutcome,
  ctx: AccountContext,
): AccountDecision {
  if (!outcome.ok) return failedPoll(account, previous, outcome.error, ctx);
  const decision = readAccount(account, previous, outcome.snapshot, ctx);
  const cleared = blindSpotCleared(account, previous, ctx);
  return cleared ? { ...decision, alerts: [cleared, ...decision.alerts] } : decision;
}

/**
 * The notice that closes a blind spot: the account reads again after it was reported unreadable (a
 * streak of at least BLIND_SPOT_AFTER_FAILURES failed polls). Its key is the blind spot's plus
 * `:cleared`, so routing sends it wherever the blind-spot alert went (core/policy/resolutions.ts).
 */
function blindSpotCleared(account: AccountConfig, previous: AccountState, ctx: AccountContext): Alert | undefined {
  if (previous.failingSince === undefined || previous.consecutiveFailures < BLIND_SPOT_AFTER_FAILURES) return undefined;
  return accountAlert(
    {
      key: `${blindSpotAlertKey(account.id, previous.failingSince)}:cleared`,
      kind: 'blind-spot',
      severity: 'info',
      accountId: account.id,
      date: ctx.today,
      message:
        `${account.vendor} account ${account.id} can be read again after ${previous.consecutiveFailures} failed ` +
        `cycles (since ${previous.failingSince}); its figures are current again.`,
    },
    ctx.audience,
    ctx.channels,
  );
}

/** A successful poll: the day's balance recorded, the balance policy judged. */
function readAccount(
  account: AccountConfig,
  previous: AccountState,
  snapshot: AccountSnapshot,
  ctx: AccountContext,
): AccountDecision {
  let state: AccountState = { ...previous, consecutiveFailures: 0, failingSince: undefined, lastError: undefined };
  const balance = snapshot.balance;
  if (!balance) return { state, alerts: [] };

  // the vendor's spend is kept with the balance, so every later view's runway uses the spend used here
  const reported = reportedDailySpend(snapshot, balance.currency);
  state = withBalancePoint(
    state,
    { date: ctx.today, balance: balance.amount, ...(reported !== undefined && { dailySpend: reported }) },
    balance.currency,
  );
  const dailySpend = currentDailySpend(state.history)?.dailySpend;
  if (!hasBalancePolicy(account)) {
    return { state, alerts: [], dailySpend, runwayDays: judgeBalance({}, balance, dailySpend).runwayDays };
  }

  const basis = ctx.calendar && { today: ctx.today, calendar: ctx.calendar };
  const verdict = judgeBalance(account.balance!, balance, dailySpend, basis);
  const what = `${account.vendor} account ${account.id}`;
  const services = ctx.audience.serviceIds.length > 0 ? ` Services: ${ctx.audience.serviceIds.join(', ')}.` : '';
  if (verdict.low) {
    const since = previous.lowBalanceSince ?? ctx.today;
    state = { ...state, lowBalanceSince: since };
    const alert = accountAlert(
      {
        key: balanceAlertKey(account.id, since, verdict.severity),
        kind: verdict.kind,
        severity: verdict.severity,
        accountId: account.id,
        date: ctx.today,
        message: `${what}: ${verdict.reasons.join('; ')}. Top it up before service is suspended.${services}`,
        figures: {
          ...balanceFigures(account, balance, verdict.runwayDays),
          ...(verdict.working && {
            workingDaysToAct: verdict.working.workingDays,
            lastDayToAct: verdict.working.lastDayToAct,
          }),
        },
      },
      ctx.audience,
      ctx.channels,
    );
    return { state, alerts: [alert], dailySpend, runwayDays: verdict.runwayDays };
  }
  if (
    previous.lowBalanceSince !== undefined &&
    judgeBalance(recoveryLine(account.balance!), balance, dailySpend, basis).low
  ) {
    // hysteresis: back over the line but not clear of it; the episode stays open, nothing is said
    return {
      state: { ...state, lowBalanceSince: previous.lowBalanceSince },
      alerts: [],
      dailySpend,
      runwayDays: verdict.runwayDays,
    };
  }
  if (previous.lowBalanceSince !== undefined) {
    state = { ...state, lowBalanceSince: undefined };
    const recovered = accountAlert(
      {
        key: balanceAlertKey(account.id, previous.lowBalanceSince, 'recovered'),
        kind: 'balance',
        severity: 'info',
        accountId: account.id,
        date: ctx.today,
        message: `${what} is back above its balance thresholds (${balance.amount} ${balance.currency}).${services}`,
        figures: balanceFigures(account, balance, verdict.runwayDays),
      },
      ctx.audience,
      ctx.channels,
    );
    return { state, alerts: [recovered], dailySpend, runwayDays: verdict.runwayDays };
  }
  return { state, alerts: [], dailySpend, runwayDays: verdict.runwayDays };
}

function failedPoll(
  account: AccountConfig,
  previous: AccountState,
  error: string,
  ctx: AccountContext,
): AccountDecision {
  const failingSince = previous.failingSince ?? ctx.now.toISOString();
  const state: AccountState = {
    ...previous,
    consecutiveFailures: previous.consecutiveFailures + 1,
    failingSince,
    lastError: error,
  };
  if (state.consecutiveFailures < BLIND_SPOT_AFTER_FAILURES) return { state, alerts: [] };
  const services =
    ctx.audience.serviceIds.length > 0
      ? ` Its services (${ctx.audience.serviceIds.join(', ')}) are not assumed healthy.`
      : '';
  const alert = accountAlert(
    {
      key: blindSpotAlertKey(account.id, failingSince),
      kind: 'blind-spot',
      severity: 'warning',
      accountId: account.id,
      date: ctx.today,
      message:
        `${account.vendor} account ${account.id} could not be read for ${state.consecutiveFailures} cycles in a row ` +
        `(since ${failingSince}): ${error}.${services} Check its credentials and the vendor's status.`,
      figures: { failures: state.consecutiveFailures, error },
    },
    ctx.audience,
    ctx.channels,
  );
  return { state, alerts: [alert] };
}

/** The balance, its runway and the policy's thresholds, for messages in every language. */
function balanceFigures(account: AccountConfig, balance: Money, runwayDays: number | undefined): AlertFigures {
  return {
    currency: balance.currency,
    balance: balance.amount,
    ...(runwayDays !== undefined && { runwayDays }),
    ...(account.balance?.minAmount !== undefined && { minAmount: account.balance.minAmount }),
    ...(account.balance?.minRunwayDays !== undefined && { minRunwayDays: account.balance.minRunwayDays }),
  };
}

/** The vendor's own daily spend, averaged over the trailing window, when it reports it in the balance currency. */
export function reportedDailySpend(snapshot: AccountSnapshot, currency: string): number | undefined {
  const series = (snapshot.dailySpend ?? []).filter((d) => d.unit === currency).slice(-SPEND_WINDOW_DAYS);
  if (series.length === 0) return undefined;
  return series.reduce((sum, d) => sum + d.amount, 0) / series.length;
}
