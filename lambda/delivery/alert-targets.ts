import { isRecipientPublisher, type AlertPublisher } from '../core/delivery-port';
import type { Alert } from '../core/model';
import type { DeliveryTarget } from '../core/registry-port';

/**
 * The publishers one alert is owed, one per target: a publisher of one target as it is, a recipient
 * publisher (owners) as one publisher per recipient the alert names, so each owner is sent, retried
 * and recorded like a channel while the publisher list stays the same at any number of owners.
 */
export function publishersFor(alert: Alert, publishers: readonly AlertPublisher[]): AlertPublisher[] {
  return publishers.flatMap((p) =>
    isRecipientPublisher(p)
      ? p.targetsOf(alert).map((target) => ({ target, publish: (a: Alert) => p.publishTo(a, target) }))
      : [p],
  );
}

/** The targets an alert's ledger entry owes when it is claimed: those of `publishersFor`. */
export function owedTargets(alert: Alert, publishers: readonly AlertPublisher[]): DeliveryTarget[] {
  return publishersFor(alert, publishers).map((p) => p.target);
}
