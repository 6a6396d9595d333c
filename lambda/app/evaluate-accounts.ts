/**
 * The account half of a cycle: turn each poll into the account's next state and the alerts it owes
 * (balance policy, blind spots), then persist states and snapshots in batches — a handful of requests
 * per cycle however many accounts there are.
 */
import type { AccountReport } from './poll-accounts';
import {
  accountAudience,
  accountFigures,
  evaluateAccount,
  initialAccountState,
  type AccountState,
  type KnownEntitlement,
  type PollOutcome,
} from '../core/accounts';
import { WorkingCalendar } from '../core/calendar/working-calendar';
import type { Alert, ChannelConfig, GuardConfig, IsoDate } from '../core/model';
import type { AccountFacts } from '../core/policy';
import type { CycleRegistry } from '../core/registry-port';
import type { AccountSnapshot, DailyUsage } from '../core/vendor-port';

export interface AccountsOutcome {
  readonly reports: readonly AccountReport[];
  readonly alerts: readonly Alert[];
  /** Per account polled successfully: what the policy's spend and service rules read (balance, spend, history). */
  readonly facts: ReadonlyMap<string, AccountFacts>;
  /** Per account: the dated entitlements of its last successful poll (this cycle's, or remembered). */
  readonly entitlements: ReadonlyMap<string, { readonly entitlements: readonly KnownEntitlement[] }>;
}

export async function evaluateAccounts(
  config: GuardConfig,
  polls: readonly AccountReport[],
  deps: { registry: CycleRegistry; now: Date; today: IsoDate; channels: ReadonlyMap<string, ChannelConfig> },
): Promise<AccountsOutcome> {
  if (polls.length === 0) return { reports: [], alerts: [], facts: new Map(), entitlements: new Map() };
  const previous = new Map((await deps.registry.listAccountStates()).map((s) => [s.accountId, s]));

  const reports: AccountReport[] = [];
  const alerts: Alert[] = [];
  const changed: AccountState[] = [];
  const facts = new Map<string, AccountFacts>();
  const entitlements = new Map<string, { entitlements: readonly KnownEntitlement[] }>();
  const calendar = new WorkingCalendar(config.calendar);
  for (const poll of polls) {
    const account = config.accounts.find((a) => a.id === poll.id)!;
    const before = previous.get(account.id) ?? initialAccountState(account.id);
    const outcome: PollOutcome = poll.snapshot
      ? { ok: true, snapshot: poll.snapshot }
      : { ok: false, error: poll.error ?? 'unknown error' };
    const decision = evaluateAccount(account, before, outcome, {
      now: deps.now,
      today: deps.today,
      audience: accountAudience(account, config.services, deps.channels),
      channels: deps.channels,
      calendar,
    });
    alerts.push(...decision.alerts);
    if (poll.snapshot) {
      facts.set(account.id, {
        accountId: account.id,
        ...(poll.snapshot.balance && { balance: poll.snapshot.balance }),
        ...(decision.dailySpend !== undefined && { dailySpend: decision.dailySpend }),
        history: decision.state.history,
        ...(decision.state.currency !== undefined && { currency: decision.state.currency }),
        ...usageOf(poll.snapshot),
      });
    }
    const dated = poll.snapshot ? datedEntitlements(poll.snapshot) : undefined;
    // an account that never reports dated entitlements keeps a state without the field (and unwritten)
    const state =
      dated && (dated.length > 0 || before.entitlements) ? { ...decision.state, entitlements: dated } : decision.state;
    entitlements.set(account.id, { entitlements: state.entitlements ?? [] });
    if (JSON.stringify(state) !== JSON.stringify(before)) changed.push(state);
    // a successful poll's figures, as the report, preview, digest and metrics read them from the state
    const figures = poll.snapshot?.balance ? accountFigures(account.id, state, deps.today) : undefined;
    reports.push({
      ...poll,
      ...(figures?.runwayDays !== undefined && { runwayDays: figures.runwayDays }),
      ...(figures?.dailySpend !== undefined && { dailySpend: figures.dailySpend }),
    });
  }

  await deps.registry.saveAccountStates(changed);
  await deps.registry.saveSnapshots(polls.flatMap((p) => (p.snapshot ? [p.snapshot] : [])));
  return { reports, alerts, facts, entitlements };
}

/**
 * The account's figures and each app's share of them, side by side: the spend rules read only the
 * former (no `scope`), `expired-in-use` the share of the app a service names.
 */
function usageOf(snapshot: AccountSnapshot): { usage?: readonly DailyUsage[] } {
  const { dailySpend, scopedUsage } = snapshot;
  if (!scopedUsage || scopedUsage.length === 0) return dailySpend ? { usage: dailySpend } : {};
  return { usage: [...(dailySpend ?? []), ...scopedUsage] };
}

function datedEntitlements(snapshot: AccountSnapshot): KnownEntitlement[] {
  return snapshot.entitlements.flatMap(({ id, name, expiresOn }) =>
    expiresOn === undefined ? [] : [{ id, name, expiresOn }],
  );
}
