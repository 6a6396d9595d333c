/**
 * One full cycle: poll accounts, read the registry, decide what is due (pure core), claim each alert key
 * in the ledger (a conditional write, so concurrent or retried cycles fire each key once), then deliver
 * what this cycle claimed and what earlier cycles left in the outbox.
 */
import { mapWithConcurrency } from './concurrency';
import { evaluateAccounts } from './evaluate-accounts';
import { pollAccounts, type AccountReport } from './poll-accounts';
import { SILENT_LOGGER, type AlertPublisher, type CycleLogger } from './ports';
import { WorkingCalendar } from '../core/calendar/working-calendar';
import { formatOffsetDateTime, localDate } from '../core/dates';
import { errorMessage } from '../core/errors';
import type { Alert, GuardConfig, IsoDate, Vendor } from '../core/model';
import type { LedgerEntry, Registry } from '../core/registry-port';
import { dueExpiryReminder, indexChannels, type ExpiryContext } from '../core/reminders';
import type { VendorHttp } from '../core/vendor-http-port';
import type { SecretResolver, VendorAdapter } from '../core/vendor-port';

/**
 * An outbox entry claimed by another cycle is only taken over once it is older than this: longer than
 * any cycle runs (the poller's timeout is 5 minutes), so a cycle still delivering is never doubled.
 */
export const OUTBOX_LEASE_MS = 15 * 60 * 1000;

export interface CycleDeps {
  readonly registry: Registry;
  readonly vendors: ReadonlyMap<Vendor, VendorAdapter>;
  readonly secrets: SecretResolver;
  /** The resilient HTTP client vendor adapters call through. */
  readonly http: VendorHttp;
  /** Delivery targets of every alert; none in the CLI without --send (alerts are reported, not sent). */
  readonly publishers: readonly AlertPublisher[];
  readonly logger?: CycleLogger;
  /** Registry writes and vendor calls in flight at once. */
  readonly concurrency?: number;
}

export interface DeliveryReport {
  readonly key: string;
  readonly target: string;
  readonly status: 'delivered' | 'failed';
  readonly error?: string;
}

export interface CycleReport {
  readonly cycleId: string;
  /** The cycle's instant with the guard's zone offset: `2026-09-30T09:30:00+08:00`. */
  readonly now: string;
  readonly today: IsoDate;
  readonly servicesEvaluated: number;
  readonly accounts: readonly AccountReport[];
  /** Alerts this cycle claimed (fired). A repeated cycle claims nothing new. */
  readonly alerts: readonly Alert[];
  readonly deliveries: readonly DeliveryReport[];
}

export async function runCycle(config: GuardConfig, deps: CycleDeps, now: Date, cycleId: string): Promise<CycleReport> {
  const logger = deps.logger ?? SILENT_LOGGER;
  const concurrency = deps.concurrency ?? 16;
  const today = localDate(now, config.timeZone);

  const channels = indexChannels(config.channels);
  const polls = await pollAccounts(config.accounts, {
    vendors: deps.vendors,
    secrets: deps.secrets,
    http: deps.http,
    now,
    logger,
    concurrency,
  });
  const { reports: accounts, alerts: accountAlerts } = await evaluateAccounts(config, polls, {
    registry: deps.registry,
    now,
    today,
    channels,
  });

  const records = await deps.registry.listServices();
  const ctx: ExpiryContext = { calendar: new WorkingCalendar(config.calendar), channels };
  const candidates: Alert[] = [...accountAlerts];
  for (const record of records) {
    const alert = dueExpiryReminder(record.service, today, ctx);
    // the service item remembers its newest claimed key, so a quiet cycle reads no ledger at all
    if (alert && record.lastAlertKeys[alert.kind] !== alert.key) candidates.push(alert);
  }

  const targets = deps.publishers.map((p) => p.target);
  const claimedAt = now.toISOString();
  const won = await mapWithConcurrency(candidates, concurrency, (alert) =>
    deps.registry.claimAlert({ alert, cycleId, claimedAt, pendingTargets: targets, deliveredTargets: [] }),
  );
  const alerts = candidates.filter((_, i) => won[i]).sort(byServiceThenKey);
  logger.info('cycle evaluated', { cycleId, today, services: records.length, fired: alerts.length });

  const deliveries: DeliveryReport[] = [];
  if (deps.publishers.length > 0) {
    const own: LedgerEntry[] = alerts.map((alert) => ({
      alert,
      cycleId,
      claimedAt,
      pendingTargets: targets,
      deliveredTargets: [],
    }));
    const leaseCutoff = new Date(now.getTime() - OUTBOX_LEASE_MS).toISOString();
    const abandoned = (await deps.registry.listOutbox()).filter(
      (entry) => entry.cycleId !== cycleId && entry.claimedAt < leaseCutoff,
    );
    // entries are different keys, so they go out side by side; one entry's targets stay in order
    const perEntry = await mapWithConcurrency([...own, ...abandoned], concurrency, (entry) =>
      deliver(entry, deps, claimedAt, logger),
    );
    deliveries.push(...perEntry.flat());
  }

  return {
    cycleId,
    now: formatOffsetDateTime(now, config.timeZone),
    today,
    servicesEvaluated: records.length,
    accounts,
    alerts,
    deliveries,
  };
}

async function deliver(
  entry: LedgerEntry,
  deps: CycleDeps,
  at: string,
  logger: CycleLogger,
): Promise<DeliveryReport[]> {
  const reports: DeliveryReport[] = [];
  for (const target of entry.pendingTargets) {
    const publisher = deps.publishers.find((p) => p.target === target);
    if (!publisher) continue; // a target this deployment no longer has; the entry stays for inspection
    try {
      await publisher.publish(entry.alert);
      await deps.registry.markDelivered(entry.alert.key, target, at);
      reports.push({ key: entry.alert.key, target, status: 'delivered' });
    } catch (e) {
      const error = errorMessage(e);
      logger.error('delivery failed; the alert stays in the outbox', { key: entry.alert.key, target, error });
      reports.push({ key: entry.alert.key, target, status: 'failed', error });
    }
  }
  return reports;
}

function byServiceThenKey(a: Alert, b: Alert): number {
  const sa = a.serviceId ?? a.accountId ?? '';
  const sb = b.serviceId ?? b.accountId ?? '';
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
