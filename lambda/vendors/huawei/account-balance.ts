import type { Money } from '../../core/vendor-port';
import { fromMinorUnits, subtractDecimals } from '../cn-cloud';
import { asArray, asObject, ShapeProblem } from '../http';

export interface HuaweiBalance {
  readonly money: Money;
  readonly response: Readonly<Record<string, unknown>>;
}

/** `measure_id` of an amount: 1 yuan (or dollar), and, in the older API, 2 jiao and 3 fen. */
const MINOR_PLACES: Readonly<Record<number, number>> = { 1: 0, 2: 1, 3: 2 };
const CASH_ACCOUNT = 1;

/**
 * ShowCustomerAccountBalances: `account_balances[]` holds one entry per account type (1 balance,
 * 2 credit, 5 bonus, 7 deposit); the balance account's `amount` (a BigDecimal, as a JSON number or a
 * string) is what prepaid usage draws on. `debt_amount`, the total owed, is taken off it, so an
 * account in arrears reads negative, as Tencent and Alibaba report theirs.
 */
export function readAccountBalances(json: unknown, fallbackCurrency: string): HuaweiBalance {
  const root = asObject(json, 'the answer');
  const accounts = asArray(root.account_balances, 'account_balances');
  const index = accounts.findIndex((a) => Number(asObject(a, 'account_balances[]').account_type) === CASH_ACCOUNT);
  if (index < 0) throw new ShapeProblem('account_balances has no balance account (account_type 1)');
  const cash = asObject(accounts[index], `account_balances[${index}]`);
  const places = placesOf(cash.measure_id ?? root.measure_id, `account_balances[${index}].measure_id`);
  const amount = fromMinorUnits(cash.amount, `account_balances[${index}].amount`, places);
  let exact = amount.exact;
  if (root.debt_amount !== undefined && root.debt_amount !== null) {
    const debt = fromMinorUnits(root.debt_amount, 'debt_amount', placesOf(root.measure_id, 'measure_id'));
    if (debt.amount > 0) exact = subtractDecimals(exact, debt.exact);
  }
  const currency =
    readCurrency(cash.currency, `account_balances[${index}].currency`) ?? readCurrency(root.currency, 'currency');
  return {
    money: { amount: Number(exact), currency: currency ?? fallbackCurrency, exact },
    response: root,
  };
}

/** A documented `currency` that is present but not an ISO code is a changed answer, not a reason to guess. */
function readCurrency(value: unknown, what: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) throw new ShapeProblem(`${what} is not a currency code`);
  return value;
}

function placesOf(measureId: unknown, what: string): number {
  if (measureId === undefined || measureId === null) return 0;
  const places = MINOR_PLACES[Number(measureId)];
  if (places === undefined) throw new ShapeProblem(`${what} is not a money unit (1 yuan, 2 jiao, 3 fen)`);
  return places;
}
