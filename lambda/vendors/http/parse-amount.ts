import { describeJson, ShapeProblem } from './json-call';

export interface ParsedAmount {
  readonly amount: number;
  /** The decimal as the vendor wrote it, normalised (`"12.29"`, `"-3.5"`), free of float rounding. */
  readonly exact: string;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * A money amount that vendors send as a number (Vonage `10.28`) or a decimal string (Twilio
 * `"12.29"`, Alibaba `"-11.19"`); negative balances are real (Twilio lets calls finish below zero).
 * `groupedThousands` also accepts `"1,234.00"`, for vendors whose docs leave it open. Anything else is
 * a ShapeProblem naming `what` — a missing or unreadable amount is never taken as 0.
 */
export function parseAmount(value: unknown, what: string, options: { groupedThousands?: boolean } = {}): ParsedAmount {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ShapeProblem(`${what} is not a finite number`);
    return { amount: inRange(value, what), exact: String(value) };
  }
  if (typeof value !== 'string') {
    throw new ShapeProblem(
      `${what} is ${value === undefined ? 'missing' : `not a decimal number (got ${describeJson(value)})`}`,
    );
  }
  let text = value.trim();
  if (options.groupedThousands && GROUPED.test(text)) text = text.replace(/,/g, '');
  if (!DECIMAL.test(text)) throw new ShapeProblem(`${what} is not a decimal number (got a string that is not one)`);
  const amount = inRange(Number(text), what);
  return { amount: Object.is(amount, -0) ? 0 : amount, exact: normaliseDecimal(text) };
}

/**
 * Beyond ±2^53 a double no longer holds whole units exactly (and a 400-digit string becomes Infinity):
 * no balance, price or duration is that large, so such a value is a broken answer, not money.
 */
function inRange(amount: number, what: string): number {
  if (Math.abs(amount) > Number.MAX_SAFE_INTEGER) throw new ShapeProblem(`${what} is out of range (beyond ±2^53)`);
  return amount;
}

function normaliseDecimal(text: string): string {
  const negative = text.startsWith('-');
  let digits = text.replace(/^[+-]/, '');
  if (digits.startsWith('.')) digits = `0${digits}`;
  if (digits.endsWith('.')) digits = digits.slice(0, -1);
  digits = digits.replace(/^0+(?=\d)/, '');
  const isZero = /^[0.]+$/.test(digits);
  return negative && !isZero ? `-${digits}` : digits;
}
