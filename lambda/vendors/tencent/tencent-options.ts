import { TENCENT_SITES, tencentCurrency, type TencentSite } from './tencent-site';
import { readTrtcPrices, type TencentPrices } from './trtc-prices';
import type { AccountConfig } from '../../core/model';
import { OptionReader } from '../http';

export interface TencentOptions {
  readonly site: TencentSite;
  /** Undefined: one query for the total of every application. */
  readonly sdkAppIds?: readonly number[];
  /** Completed days of TRTC usage read per cycle; 0 reads none. */
  readonly usageDays: number;
  /** Declared TRTC prices: daily spend in money (the balance currency) instead of minutes. */
  readonly prices?: TencentPrices;
}

/** DescribeTrtcUsage answers at most 31 days per query. */
export const MAX_TRTC_USAGE_DAYS = 31;
const DEFAULT_USAGE_DAYS = 30;

export function readTencentOptions(account: AccountConfig): TencentOptions {
  const reader = new OptionReader(account, ['site', 'sdkAppIds', 'usageDays', 'prices']);
  const siteValue = reader.get('site');
  const site = siteValue === undefined ? 'cn' : reader.oneOf(siteValue, 'site', TENCENT_SITES);
  const idsValue = reader.get('sdkAppIds');
  const ids = idsValue === undefined ? undefined : readSdkAppIds(reader, idsValue);
  const daysValue = reader.get('usageDays');
  const usageDays =
    daysValue === undefined ? DEFAULT_USAGE_DAYS : reader.integer(daysValue, 'usageDays', 0, MAX_TRTC_USAGE_DAYS);
  const pricesValue = reader.get('prices');
  const prices =
    pricesValue === undefined || site === undefined
      ? undefined
      : readTrtcPrices(reader, pricesValue, tencentCurrency(site), site);
  if (pricesValue !== undefined && usageDays === 0) {
    reader.problem('prices', 'TRTC prices need usage to price; remove usageDays: 0 or the prices');
  }
  reader.finish();
  return { site: site!, usageDays: usageDays!, ...(ids && { sdkAppIds: ids }), ...(prices && { prices }) };
}

/** SdkAppIds are integers to the API; the config writes them as strings (or numbers, from YAML). */
function readSdkAppIds(reader: OptionReader, value: unknown): readonly number[] | undefined {
  const texts = reader.textList(
    Array.isArray(value) ? value.map((v) => (typeof v === 'number' ? String(v) : v)) : value,
    'sdkAppIds',
  );
  if (!texts) return undefined;
  const ids: number[] = [];
  texts.forEach((text, i) => {
    if (/^\d{1,15}$/.test(text)) ids.push(Number(text));
    else reader.problem(`sdkAppIds[${i}]`, 'expected a TRTC SdkAppId (digits only)');
  });
  return ids.length === texts.length ? ids : undefined;
}
