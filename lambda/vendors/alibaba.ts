import { randomUUID } from 'node:crypto';
import {
  accountBillParams,
  alibabaCall,
  alibabaDefaultCurrency,
  alibabaHost,
  readAccountBalance,
  readAccountBillPage,
  readAlibabaOptions,
  readInstancesPage,
  readPackagesPage,
} from './alibaba/index';
import { collectPages, completedDays, type Page } from './cn-cloud';
import { baseUrl, callJson, resolveCredentials } from './http';
import { addDays } from '../core/dates';
import type { AccountConfig } from '../core/model';
import type { AccountSnapshot, DailyUsage, Entitlement, PollContext, VendorAdapter } from '../core/vendor-port';

/** Within both sites' documented maximum (300 on the China site, 100 in an older international doc). */
export const ALIBABA_PAGE_SIZE = 100;

export interface AlibabaVendorOptions {
  /** SignatureNonce of each attempt. @default crypto.randomUUID */
  readonly nonce?: () => string;
}

/**
 * Alibaba Cloud, through BSS OpenAPI: the balance (QueryAccountBalance, decimal strings, negative in
 * arrears), subscriptions with their end date and renewal mode (QueryAvailableInstances) and resource
 * plans with their expiry and what is left (QueryResourcePackageInstances), both paged, and the daily
 * spend in money from the account's daily bill (QueryAccountBill, Granularity DAILY, one call per
 * completed Beijing day): ARTC bills its call minutes daily (help.aliyun.com 2697965), so the bill is
 * what the balance loses, with no price table. ARTC minutes (DescribeUsageOverallData, another product
 * and host, unit unconfirmed) are not read.
 *
 * Secret fields: `accessKeyId`, `accessKeySecret` (a RAM user with AliyunBSSReadOnlyAccess).
 * Options: `site` (`cn` | `intl`, default `cn`), `productCodes` (default: every product; subscriptions
 * and plans only: spend is the whole account's, as the balance pays for every product), `usageDays`
 * (0–31 completed days of bills, default 15; 0 skips the bill calls).
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
    const spend =
      options.usageDays > 0
        ? await this.dailyBills(account.id, options.usageDays, balance.money.currency, call, ctx)
        : undefined;
    return {
      accountId: account.id,
      vendor: 'alibaba',
      takenAt: ctx.now.toISOString(),
      balance: balance.money,
      ...(spend && { dailySpend: spend.days }),
      entitlements: [...subscriptions, ...plans],
      raw: { QueryAccountBalance: balance.response, ...raw, ...(spend && { QueryAccountBill: spend.pages }) },
    };
  }

  /** Each completed Beijing day's bill, oldest first, its lines summed: the day's spend in the balance currency. */
  private async dailyBills(
    accountId: string,
    usageDays: number,
    currency: string,
    call: (action: string, params: Record<string, string>) => ReturnType<typeof alibabaCall>,
    ctx: PollContext,
  ): Promise<{ days: DailyUsage[]; pages: unknown[] }> {
    const window = completedDays(ctx.now, usageDays);
    const pages: unknown[] = [];
    const days: DailyUsage[] = [];
    for (let i = 0; i < usageDays; i++) {
      const day = addDays(window.from, i);
      const lines = await collectPages(
        { vendor: 'alibaba', accountId, operation: 'QueryAccountBill' },
        ALIBABA_PAGE_SIZE,
        (p) =>
          callJson(
            ctx.http,
            call('QueryAccountBill', {
              ...accountBillParams(day),
              PageNum: String(p + 1),
              PageSize: String(ALIBABA_PAGE_SIZE),
            }),
            (json) => {
              pages.push(json);
              return readAccountBillPage(json, { day, currency });
            },
          ),
      );
      const amount = Math.round(lines.reduce((sum, a) => sum + a, 0) * 1e4) / 1e4;
      days.push({ date: day, amount: Object.is(amount, -0) ? 0 : amount, unit: currency });
    }
    return { days, pages };
  }
}
