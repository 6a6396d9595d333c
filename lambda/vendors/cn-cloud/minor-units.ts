import { parseAmount, type ParsedAmount } from '../http';

/**
 * An amount in minor units (Tencent's fen or US cents, Huawei's jiao or fen) in major units, decimal
 * by decimal so `-6188426` fen is exactly `-61884.26`. The exact form keeps at least two decimals, as
 * money is written; fractional minor units (Tencent documents its balances as Float) keep theirs.
 */
export function fromMinorUnits(value: unknown, what: string, places: number): ParsedAmount {
  const minor = parseAmount(value, what);
  const exact = shiftDecimalLeft(minor.exact, places);
  return { amount: Number(exact), exact };
}

function shiftDecimalLeft(exact: string, places: number): string {
  if (places === 0) return exact;
  const negative = exact.startsWith('-');
  const [whole, fraction = ''] = (negative ? exact.slice(1) : exact).split('.');
  const padded = whole.padStart(places + 1, '0');
  const integer = padded.slice(0, -places).replace(/^0+(?=\d)/, '');
  const decimals = `${padded.slice(-places)}${fraction}`.replace(/0+$/, '').padEnd(2, '0');
  const isZero = /^0*$/.test(integer + decimals);
  return `${negative && !isZero ? '-' : ''}${integer}.${decimals}`;
}
