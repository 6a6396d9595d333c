/**
 * Tencent Cloud's two sites: the China site bills in fen (CNY cents), the international one in US
 * cents ("国内分、国际美分", ModifyAccountWarning). DescribeAccountBalance carries no currency field,
 * so the site is the only way to know it.
 */
export type TencentSite = 'cn' | 'intl';

export const TENCENT_SITES: readonly TencentSite[] = ['cn', 'intl'];

export interface TencentApi {
  /** The product in the credential scope, and the host's first label. */
  readonly service: 'billing' | 'trtc';
  readonly version: string;
  readonly region?: string;
}

export const DESCRIBE_ACCOUNT_BALANCE: TencentApi = { service: 'billing', version: '2018-07-09' };
/** The CN doc names ap-guangzhou as the only region of the TRTC statistics APIs. */
export const DESCRIBE_TRTC_USAGE: TencentApi = { service: 'trtc', version: '2019-07-22', region: 'ap-guangzhou' };

export function tencentCurrency(site: TencentSite): string {
  return site === 'intl' ? 'USD' : 'CNY';
}

/** `billing.tencentcloudapi.com`, or `billing.intl.tencentcloudapi.com` as the international docs name it. */
export function tencentHost(site: TencentSite, service: TencentApi['service']): string {
  return site === 'intl' ? `https://${service}.intl.tencentcloudapi.com` : `https://${service}.tencentcloudapi.com`;
}
