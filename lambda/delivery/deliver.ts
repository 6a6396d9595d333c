/**
 * The one delivery pipeline, for the poller, the notifier and `check --send` alike: what is owed
 * (claimed this cycle, taken from the outbox, or handed over by SNS) is rendered and sent to each
 * target by its publisher, and what went out is recorded in one write per alert.
 *
 * At least once, never lost: an alert leaves the outbox only in the write that records its last owed
 * target. A crash between a send and its record (a Lambda timeout, a lost container) resends what was
 * in flight to the next cycle: at most `concurrency` alerts (DEFAULT_SEND_CONCURRENCY), each to the
 * targets it was sent to. Targets with an idempotency key get the alert key, so they can drop the resend.
 */
import { publishersFor } from './alert-targets';
import { recordDelivery } from './record-delivery';
import { sendToTargets } from './send-to-targets';
import { mapWithConcurrency } from '../core/concurrency';
import { SILENT_LOGGER, type AlertPublisher, type CycleLogger } from '../core/delivery-port';
import { errorMessage } from '../core/errors';
import type { Alert } from '../core/model';
import type { DeliveryTarget, Registry } from '../core/registry-port';

/** Alerts in flight at once (each to all its targets side by side): the most a crash can resend. */
export const DEFAULT_SEND_CONCURRENCY = 16;

/** One alert and the targets it is owed. */
export interface OwedDelivery {
  readonly alert: Alert;
  readonly targets: readonly DeliveryTarget[];
  /**
   * Whether `targets` are every target its ledger entry still owes (the outbox's pending targets), so
   * delivering them all takes it out of the outbox. False for the notifier's channels, which the
   * poller's entry never listed.
   */
  readonly settles: boolean;
}

export interface DeliveryReport {
  readonly key: string;
  readonly target: string;
  readonly status: 'delivered' | 'failed';
  readonly error?: string;
}

export interface DeliveryDeps {
  /** Records what went out (one write per alert); the notifier's alarms use a ledger of their own. */
  readonly registry: Pick<Registry, 'markDelivered'>;
  readonly publishers: readonly AlertPublisher[];
  /** The instant recorded as the delivery's. */
  readonly at: string;
  readonly logger?: CycleLogger;
  /** @default DEFAULT_SEND_CONCURRENCY */
  readonly concurrency?: number;
  /** Waits between record attempts. @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
}

export async function deliver(owed: readonly OwedDelivery[], deps: DeliveryDeps): Promise<DeliveryReport[]> {
  const perAlert = await mapWithConcurrency(owed, deps.concurrency ?? DEFAULT_SEND_CONCURRENCY, (one) =>
    deliverOne(one, deps),
  );
  return perAlert.flat();
}

async function deliverOne(owed: OwedDelivery, deps: DeliveryDeps): Promise<DeliveryReport[]> {
  const logger = deps.logger ?? SILENT_LOGGER;
  const key = owed.alert.key;
  // a target this deployment no longer has stays owed, for inspection: its entry does not settle
  // a recipient publisher (owners) stands for one publisher per owner the alert names
  const all = publishersFor(owed.alert, deps.publishers);
  const publishers = owed.targets.flatMap((target) => all.filter((p) => p.target === target));
  const sent = await sendToTargets(owed.alert, publishers);
  const reports: DeliveryReport[] = [];
  for (const r of sent.filter((s) => s.status === 'failed')) {
    logger.error('delivery failed; the alert stays owed', { key, target: r.target, error: r.error });
    reports.push({ key, target: r.target, status: 'failed', error: r.error });
  }
  const delivered = sent.filter((s) => s.status === 'delivered').map((s) => s.target);
  const settles = owed.settles && delivered.length === owed.targets.length;
  // an entry left in the outbox owing nothing (its targets recorded apart) is settled by this write alone
  if (delivered.length === 0 && !settles) return reports;
  try {
    await recordDelivery(deps.registry, key, { targets: delivered, at: deps.at, settles }, deps.sleep);
    reports.push(...delivered.map((target) => ({ key, target, status: 'delivered' as const })));
  } catch (e) {
    // Sent, but the ledger does not know: a later cycle will send it again (at least once, never lost).
    // Reported as failed so the invocation fails and the alarms see the registry in trouble.
    const error = `sent, but not recorded as delivered (a later cycle may send it again): ${errorMessage(e)}`;
    for (const target of delivered) {
      logger.error('delivery not recorded', { key, target, error });
      reports.push({ key, target, status: 'failed', error });
    }
  }
  return reports;
}
