import type { DeliveryTarget, Registry } from '../core/registry-port';

/** Attempts at recording a delivery that succeeded, beyond the SDK's own retries: a resend is the cost. */
export const RECORD_ATTEMPTS = 4;

/**
 * The record step: one write for everything one alert's send step delivered (the registry adds the
 * targets to a string set; no read, no version). Retried a few times with jittered backoff, because
 * what is not recorded is sent again by a later cycle.
 */
export async function recordDelivery(
  registry: Pick<Registry, 'markDelivered'>,
  key: string,
  delivery: { readonly targets: readonly DeliveryTarget[]; readonly at: string; readonly settles: boolean },
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await registry.markDelivered(key, delivery);
    } catch (e) {
      if (attempt >= RECORD_ATTEMPTS) throw e;
      await sleep(100 * 2 ** attempt * (0.5 + Math.random() / 2));
    }
  }
}
