/**
 * What an automatic renewal costs: `renewalPrice` of a `services[]` entry. The guard checks it against the
 * linked account's balance before the renewal date.
 *
 * @example
 * const price: RenewalPrice = { amount: 1200, currency: 'CNY' };
 */
export interface RenewalPrice {
  /** The price, above 0, in the account's currency. */
  readonly amount: number;

  /** ISO 4217 currency code, upper case (`USD`, `CNY`). */
  readonly currency: string;
}
