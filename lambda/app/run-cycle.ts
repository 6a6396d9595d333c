/**
 * One full cycle: poll accounts, read the registry, decide what is due with the alert policy (pure core:
 * expiry tiers, balance and spend, renewals, coverage, contacts, the escalation ladder, the weekly
 * digest), claim each alert key in the ledger (a conditional write, so concurrent or retried cycles fire
 * each key once), then hand what this cycle claimed, and what earlier cycles left in the outbox, to the
 * delivery pipeline (lambda/delivery). An alert decided during quiet hours is claimed now and held in
 * the outbox until they end.
 *
 * The expiry reminders of services whose dates no poll can move are decided and claimed while the vendor
 * calls are in flight, from the same service list and by the same rules as the rest, so the cycle decides
 * exactly what it would decide in sequence (test/app/claim-ahead.test.ts) in about the time of the slower
 * of the two, not their sum.
 */
import { dueDigest } from './cycle-digest';
import {
  claimedPerServiceList,
  EMPTY_LEDGER,
  lastAlertKeysById,
  ledgerFactsFor,
  watchedExpiries,
} from './cycle-ledger';
import { claimAlerts, deliverClaimed, pollAndEvaluateAccounts, type CycleRun } from './cycle-steps';
import type { AccountReport } from './poll-accounts';
import { quantityReminders } from './quantity-reminders';
import { routeResolutions } from './route-resolutions';
import { WorkingCalendar } from '../core/calendar/working-calendar';
import { bothSettled } from '../core/concurrency';
import { formatOffsetDateTime, localDate } from '../core/dates';
import { SILENT_LOGGER, type AlertPublisher, type CycleLogger } from '../core/delivery-port';
import {
  notInInventoryAlert,
  unclaimedEntitlements,
  type UnclaimedEntitlement,
} from '../core/inventory/unclaimed-entitlements';
import type { Alert, GuardConfig, IsoDate, Vendor } from '../core/model';
import {
  decideCycleAlerts,
  discoveredExpiryOf,
  escalationsAndRepeats,
  pollIndependentExpiryAlerts,
  withDiscoveredExpiry,
} from '../core/policy';
import type { CycleRegistry, LedgerEntry, ServiceRecord } from '../core/registry-port';
import { indexChannels } from '../core/reminders';
import { withServiceLinks } from '../core/reminders/alert-links';
import type { VendorHttp } from '../core/vendor-http-port';
import type { SecretResolver, VendorAdapter } from '../core/vendor-port';
import { DEFAULT_SEND_CONCURRENCY, owedTargets, type DeliveryReport, type HeldAlert } from '../delivery';

export interface CycleDeps {
  readonly registry: CycleRegistry;
  readonly vendors: ReadonlyMap<Vendor, VendorAdapter>;
  readonly secrets: SecretResolver;
  /** The resilient HTTP client vendor adapters call through. */
  readonly http: VendorHttp;
  /** Delivery targets of every alert; none in the CLI without --send (alerts are reported, not sent). */
  readonly publishers: readonly AlertPublisher[];
  readonly logger?: CycleLogger;
  /**
   * Vendor calls, registry writes and alerts being delivered in flight at once, per step: while the
   * accounts are polled, the claims made ahead of the polls run beside them with as many again.
   * @default DEFAULT_SEND_CONCURRENCY
   */
  readonly concurrency?: number;
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
  readonly held: readonly HeldAlert[];
  /** What this cycle's polls reported that no service claims (each raised one notice, the first time). */
  readonly notInInventory?: readonly UnclaimedEntitlement[];
}

export async function runCycle(config: GuardConfig, deps: CycleDeps, now: Date, cycleId: string): Promise<CycleReport> {
  const logger = deps.logger ?? SILENT_LOGGER;
  const concurrency = deps.concurrency ?? DEFAULT_SEND_CONCURRENCY;
  const today = localDate(now, config.timeZone);

  const run: CycleRun = { config, deps, now, today, cycleId, logger, concurrency };
  const channels = indexChannels(config.channels);
  const calendar = new WorkingCalendar(config.calendar);
  const targetsOf = (alert: Alert) => owedTargets(alert, deps.publishers);
  // The vendor calls are slow and leave the cycle idle; the expiry reminders of services whose dates no
  // poll can move are claimed meanwhile (the catch-up cycle's bulk: bench/README.md, cycle).
  const [
    { reports: accounts, alerts: accountAlerts, facts, entitlements },
    { records, lastKeys, claimed: claimedAhead, decided: decidedAhead },
  ] = await bothSettled(
    pollAndEvaluateAccounts(config.accounts, channels, run),
    claimAheadOfPolls({ calendar, targetsOf }, run),
  );

  // a service naming its vendor entitlement follows the expiry the vendor reports (a renewal shows there)
  const services = records.map((r) => withDiscoveredExpiry(r.service, discoveredExpiryOf(r.service, entitlements)));
  // First what is due, then the ladder's follow-ups, which need the ledger's word on those due alerts
  // only: with an empty ledger the policy returns the due alerts alone. Both read the service list as it
  // stood before this cycle's claims, so the alerts claimed ahead count as they would have here: new today.
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
  // discovery: what the vendors report and no service claims; the ledger sends each notice once
  const notInInventory = unclaimedEntitlements(
    services,
    accounts.flatMap((a) =>
      a.status === 'ok' && a.snapshot
        ? [{ accountId: a.id, vendor: a.vendor, entitlements: a.snapshot.entitlements }]
        : [],
    ),
  );
  const discovered = notInInventory.map((u) => notInInventoryAlert(u, today, channels));
  // packages that run out by quantity before their date
  const quantity = await quantityReminders(
    services,
    new Map(accounts.flatMap((a) => (a.status === 'ok' && a.snapshot ? [[a.id, a.snapshot] as const] : []))),
    { registry: deps.registry, now, config, calendar, channels },
  );
  // the service list remembers each kind's newest claimed key, so a quiet cycle claims (writes) nothing
  // every alert about a service carries its renewUrl and runbook (the action link)
  const linked = withServiceLinks([...due, ...discovered, ...quantity, ...followUps], services);
  const unclaimed = [...linked, ...(digest ? [digest] : [])].filter(
    (alert) => !decidedAhead.has(alert.key) && !claimedPerServiceList(alert, lastKeys),
  );
  // a notice that closes earlier alerts goes wherever they went, whatever those channels' minSeverity
  const candidates = await routeResolutions(unclaimed, {
    registry: deps.registry,
    services,
    lastKeys,
    channelOrder: config.channels.map((c) => c.id),
  });

  const { claimed: claimedNow, claimedAt } = await claimAlerts(candidates, { calendar, targetsOf }, run);
  const claimed = [...claimedAhead, ...claimedNow];
  const alerts = claimed.map((e) => e.alert).sort(byServiceThenKey);
  logger.info('cycle evaluated', { cycleId, today, services: records.length, fired: alerts.length });

  const { deliveries, held } = await deliverClaimed(claimed, claimedAt, run);

  return {
    cycleId,
    now: formatOffsetDateTime(now, config.timeZone),
    today,
    servicesEvaluated: records.length,
    accounts,
    alerts,
    deliveries,
    held,
    notInInventory,
  };
}

/**
 * Reads the service list and claims the expiry reminders due today of the services no poll can move
 * (`pollIndependentExpiryAlerts`), while the vendor calls are in flight. Returns the list as it stood
 * before (and its newest keys per service), what this run won, and every key it decided, won or not, for
 * the rest of the cycle to skip.
 */
async function claimAheadOfPolls(
  options: { readonly calendar: WorkingCalendar; readonly targetsOf: (alert: Alert) => readonly string[] },
  run: CycleRun,
): Promise<{
  readonly records: readonly ServiceRecord[];
  readonly lastKeys: ReadonlyMap<string, Readonly<Record<string, string>>>;
  readonly claimed: LedgerEntry[];
  readonly decided: ReadonlySet<string>;
}> {
  const records = await run.deps.registry.listServices();
  const services = records.map((r) => r.service);
  const lastKeys = lastAlertKeysById(records);
  // expiry tiers close nothing, so they need no routing of resolutions
  const decided = withServiceLinks(
    pollIndependentExpiryAlerts(services, run.now, run.config, options.calendar),
    services,
  );
  const { claimed } = await claimAlerts(
    decided.filter((alert) => !claimedPerServiceList(alert, lastKeys)),
    options,
    run,
  );
  return { records, lastKeys, claimed, decided: new Set(decided.map((a) => a.key)) };
}

function byServiceThenKey(a: Alert, b: Alert): number {
  const sa = a.serviceId ?? a.accountId ?? '';
  const sb = b.serviceId ?? b.accountId ?? '';
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
