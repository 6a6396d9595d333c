import { mapWithConcurrency } from '../core/concurrency';
import type { CycleLogger } from '../core/delivery-port';
import { errorMessage } from '../core/errors';
import type { AccountConfig, Vendor } from '../core/model';
import type { VendorHttp } from '../core/vendor-http-port';
import type { AccountSnapshot, Money, SecretResolver, VendorAdapter } from '../core/vendor-port';

export interface AccountReport {
  readonly id: string;
  readonly vendor: Vendor;
  readonly status: 'ok' | 'failed';
  readonly balance?: Money;
  /** From `accountFigures` (core/accounts/account-figures.ts), as every other view reads them. */
  readonly runwayDays?: number;
  /** Average spend a day in the balance's currency, from `accountFigures`. */
  readonly dailySpend?: number;
  /** The vendor's reason, when polling failed. Never contains a credential. */
  readonly error?: string;
  readonly snapshot?: AccountSnapshot;
}

/**
 * Polls every account; one vendor failing never stops the others or the cycle — the account is reported
 * failed with the vendor's reason, and its services are not silently assumed healthy.
 */
export async function pollAccounts(
  accounts: readonly AccountConfig[],
  deps: {
    vendors: ReadonlyMap<Vendor, VendorAdapter>;
    secrets: SecretResolver;
    http: VendorHttp;
    now: Date;
    logger: CycleLogger;
    concurrency: number;
  },
): Promise<AccountReport[]> {
  return mapWithConcurrency(accounts, deps.concurrency, async (account): Promise<AccountReport> => {
    const adapter = deps.vendors.get(account.vendor);
    if (!adapter) {
      const error = `no adapter for vendor "${account.vendor}" in this build`;
      deps.logger.warn('account not polled', { accountId: account.id, vendor: account.vendor, error });
      return { id: account.id, vendor: account.vendor, status: 'failed', error };
    }
    try {
      const snapshot = await adapter.poll(account, { now: deps.now, secrets: deps.secrets, http: deps.http });
      return { id: account.id, vendor: account.vendor, status: 'ok', balance: snapshot.balance, snapshot };
    } catch (e) {
      const error = errorMessage(e);
      deps.logger.warn('account poll failed', { accountId: account.id, vendor: account.vendor, error });
      return { id: account.id, vendor: account.vendor, status: 'failed', error };
    }
  });
}
