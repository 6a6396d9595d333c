import type { IsoDate } from '../../core/model';
import type { DailyUsage } from '../../core/vendor-port';
import { AccountSetupError, type OptionReader } from '../http';

/**
 * A declared TRTC price table. Tencent prices audio/video duration per 1,000 minutes ("Unit Price
 * (USD/1,000 Min)", intl.cloud.tencent.com/document/product/647/39785) and per resolution tier
 * (tencentcloud.com/document/product/647/42734), and bills it daily, pay-as-you-go: so a day's TRTC
 * minutes, per `UsageKey` category, priced per 1,000 minutes, is that day's spend.
 */
export interface TencentPrices {
  /** The account's balance currency: CNY on the China site, USD on the international one. */
  readonly currency: string;
  /** Per DescribeTrtcUsage `UsageKey` category (`Audio`, `SD`, `HD`, `FullHD`, `2K`, `4K`), per 1,000 minutes. */
  readonly perThousandMinutes: Readonly<Record<string, number>>;
}

/**
 * `prices: { currency, perThousandMinutes: { <UsageKey>: n } }`, every problem reported with its path.
 * The currency must be the balance's (`balanceCurrency`, which the site decides): spend in another
 * currency could never be set against the balance, and no runway would come of it.
 */
export function readTrtcPrices(
  r: OptionReader,
  value: unknown,
  balanceCurrency: string,
  site: string,
): TencentPrices | undefined {
  const map = r.mapping(value, 'prices');
  if (!map) return undefined;
  for (const key of Object.keys(map)) {
    if (key !== 'currency' && key !== 'perThousandMinutes') {
      r.problem(`prices.${key}`, 'unknown; expected currency and perThousandMinutes');
    }
  }
  const currency = r.currency(map.currency, 'prices.currency');
  if (currency !== undefined && currency !== balanceCurrency) {
    r.problem(
      'prices.currency',
      `must be the balance currency of the ${site} site (${balanceCurrency}), got ${currency}; ` +
        'price TRTC in the currency Tencent bills this account in',
    );
  }
  const table = r.mapping(map.perThousandMinutes, 'prices.perThousandMinutes');
  const perThousandMinutes: Record<string, number> = {};
  for (const [category, price] of Object.entries(table ?? {})) {
    const read = r.number(price, `prices.perThousandMinutes.${category}`, 0);
    if (read !== undefined) perThousandMinutes[category] = read;
  }
  if (table && Object.keys(table).length === 0) {
    r.problem('prices.perThousandMinutes', 'expected at least one TRTC usage category (Audio, SD, HD, FullHD, 2K, 4K)');
  }
  return currency === balanceCurrency && table ? { currency, perThousandMinutes } : undefined;
}

/**
 * Daily spend: money in the price table's currency when one is declared, else minutes. A category with
 * usage but no price is an error, not free: skipping it would understate spend and overstate runway.
 * Free minutes and prepaid packages, which Tencent deducts first, are not known to the API, so priced
 * spend is an upper bound: the runway it gives errs on the short side.
 */
export function trtcDailySpend(
  days: readonly (readonly [IsoDate, Readonly<Record<string, number>>])[],
  prices: TencentPrices | undefined,
  accountId: string,
): DailyUsage[] {
  return days.map(([date, categories]) => {
    if (!prices) {
      const minutes = Object.values(categories).reduce((sum, m) => sum + m, 0);
      return { date, amount: round(minutes), unit: 'minutes' };
    }
    let money = 0;
    for (const [category, minutes] of Object.entries(categories)) {
      if (minutes === 0) continue;
      const price = prices.perThousandMinutes[category];
      if (price === undefined) {
        throw new AccountSetupError('tencent', accountId, [
          `option prices.perThousandMinutes: no price for ${category}, which has usage on ${date}; add it (0 if it is free)`,
        ]);
      }
      money += (minutes * price) / 1000;
    }
    return { date, amount: round(money), unit: prices.currency };
  });
}

function round(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}
