import type { Price } from '../model';

/** Whole amounts as they are, others to the cent: `500`, `812.50`. */
export function formatAmount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

export function formatMoney(money: Price): string {
  return `${formatAmount(money.amount)} ${money.currency}`;
}

export function plural(n: number, one: string, many: string = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
