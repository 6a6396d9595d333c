import type { AlertPublisher } from '../core/delivery-port';
import { errorMessage, RenewalGuardError } from '../core/errors';
import type { Alert } from '../core/model';

export interface TargetReport {
  readonly target: string;
  readonly status: 'delivered' | 'failed';
  readonly error?: string;
  /** Whether a later attempt may succeed (throttling, outage) rather than needing a fix (bad secret). */
  readonly retryable?: boolean;
}

/**
 * The send step: hands one alert to every publisher at once and waits for all of them. Each publisher
 * renders the alert for its target (its channel type and language) and sends it; a target that keeps
 * failing costs its own retries, never the others' delivery. One report per publisher, in their order.
 */
export async function sendToTargets(alert: Alert, publishers: readonly AlertPublisher[]): Promise<TargetReport[]> {
  const settled = await Promise.allSettled(publishers.map((p) => p.publish(alert)));
  return settled.map((outcome, i) =>
    outcome.status === 'fulfilled'
      ? { target: publishers[i].target, status: 'delivered' }
      : {
          target: publishers[i].target,
          status: 'failed',
          error: errorMessage(outcome.reason),
          retryable: outcome.reason instanceof RenewalGuardError ? outcome.reason.retryable : true,
        },
  );
}
