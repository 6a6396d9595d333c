import type { OptionReader } from './option-reader';

/** A declared price table for usage billed by the minute: money per 1,000 minutes, per usage kind. */
export interface MinutePrices {
  readonly currency: string;
  /** Per usage kind (a vendor's category or field name), per 1,000 minutes. */
  readonly perThousandMinutes: Readonly<Record<string, number>>;
}

export interface MinutePriceRules {
  /** The problem an empty `perThousandMinutes` gets: it names the usage kinds this vendor has. */
  readonly emptyTable: string;
  /**
   * Checks a well-formed currency against what the vendor bills in, reporting its own problem; false
   * refuses the table. Runs before the table is read, so problems keep the order of the document.
   */
  readonly acceptCurrency?: (currency: string) => boolean;
}

/**
 * `prices: { currency, perThousandMinutes: { <usage kind>: n } }`, every problem reported with its path
 * on the reader; undefined when the table cannot be used (the reader's `finish()` then throws).
 */
export function readMinutePrices(r: OptionReader, value: unknown, rules: MinutePriceRules): MinutePrices | undefined {
  const map = r.mapping(value, 'prices');
  if (!map) return undefined;
  for (const key of Object.keys(map)) {
    if (key !== 'currency' && key !== 'perThousandMinutes') {
      r.problem(`prices.${key}`, 'unknown; expected currency and perThousandMinutes');
    }
  }
  const currency = r.currency(map.currency, 'prices.currency');
  const accepted = currency !== undefined && (rules.acceptCurrency?.(currency) ?? true);
  const table = r.mapping(map.perThousandMinutes, 'prices.perThousandMinutes');
  const perThousandMinutes: Record<string, number> = {};
  for (const [kind, price] of Object.entries(table ?? {})) {
    const read = r.number(price, `prices.perThousandMinutes.${kind}`, 0);
    if (read !== undefined) perThousandMinutes[kind] = read;
  }
  if (table && Object.keys(table).length === 0) r.problem('prices.perThousandMinutes', rules.emptyTable);
  return accepted && table ? { currency, perThousandMinutes } : undefined;
}
