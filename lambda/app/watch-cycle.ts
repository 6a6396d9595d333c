/**
 * The hourly closer-watch run (issue 16, point 4): only the accounts under watch (runway under two days,
 * `accountsUnderWatch`) are polled and their balance rules evaluated — balance, runway, blind spot — and
 * what fires is claimed and delivered as in the daily cycle. Nothing else runs: expiry tiers, policy and
 * digest stay with the daily check at its hour. With no account under watch it reads one registry
 * partition (the account states) and stops.
 */
import { claimAlerts, deliverClaimed, pollAndEvaluateAccounts, type CycleRun } from './cycle-steps';
import type { AccountReport } from './poll-accounts';
import type { CycleDeps } from './run-cycle';
import { accountsUnderWatch } from '../core/accounts/closer-watch';
import { WorkingCalendar } from '../core/calendar/working-calendar';
import { formatOffsetDateTime, localDate } from '../core/dates';
import { SILENT_LOGGER } from '../core/delivery-port';
import type { Alert, GuardConfig } from '../core/model';
import { indexChannels } from '../core/reminders';
import { DEFAULT_SEND_CONCURRENCY, owedTargets, type DeliveryReport } from '../delivery';

export interface WatchReport {
  readonly cycleId: string;
  readonly now: string;
  /** The accounts under watch this hour (polled). */
  readonly watched: readonly string[];
  readonly accounts: readonly AccountReport[];
  readonly alerts: readonly Alert[];
  readonly deliveries: readonly DeliveryReport[];
}

export async function runWatchCycle(
  config: GuardConfig,
  deps: CycleDeps,
  now: Date,
  cycleId: string,
): Promise<WatchReport> {
  const logger = deps.logger ?? SILENT_LOGGER;
  const concurrency = deps.concurrency ?? DEFAULT_SEND_CONCURRENCY;
  const today = localDate(now, config.timeZone);
  const watched = accountsUnderWatch(config.accounts, await deps.registry.listAccountStates(), today);
  const base = { cycleId, now: formatOffsetDateTime(now, config.timeZone), watched: watched.map((a) => a.id) };
  if (watched.length === 0) return { ...base, accounts: [], alerts: [], deliveries: [] };

  const run: CycleRun = { config, deps, now, today, cycleId, logger, concurrency };
  const channels = indexChannels(config.channels);
  const { reports, alerts: due } = await pollAndEvaluateAccounts(watched, channels, run);

  const calendar = new WorkingCalendar(config.calendar);
  // one target per publisher and one per owner the alert names, as in the daily cycle: a watch emergency
  // reaches the owners too, and its entry leaves the outbox once each of them has it
  const targetsOf = (alert: Alert) => owedTargets(alert, deps.publishers);
  const { claimed, claimedAt } = await claimAlerts(due, { calendar, targetsOf }, run);
  logger.info('watch evaluated', { cycleId, watched: base.watched, fired: claimed.length });
  const { deliveries } = await deliverClaimed(claimed, claimedAt, run);
  return { ...base, accounts: reports, alerts: claimed.map((e) => e.alert), deliveries };
}
