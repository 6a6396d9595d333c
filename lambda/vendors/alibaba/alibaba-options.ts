import { ALIBABA_SITES, type AlibabaSite } from './alibaba-site';
import type { AccountConfig } from '../../core/model';
import { OptionReader } from '../http';

export interface AlibabaOptions {
  readonly site: AlibabaSite;
  /** Product codes (`rtc`, `rds` ...) that subscriptions and resource plans are listed for; undefined: all. */
  readonly productCodes?: readonly string[];
  /** Completed Beijing days of the account's daily bill read per cycle (one QueryAccountBill each); 0 reads none. */
  readonly usageDays: number;
}

/**
 * Enough for the trailing 14-day average behind the runway and the latest day a spike is judged on,
 * at one call per day: QueryAccountBill answers one BillingDate per DAILY query.
 */
export const DEFAULT_BILL_DAYS = 15;
export const MAX_BILL_DAYS = 31;

export function readAlibabaOptions(account: AccountConfig): AlibabaOptions {
  const reader = new OptionReader(account, ['site', 'productCodes', 'usageDays']);
  const siteValue = reader.get('site');
  const site = siteValue === undefined ? 'cn' : reader.oneOf(siteValue, 'site', ALIBABA_SITES);
  const codesValue = reader.get('productCodes');
  const productCodes = codesValue === undefined ? undefined : reader.textList(codesValue, 'productCodes');
  const daysValue = reader.get('usageDays');
  const usageDays =
    daysValue === undefined ? DEFAULT_BILL_DAYS : reader.integer(daysValue, 'usageDays', 0, MAX_BILL_DAYS);
  reader.finish();
  return { site: site!, usageDays: usageDays!, ...(productCodes && { productCodes }) };
}
