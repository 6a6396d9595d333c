/**
 * Alibaba Cloud's BSS OpenAPI (business.aliyuncs.com, version 2017-12-14, RPC style): the China site
 * in cn-hangzhou, the international site in ap-southeast-1 (help doc 87968).
 */
export type AlibabaSite = 'cn' | 'intl';

export const ALIBABA_SITES: readonly AlibabaSite[] = ['cn', 'intl'];

export const BSS_VERSION = '2017-12-14';

export function alibabaHost(site: AlibabaSite): string {
  return site === 'intl' ? 'https://business.ap-southeast-1.aliyuncs.com' : 'https://business.aliyuncs.com';
}

/** Only for an answer that leaves out its documented `Currency` (CNY, USD or JPY). */
export function alibabaDefaultCurrency(site: AlibabaSite): string {
  return site === 'intl' ? 'USD' : 'CNY';
}
