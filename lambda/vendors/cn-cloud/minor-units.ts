import { parseAmount, type ParsedAmount } from '../http';

/**
 * An amount in minor units (Tencent's fen or US cents, Huawei's jiao or fen) in major units, decimal
 * by decimal so `-6188426` fen is exactly `-61884.26`; `places` 0 takes major units as they are. The
 * exact form keeps at least two decimals, as money is written; fractional minor units (Tencent
 * documents its balances as Float) keep theirs.
 */
export function fromMinorUnits(value: unknown, what: string, places: number): ParsedAmount {
  const minor = parseAmount(value, what);
  const exact = shiftDecimalLeft(minor.exact, places);
  return { amount: Number(exact), exact };
}

function shiftDecimalLeft(exact: string, places: number): string {
  const negative = exact.startsWith('-');
  const [whole, fraction = ''] = (negative ? exact.slice(1) : exact).split('.');
  const padded = whole.padStart(places + 1, '0');
  const integer = padded.slice(0, padded.length - places).replace(/^0+(?=\d)/, '');
  const decimals = `${padded.slice(padded.length - places)}${fraction}`.replace(/0+$/, '').padEnd(2, '0');
  const isZero = /^0*$/.test(integer + decimals);
  return `${negative && !isZero ? '-' : ''}${integer}.${decimals}`;
}

/** `a − b` on exact decimals (`"12.5"` − `"20.25"` = `"-7.75"`), at the finer of the two scales. */
export function subtractDecimals(a: string, b: string): string {
  const scale = Math.max(decimalsOf(a), decimalsOf(b), 2);
  const difference = scaled(a, scale) - scaled(b, scale);
  const negative = difference < 0n;
  const digits = (negative ? -difference : difference).toString().padStart(scale + 1, '0');
  const integer = digits.slice(0, -scale);
  const fraction = digits.slice(-scale).replace(/0+$/, '').padEnd(2, '0');
  return `${negative ? '-' : ''}${integer}.${fraction}`;
}

function decimalsOf(exact: string): number {
  return exact.split('.')[1]?.length ?? 0;
}

function scaled(exact: string, scale: number): bigint {
  const negative = exact.startsWith('-');
  const [whole, fraction = ''] = exact.replace(/^[+-]/, '').split('.');
  const value = BigInt(`${whole}${fraction.padEnd(scale, '0')}`);
  return negative ? -value : value;
}
