/**
 * Huawei Cloud's hosts: BSS (billing) has a China and an international host (the EU host,
 * bss.myhuaweicloud.eu, is reached through `endpoint`); SparkRTC documents one, cn-north-4's
 * rtc-api.myhuaweicloud.com, which the SDKs use for every account (an international RTC host was not
 * found).
 */
export type HuaweiSite = 'cn' | 'intl';

export const HUAWEI_SITES: readonly HuaweiSite[] = ['cn', 'intl'];

export function huaweiBssHost(site: HuaweiSite): string {
  return site === 'intl' ? 'https://bss-intl.myhuaweicloud.com' : 'https://bss.myhuaweicloud.com';
}

export const HUAWEI_RTC_HOST = 'https://rtc-api.myhuaweicloud.com';

/** Only for an answer that leaves out its documented `currency` (CNY on the China site, USD abroad). */
export function huaweiDefaultCurrency(site: HuaweiSite): string {
  return site === 'intl' ? 'USD' : 'CNY';
}
