import { bssData } from './bss-answer';
import type { Money } from '../../core/vendor-port';
import { parseAmount } from '../http';

export interface AlibabaBalance {
  readonly money: Money;
  readonly response: Readonly<Record<string, unknown>>;
}

/**
 * QueryAccountBalance: `AvailableAmount` is a decimal string (`"10000.00"`), negative when the account
 * is in arrears (`"-11.19"`), in the documented `Currency` (CNY, USD or JPY). Thousands separators
 * were never seen in the docs; they are accepted anyway, as the vendor-apis notes advise.
 */
export function readAccountBalance(json: unknown, fallbackCurrency: string): AlibabaBalance {
  const data = bssData(json);
  const amount = parseAmount(data.AvailableAmount, 'Data.AvailableAmount', { groupedThousands: true });
  const currency =
    typeof data.Currency === 'string' && /^[A-Z]{3}$/.test(data.Currency) ? data.Currency : fallbackCurrency;
  return { money: { amount: amount.amount, currency, exact: amount.exact }, response: json as Record<string, unknown> };
}
