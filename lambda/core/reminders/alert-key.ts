import type { IsoDate } from '../model';

/**
 * The idempotency key of an expiry reminder. It names the expiry date being warned about, so a renewal
 * (a later `expiresOn`) starts a fresh set of keys and the old ones can never fire again. The same key
 * is the PagerDuty dedup_key and the ledger's partition key.
 */
export function expiryAlertKey(serviceId: string, expiresOn: IsoDate, tier: number): string {
  return `${serviceId}:expiry:${expiresOn}:${tier}`;
}
