import { collectPages, completedDays } from './cn-cloud';
import { baseUrl, callJson, resolveCredentials } from './http';
import {
  HUAWEI_RTC_HOST,
  huaweiBssHost,
  huaweiCall,
  huaweiDefaultCurrency,
  readAccountBalances,
  readFreeResourcePage,
  readHuaweiOptions,
  readMeasureUnits,
  readRtcUsage,
  type HuaweiCallInput,
  type HuaweiOptions,
} from './huawei/index';
import { percentEncode } from './signing';
import type { AccountConfig, IsoDate } from '../core/model';
import type { AccountSnapshot, DailyUsage, Entitlement, PollContext, VendorAdapter } from '../core/vendor-port';

export const HUAWEI_PAGE_SIZE = 100;

type Call = (input: Omit<HuaweiCallInput, 'accountId' | 'credentials'>) => ReturnType<typeof huaweiCall>;

/**
 * Huawei Cloud, with AK/SK (SDK-HMAC-SHA256) signing: the balance (ShowCustomerAccountBalances, less
 * any debt), resource packages with expiry and what is left (ListFreeResourceInfos, paged; unit names
 * from ListMeasureUnits) and, when configured, SparkRTC minutes per UTC day (ListRtcHistoryUsage, in
 * seconds), the account's and each app's own (`scopedUsage`, `scope` = the app id).
 *
 * Secret fields: `accessKey`, `secretKey` (the customer's own AK/SK: BSS accepts no other).
 * Options: `site` (`cn` | `intl`, default `cn`; the EU host via `endpoint`), `projectId` and
 * `rtcAppIds` (both needed for RTC usage), `usageDays` (1–31, default 30).
 */
export class HuaweiVendor implements VendorAdapter {
  readonly vendor = 'huawei' as const;

  async poll(account: AccountConfig, ctx: PollContext): Promise<AccountSnapshot> {
    const options = readHuaweiOptions(account);
    const credentials = await resolveCredentials(account, ctx, ['accessKey', 'secretKey']);
    const call: Call = (input) => huaweiCall({ ...input, accountId: account.id, credentials });
    const bss = baseUrl(account, huaweiBssHost(options.site));

    const balance = await callJson(
      ctx.http,
      call({
        operation: 'ShowCustomerAccountBalances',
        method: 'GET',
        url: `${bss}/v2/accounts/customer-accounts/balances`,
      }),
      (json) => readAccountBalances(json, huaweiDefaultCurrency(options.site)),
    );
    const packages = await this.packages(account, bss, call, ctx);
    const usage = options.rtc ? await this.rtcUsage(account, options, call, ctx) : undefined;
    return {
      accountId: account.id,
      vendor: 'huawei',
      takenAt: ctx.now.toISOString(),
      balance: balance.money,
      ...(usage && { dailySpend: usage.days }),
      ...(usage && usage.scoped.length > 0 && { scopedUsage: usage.scoped }),
      entitlements: packages.entitlements,
      raw: {
        ShowCustomerAccountBalances: balance.response,
        ListFreeResourceInfos: packages.pages,
        ...(packages.units && { ListMeasureUnits: packages.units }),
        ...(usage && { ListRtcHistoryUsage: usage.responses }),
      },
    };
  }

  /** The pages first, then unit names for the measure ids they use, then the entitlements. */
  private async packages(account: AccountConfig, bss: string, call: Call, ctx: PollContext) {
    const pages: unknown[] = [];
    const measureIds = new Set<number>();
    const operation = 'ListFreeResourceInfos';
    await collectPages({ vendor: 'huawei', accountId: account.id, operation }, HUAWEI_PAGE_SIZE, (_i, offset) =>
      callJson(
        ctx.http,
        call({
          operation,
          method: 'POST',
          url: `${bss}/v3/payments/free-resources/query`,
          body: { offset, limit: HUAWEI_PAGE_SIZE },
        }),
        (json) => {
          const page = readFreeResourcePage(json, new Map());
          pages.push(json);
          page.measureIds.forEach((id) => measureIds.add(id));
          return page;
        },
      ),
    );
    let units: unknown;
    let names = new Map<number, string>();
    if (measureIds.size > 0) {
      names = await callJson(
        ctx.http,
        call({
          operation: 'ListMeasureUnits',
          method: 'GET',
          url: `${bss}/v2/bases/measurements`,
          headers: { 'X-Language': 'en_US' },
        }),
        (json) => {
          units = json;
          return readMeasureUnits(json);
        },
      );
    }
    const entitlements: Entitlement[] = pages.flatMap((json) => readFreeResourcePage(json, names).items);
    return { pages, entitlements, ...(units !== undefined && { units }) };
  }

  /** Completed UTC days, one query per application, summed per day, in minutes; and each application's own. */
  private async rtcUsage(account: AccountConfig, options: HuaweiOptions, call: Call, ctx: PollContext) {
    const rtc = options.rtc!;
    const base = baseUrl(account, HUAWEI_RTC_HOST);
    const window = completedDays(ctx.now, options.usageDays, 'UTC');
    const inWindow = (byDay: ReadonlyMap<IsoDate, number>): DailyUsage[] =>
      [...byDay]
        .filter(([day]) => day >= window.from && day <= window.to)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([date, amount]) => ({ date, amount: Math.round(amount * 100) / 100, unit: 'minutes' }));
    const minutes = new Map<IsoDate, number>();
    const scoped: DailyUsage[] = [];
    const responses: unknown[] = [];
    for (const app of rtc.appIds) {
      const query = [
        ['app', app],
        ['metric', 'CommunicationDuration'],
        ['start_date', window.from],
        ['end_date', window.to],
      ]
        .map(([k, v]) => `${k}=${percentEncode(v)}`)
        .join('&');
      const days = await callJson(
        ctx.http,
        call({
          operation: 'ListRtcHistoryUsage',
          method: 'GET',
          url: `${base}/v1/${percentEncode(rtc.projectId)}/rtc/history/usage?${query}`,
          headers: { 'X-Project-Id': rtc.projectId },
        }),
        (json) => {
          responses.push(json);
          return readRtcUsage(json);
        },
      );
      for (const [day, value] of days) minutes.set(day, (minutes.get(day) ?? 0) + value);
      // ListRtcHistoryUsage answers for the one `app` asked (vendor-apis.md §6.2): that app's own minutes
      scoped.push(...inWindow(days).map((d) => ({ ...d, scope: app })));
    }
    return { days: inWindow(minutes), scoped, responses };
  }
}
