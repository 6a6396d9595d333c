/**
 * The steps the daily cycle (run-cycle) and the hourly closer watch (watch-cycle) both take, in one
 * place: poll the accounts and evaluate their balance rules; claim each due alert in the ledger (a
 * conditional write, so concurrent or retried runs fire each key once, held until quiet hours end when
 * the policy says so); hand what was claimed, and what earlier runs left in the outbox, to delivery.
 */
import { evaluateAccounts, type AccountsOutcome } from './evaluate-accounts';
import { pollAccounts } from './poll-accounts';
import type { CycleDeps } from './run-cycle';
import type { WorkingCalendar } from '../core/calendar/working-calendar';
import { mapWithConcurrency } from '../core/concurrency';
import type { CycleLogger } from '../core/delivery-port';
import type { AccountConfig, Alert, ChannelConfig, GuardConfig, IsoDate } from '../core/model';
import { deliveryInstant } from '../core/policy';
import type { LedgerEntry } from '../core/registry-port';
import { drainOutbox } from '../delivery';

/** What one run (a daily cycle or a watch) knows of itself. */
export interface CycleRun {
  readonly config: GuardConfig;
  readonly deps: CycleDeps;
  readonly now: Date;
  readonly today: IsoDate;
  readonly cycleId: string;
  readonly logger: CycleLogger;
  readonly concurrency: number;
}

/** Polls the given accounts and turns each poll into its next state and the alerts it owes. */
export async function pollAndEvaluateAccounts(
  accounts: readonly AccountConfig[],
  channels: ReadonlyMap<string, ChannelConfig>,
  run: CycleRun,
): Promise<AccountsOutcome> {
  const { deps, now, logger, concurrency } = run;
  const polls = await pollAccounts(accounts, {
    vendors: deps.vendors,
    secrets: deps.secrets,
    http: deps.http,
    now,
    logger,
    concurrency,
  });
  return evaluateAccounts(run.config, polls, { registry: deps.registry, now, today: run.today, channels });
}

/**
 * Claims each candidate alert in the ledger, owed to the targets `targetsOf` names, and returns the
 * entries this run won (in the candidates' order) with the claim instant.
 */
export async function claimAlerts(
  candidates: readonly Alert[],
  options: { readonly calendar: WorkingCalendar; readonly targetsOf: (alert: Alert) => readonly string[] },
  run: CycleRun,
): Promise<{ readonly claimed: LedgerEntry[]; readonly claimedAt: string }> {
  const { config, deps, now, cycleId } = run;
  const claimedAt = now.toISOString();
  const own: LedgerEntry[] = candidates.map((alert) => {
    const notBefore = deliveryInstant(alert, now, config, options.calendar);
    return {
      alert,
      cycleId,
      claimedAt,
      pendingTargets: options.targetsOf(alert),
      deliveredTargets: [],
      ...(notBefore.getTime() > now.getTime() && { notBefore: notBefore.toISOString() }),
    };
  });
  const won = await mapWithConcurrency(own, run.concurrency, (entry) => deps.registry.claimAlert(entry));
  return { claimed: own.filter((_, i) => won[i]), claimedAt };
}

/** Delivers what this run claimed and what earlier runs left in the outbox. */
export function deliverClaimed(claimed: readonly LedgerEntry[], claimedAt: string, run: CycleRun) {
  const { deps, cycleId, now, logger, concurrency } = run;
  return drainOutbox(
    claimed,
    { cycleId, claimedAt, now },
    { registry: deps.registry, publishers: deps.publishers, logger, concurrency },
  );
}
