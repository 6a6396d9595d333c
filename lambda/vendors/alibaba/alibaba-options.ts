import { ALIBABA_SITES, type AlibabaSite } from './alibaba-site';
import type { AccountConfig } from '../../core/model';
import { OptionReader } from '../http';

export interface AlibabaOptions {
  readonly site: AlibabaSite;
  /** Product codes (`rtc`, `rds` ...) that subscriptions and resource plans are listed for; undefined: all. */
  readonly productCodes?: readonly string[];
}

export function readAlibabaOptions(account: AccountConfig): AlibabaOptions {
  const reader = new OptionReader(account, ['site', 'productCodes']);
  const siteValue = reader.get('site');
  const site = siteValue === undefined ? 'cn' : reader.oneOf(siteValue, 'site', ALIBABA_SITES);
  const codesValue = reader.get('productCodes');
  const productCodes = codesValue === undefined ? undefined : reader.textList(codesValue, 'productCodes');
  reader.finish();
  return { site: site!, ...(productCodes && { productCodes }) };
}
