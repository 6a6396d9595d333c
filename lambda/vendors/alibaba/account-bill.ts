import { bssData, bssList } from './bss-answer';
import type { IsoDate } from '../../core/model';
import type { Page } from '../cn-cloud';
import { asObject, parseAmount, ShapeProblem } from '../http';

/** What one day's bill must be: of that day, in the balance's currency. */
export interface BillExpectation {
  readonly day: IsoDate;
  readonly currency: string;
}

/**
 * The query of one day's account bill: BSS QueryAccountBill with `Granularity=DAILY` (which requires
 * a `BillingDate`, YYYY-MM-DD, inside the `BillingCycle`, YYYY-MM), grouped by product so the raw
 * answer shows where the money went. No ProductCode: the balance pays for every product, so every
 * product's spend runs it down. Sources: alibabacloud.com/help/en/boa/latest/api-bssopenapi-2017-12-14-queryaccountbill;
 * the BssOpenApi 2017-12-14 SDK request model ("BillingDate ... required only if Granularity is DAILY").
 */
export function accountBillParams(day: IsoDate): Record<string, string> {
  return { BillingCycle: day.slice(0, 7), Granularity: 'DAILY', BillingDate: day, IsGroupByProduct: 'true' };
}

/**
 * One page of QueryAccountBill: `Data.Items.Item[]`, each line's `PretaxAmount` (what is payable after
 * discounts and coupons, before tax: Float in the SDK models, read as a number or a decimal string) in
 * its `Currency`. A line of another day or another currency than the balance's is refused: spend that
 * cannot be set against the balance must not pass for it. A missing or unreadable amount is a
 * ShapeProblem, never 0; a day without lines (TotalCount 0) spent nothing.
 */
export function readAccountBillPage(json: unknown, expected: BillExpectation): Page<number> {
  const page = bssList(bssData(json), 'Items', 'Item');
  const items = page.items.map((value, i) => {
    const at = `Data.Items.Item[${i}]`;
    const line = asObject(value, at);
    if (line.BillingDate !== undefined && line.BillingDate !== expected.day) {
      throw new ShapeProblem(`${at}.BillingDate is not the day asked for (${expected.day})`);
    }
    if (line.Currency !== undefined) {
      if (typeof line.Currency !== 'string' || !/^[A-Z]{3}$/.test(line.Currency)) {
        throw new ShapeProblem(`${at}.Currency is not a currency code`);
      }
      if (line.Currency !== expected.currency) {
        throw new ShapeProblem(`${at}.Currency is ${line.Currency}, not the balance currency ${expected.currency}`);
      }
    }
    return parseAmount(line.PretaxAmount, `${at}.PretaxAmount`, { groupedThousands: true }).amount;
  });
  return { items, ...(page.total !== undefined && { total: page.total }) };
}
