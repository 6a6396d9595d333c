import type { AlertPublisher } from '../../app/ports';
import { errorMessage, RenewalGuardError } from '../../core/errors';
import type { Alert } from '../../core/model';

export interface ChannelDeliveryReport {
  readonly target: string;
  readonly status: 'delivered' | 'failed';
  readonly error?: string;
  /** Whether a later attempt may succeed (throttling, outage) rather than needing a fix (bad secret). */
  readonly retryable?: boolean;
}

/**
 * Hands one alert to every publisher at once and waits for all of them: a channel that keeps failing
 * costs its own retries, never the others' delivery. One report per publisher, in their order.
 */
export async function deliverToChannels(
  alert: Alert,
  publishers: readonly AlertPublisher[],
): Promise<ChannelDeliveryReport[]> {
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
