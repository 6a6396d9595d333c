import type { IsoDate } from '../../core/model';
import type { DailyUsage } from '../../core/vendor-port';
import { AccountSetupError, type OptionReader } from '../http';
import { readMinutePrices, type MinutePrices } from '../http/minute-prices';

/**
 * A declared TRTC price table. Tencent prices audio/video duration per 1,000 minutes ("Unit Price
 * (USD/1,000 Min)", intl.cloud.tencent.com/document/product/647/39785) and per resolution tier
 * (tencentcloud.com/document/product/647/42734), and bills it daily, pay-as-you-go: so a day's TRTC
 * minutes, per `UsageKey` category, priced per 1,000 minutes, is that day's spend. Its currency is the
 * account's balance currency (CNY on the China site, USD on the international one); its keys are
 * DescribeTrtcUsage `UsageKey` categories (`Audio`, `SD`, `HD`, `FullHD`, `2K`, `4K`).
 */
export type TencentPrices = MinutePrices;

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
  return readMinutePrices(r, value, {
    emptyTable: 'expected at least one TRTC usage category (Audio, SD, HD, FullHD, 2K, 4K)',
    acceptCurrency: (currency) => {
      if (currency === balanceCurrency) return true;
      r.problem(
        'prices.currency',
        `must be the balance currency of the ${site} site (${balanceCurrency}), got ${currency}; ` +
          'price TRTC in the currency Tencent bills this account in',
      );
      return false;
    },
  });
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
