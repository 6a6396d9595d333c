/**
 * One full cycle: poll accounts, read the registry, decide what is due with the alert policy (pure core:
 * expiry tiers, balance and spend, renewals, coverage, contacts, the escalation ladder, the weekly
 * digest), claim each alert key in the ledger (a conditional write, so concurrent or retried cycles fire
 * each key once), then deliver what this cycle claimed and what earlier cycles left in the outbox. An
 * alert decided during quiet hours is claimed now and held in the outbox until they end.
 */
import { mapWithConcurrency } from './concurrency';
import { dueDigest } from './cycle-digest';
import {
  claimedPerServiceList,
  EMPTY_LEDGER,
  lastAlertKeysById,
  ledgerFactsFor,
  watchedExpiries,
} from './cycle-ledger';
import { evaluateAccounts } from './evaluate-accounts';
import { pollAccounts, type AccountReport } from './poll-accounts';
import { SILENT_LOGGER, type AlertPublisher, type CycleLogger } from './ports';
import { WorkingCalendar } from '../core/calendar/working-calendar';
import { formatOffsetDateTime, localDate } from '../core/dates';
import { errorMessage } from '../core/errors';
import type { Alert, GuardConfig, IsoDate, Vendor } from '../core/model';
import {
  decideCycleAlerts,
  deliveryInstant,
  discoveredExpiryOf,
  escalationsAndRepeats,
  withDiscoveredExpiry,
} from '../core/policy';
import { leaseOf, type LedgerEntry, type OutboxLease, type Registry } from '../core/registry-port';
import { indexChannels } from '../core/reminders';
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
  /** Alerts claimed (this cycle or before) and held in the outbox until quiet hours end. */
  readonly held: readonly { readonly key: string; readonly notBefore: string }[];
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
  const {
    reports: accounts,
    alerts: accountAlerts,
    facts,
    entitlements,
  } = await evaluateAccounts(config, polls, {
    registry: deps.registry,
    now,
    today,
    channels,
  });

  const records = await deps.registry.listServices();
  // a service naming its vendor entitlement follows the expiry the vendor reports (a renewal shows there)
  const services = records.map((r) => withDiscoveredExpiry(r.service, discoveredExpiryOf(r.service, entitlements)));
  const lastKeys = lastAlertKeysById(records);
  const calendar = new WorkingCalendar(config.calendar);
  // First what is due, then the ladder's follow-ups, which need the ledger's word on those due alerts
  // only: with an empty ledger the policy returns the due alerts alone.
  const due = decideCycleAlerts(
    { now, services, accounts: facts, accountAlerts, watchedExpiry: watchedExpiries(records), ledger: EMPTY_LEDGER },
    config,
    calendar,
  );
  const ledger = await ledgerFactsFor(due, lastKeys, { registry: deps.registry, today, timeZone: config.timeZone });
  const followUps =
    ledger.firedOn.size === 0
      ? []
      : escalationsAndRepeats(due, ledger, { now, today, calendar, channels, escalation: config.escalation });
  const digest = await dueDigest(config, records, services, { registry: deps.registry, now });
  // the service list remembers each kind's newest claimed key, so a quiet cycle claims (writes) nothing
  const candidates = [...due, ...followUps, ...(digest ? [digest] : [])].filter(
    (alert) => !claimedPerServiceList(alert, lastKeys),
  );

  const targets = deps.publishers.map((p) => p.target);
  const claimedAt = now.toISOString();
  const own: LedgerEntry[] = candidates.map((alert) => {
    const notBefore = deliveryInstant(alert, now, config);
    return {
      alert,
      cycleId,
      claimedAt,
      pendingTargets: targets,
      deliveredTargets: [],
      ...(notBefore.getTime() > now.getTime() && { notBefore: notBefore.toISOString() }),
    };
  });
  const won = await mapWithConcurrency(own, concurrency, (entry) => deps.registry.claimAlert(entry));
  const claimed = own.filter((_, i) => won[i]);
  const alerts = claimed.map((e) => e.alert).sort(byServiceThenKey);
  logger.info('cycle evaluated', { cycleId, today, services: records.length, fired: alerts.length });

  const deliveries: DeliveryReport[] = [];
  const held: { key: string; notBefore: string }[] = [];
  const ready = (entry: LedgerEntry): boolean => {
    if (entry.notBefore === undefined || Date.parse(entry.notBefore) <= now.getTime()) return true;
    held.push({ key: entry.alert.key, notBefore: entry.notBefore });
    return false;
  };
  if (deps.publishers.length > 0) {
    const mine: OutboxLease = { cycleId, at: claimedAt };
    const takeable = (await deps.registry.listOutbox()).filter(
      (entry) => entry.cycleId !== cycleId || entry.claimedAt !== claimedAt,
    );
    const taken = await mapWithConcurrency(takeable.filter(ready), concurrency, async (entry) => {
      const lease = leaseOf(entry);
      return leaseRanOut(entry, mine, now) && (await deps.registry.takeOver(entry.alert.key, lease, mine))
        ? [entry]
        : [];
    });
    // entries are different keys, so they go out side by side; one entry's targets stay in order
    const perEntry = await mapWithConcurrency([...claimed.filter(ready), ...taken.flat()], concurrency, (entry) =>
      deliver(entry, deps, claimedAt, logger),
    );
    deliveries.push(...perEntry.flat());
  } else {
    claimed.forEach(ready);
  }

  return {
    cycleId,
    now: formatOffsetDateTime(now, config.timeZone),
    today,
    servicesEvaluated: records.length,
    accounts,
    alerts,
    deliveries,
    held,
  };
}

/**
 * Whether an outbox entry may be taken over by this cycle: another cycle's lease once it is older than
 * OUTBOX_LEASE_MS (that cycle is finished or gone), or this cycle id's own lease from an earlier instant
 * (a Lambda retry reuses its request id: the attempt before it died). An entry held for quiet hours is
 * never delivered by the cycle that claimed it, so that claim leases nothing: it goes to the first cycle
 * after the window (the construct runs one when it ends), whoever takes it first.
 */
function leaseRanOut(entry: LedgerEntry, mine: OutboxLease, now: Date): boolean {
  if (entry.lease === undefined && entry.notBefore !== undefined) return true;
  const lease = leaseOf(entry);
  const at = Date.parse(lease.at);
  if (lease.cycleId === mine.cycleId) return at < now.getTime();
  return at < now.getTime() - OUTBOX_LEASE_MS;
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
    } catch (e) {
      const error = errorMessage(e);
      logger.error('delivery failed; the alert stays in the outbox', { key: entry.alert.key, target, error });
      reports.push({ key: entry.alert.key, target, status: 'failed', error });
      continue;
    }
    try {
      await recordDelivered(entry.alert.key, target, at, deps.registry);
      reports.push({ key: entry.alert.key, target, status: 'delivered' });
    } catch (e) {
      // Sent, but the ledger does not know: a later cycle will send it again (at least once, never lost).
      // Reported as failed so the invocation fails and the alarms see the registry in trouble.
      const error = `sent, but not recorded as delivered (a later cycle may send it again): ${errorMessage(e)}`;
      logger.error('delivery not recorded', { key: entry.alert.key, target, error });
      reports.push({ key: entry.alert.key, target, status: 'failed', error });
    }
  }
  return reports;
}

/** Attempts at recording a delivery that succeeded, beyond the SDK's own retries: a resend is the cost. */
export const RECORD_ATTEMPTS = 4;

async function recordDelivered(key: string, target: string, at: string, registry: Registry): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await registry.markDelivered(key, target, at);
    } catch (e) {
      if (attempt >= RECORD_ATTEMPTS) throw e;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt * (0.5 + Math.random() / 2)));
    }
  }
}

function byServiceThenKey(a: Alert, b: Alert): number {
  const sa = a.serviceId ?? a.accountId ?? '';
  const sb = b.serviceId ?? b.accountId ?? '';
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
