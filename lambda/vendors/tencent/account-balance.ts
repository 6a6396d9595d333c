import type { Money } from '../../core/vendor-port';
import { fromMinorUnits } from '../cn-cloud';
import { asObject } from '../http';

export interface TencentBalance {
  readonly money: Money;
  /** The documented `Response` object, RequestId included, for diagnosis. */
  readonly response: Readonly<Record<string, unknown>>;
}

/**
 * DescribeAccountBalance: `RealBalance` (Float) is the available balance in minor units, `Balance`
 * (Integer) the same kept for compatibility. Negative values are arrears and are reported as such;
 * a missing balance is an error, never 0. `Uin` comes as a string in the examples and is not read.
 */
export function readAccountBalance(json: unknown, currency: string): TencentBalance {
  const response = asObject(asObject(json, 'the answer').Response, 'Response');
  const field = response.RealBalance === undefined && response.Balance !== undefined ? 'Balance' : 'RealBalance';
  const parsed = fromMinorUnits(response[field], `Response.${field}`, 2);
  return { money: { amount: parsed.amount, currency, exact: parsed.exact }, response };
}
