import { randomUUID } from 'node:crypto';
import {
  alibabaCall,
  alibabaDefaultCurrency,
  alibabaHost,
  readAccountBalance,
  readAlibabaOptions,
  readInstancesPage,
  readPackagesPage,
} from './alibaba/index';
import { collectPages, type Page } from './cn-cloud';
import { baseUrl, callJson, resolveCredentials } from './http';
import type { AccountConfig } from '../core/model';
import type { AccountSnapshot, Entitlement, PollContext, VendorAdapter } from '../core/vendor-port';

/** Within both sites' documented maximum (300 on the China site, 100 in an older international doc). */
export const ALIBABA_PAGE_SIZE = 100;

export interface AlibabaVendorOptions {
  /** SignatureNonce of each attempt. @default crypto.randomUUID */
  readonly nonce?: () => string;
}

/**
 * Alibaba Cloud, through BSS OpenAPI: the balance (QueryAccountBalance, decimal strings, negative in
 * arrears), subscriptions with their end date and renewal mode (QueryAvailableInstances) and resource
 * plans with their expiry and what is left (QueryResourcePackageInstances), both paged.
 *
 * Secret fields: `accessKeyId`, `accessKeySecret` (a RAM user with AliyunBSSReadOnlyAccess).
 * Options: `site` (`cn` | `intl`, default `cn`), `productCodes` (default: every product).
 * ARTC minutes (DescribeUsageOverallData) are not read: burn comes from balance history.
 */
export class AlibabaVendor implements VendorAdapter {
  readonly vendor = 'alibaba' as const;
  private readonly nonce: () => string;

  constructor(options: AlibabaVendorOptions = {}) {
    this.nonce = options.nonce ?? randomUUID;
  }

  async poll(account: AccountConfig, ctx: PollContext): Promise<AccountSnapshot> {
    const options = readAlibabaOptions(account);
    const credentials = await resolveCredentials(account, ctx, ['accessKeyId', 'accessKeySecret']);
    const url = `${baseUrl(account, alibabaHost(options.site))}/`;
    const call = (action: string, params: Record<string, string>) =>
      alibabaCall({ accountId: account.id, url, action, params, credentials, nonce: this.nonce });

    const balance = await callJson(ctx.http, call('QueryAccountBalance', {}), (json) =>
      readAccountBalance(json, alibabaDefaultCurrency(options.site)),
    );
    const raw: Record<string, unknown[]> = { QueryAvailableInstances: [], QueryResourcePackageInstances: [] };
    const list = async (action: string, params: Record<string, string>, read: (json: unknown) => Page<Entitlement>) => {
      const entitlements: Entitlement[] = [];
      for (const productCode of options.productCodes ?? [undefined]) {
        const found = await collectPages(
          { vendor: 'alibaba', accountId: account.id, operation: action },
          ALIBABA_PAGE_SIZE,
          (i) =>
            callJson(
              ctx.http,
              call(action, {
                ...params,
                ...(productCode !== undefined && { ProductCode: productCode }),
                PageNum: String(i + 1),
                PageSize: String(ALIBABA_PAGE_SIZE),
              }),
              (json) => {
                raw[action].push(json);
                return read(json);
              },
            ),
        );
        entitlements.push(...found);
      }
      return entitlements;
    };
    const subscriptions = await list(
      'QueryAvailableInstances',
      { SubscriptionType: 'Subscription' },
      readInstancesPage,
    );
    const plans = await list('QueryResourcePackageInstances', {}, readPackagesPage);
    return {
      accountId: account.id,
      vendor: 'alibaba',
      takenAt: ctx.now.toISOString(),
      balance: balance.money,
      entitlements: [...subscriptions, ...plans],
      raw: { QueryAccountBalance: balance.response, ...raw },
    };
  }
}
