import { completedDays } from './cn-cloud';
import { baseUrl, callJson, resolveCredentials } from './http';
import {
  DESCRIBE_ACCOUNT_BALANCE,
  DESCRIBE_TRTC_USAGE,
  readAccountBalance,
  readTencentOptions,
  readTrtcUsage,
  tencentCall,
  tencentCurrency,
  tencentHost,
  trtcDailySpend,
  type TencentApi,
  type TencentCredentials,
  type TencentOptions,
} from './tencent/index';
import type { AccountConfig, IsoDate } from '../core/model';
import type { AccountSnapshot, DailyUsage, PollContext, VendorAdapter } from '../core/vendor-port';

/**
 * Tencent Cloud: the account balance (DescribeAccountBalance, in fen on the China site and US cents on
 * the international one) and daily TRTC minutes (DescribeTrtcUsage). Tencent has no public package or
 * expiry API (package lists are console-only), so entitlements stay empty and expiry dates come from
 * the services' `expiresOn`. With `sdkAppIds`, each application's minutes are also reported as its own
 * (`scopedUsage`, `scope` = the SdkAppId).
 *
 * Secret fields: `secretId`, `secretKey` (a CAM sub-user with read-only billing and TRTC access).
 * Options: `site` (`cn` | `intl`, default `cn`), `sdkAppIds` (default: the total of every application),
 * `usageDays` (0–31, default 30; 0 skips the usage call), `prices` (TRTC prices per 1,000 minutes per
 * usage category, in the balance currency: daily spend in money, so a runway; default: minutes only).
 */
export class TencentVendor implements VendorAdapter {
  readonly vendor = 'tencent' as const;

  async poll(account: AccountConfig, ctx: PollContext): Promise<AccountSnapshot> {
    const options = readTencentOptions(account);
    const credentials = await resolveCredentials(account, ctx, ['secretId', 'secretKey']);
    const call = (api: TencentApi, action: string, params: Record<string, unknown>) =>
      tencentCall({ accountId: account.id, url: endpointOf(account, options, api), api, action, params, credentials });

    const balance = await callJson(ctx.http, call(DESCRIBE_ACCOUNT_BALANCE, 'DescribeAccountBalance', {}), (json) =>
      readAccountBalance(json, tencentCurrency(options.site)),
    );
    const usage = options.usageDays > 0 ? await this.trtcUsage(account, options, credentials, ctx) : undefined;
    return {
      accountId: account.id,
      vendor: 'tencent',
      takenAt: ctx.now.toISOString(),
      balance: balance.money,
      ...(usage && { dailySpend: usage.days }),
      ...(usage && usage.scoped.length > 0 && { scopedUsage: usage.scoped }),
      entitlements: [],
      raw: {
        DescribeAccountBalance: balance.response,
        ...(usage && { DescribeTrtcUsage: usage.responses }),
      },
    };
  }

  /** Completed Beijing days only (today is still accruing), one query per SdkAppId, summed per day. */
  private async trtcUsage(
    account: AccountConfig,
    options: TencentOptions,
    credentials: TencentCredentials,
    ctx: PollContext,
  ): Promise<{ days: DailyUsage[]; scoped: DailyUsage[]; responses: Readonly<Record<string, unknown>>[] }> {
    const window = completedDays(ctx.now, options.usageDays);
    const inWindow = (byDay: ReadonlyMap<IsoDate, Readonly<Record<string, number>>>) =>
      [...byDay].filter(([day]) => day >= window.from && day <= window.to).sort(([a], [b]) => (a < b ? -1 : 1));
    const byDay = new Map<IsoDate, Record<string, number>>();
    const scoped: DailyUsage[] = [];
    const responses: Readonly<Record<string, unknown>>[] = [];
    for (const sdkAppId of options.sdkAppIds ?? [undefined]) {
      const params = {
        StartTime: window.from,
        EndTime: window.to,
        ...(sdkAppId !== undefined && { SdkAppId: sdkAppId }),
      };
      const call = tencentCall({
        accountId: account.id,
        url: endpointOf(account, options, DESCRIBE_TRTC_USAGE),
        api: DESCRIBE_TRTC_USAGE,
        action: 'DescribeTrtcUsage',
        params,
        credentials,
      });
      const usage = await callJson(ctx.http, call, readTrtcUsage);
      responses.push(usage.response);
      for (const [day, categories] of usage.categoriesByDay) {
        const total = byDay.get(day) ?? {};
        for (const [category, m] of Object.entries(categories)) total[category] = (total[category] ?? 0) + m;
        byDay.set(day, total);
      }
      // With `SdkAppId` the answer is that application's alone (without it, every app's total: vendor-apis.md
      // §4.3), so a named SdkAppId's usage is its own, kept under the SdkAppId for the service that names it
      if (sdkAppId !== undefined) {
        const own = trtcDailySpend(inWindow(usage.categoriesByDay), options.prices, account.id);
        scoped.push(...own.map((d) => ({ ...d, scope: String(sdkAppId) })));
      }
    }
    return { days: trtcDailySpend(inWindow(byDay), options.prices, account.id), scoped, responses };
  }
}

/** An endpoint override (the sandbox) serves every product at one base; the real API has a host per product. */
function endpointOf(account: AccountConfig, options: TencentOptions, api: TencentApi): string {
  return `${baseUrl(account, tencentHost(options.site, api.service))}/`;
}
