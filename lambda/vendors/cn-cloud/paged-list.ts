import type { Vendor } from '../../core/model';
import { ShapeProblem, VendorError } from '../http';

export interface Page<T> {
  readonly items: readonly T[];
  /** What the vendor says the whole list holds, when it says. */
  readonly total?: number;
  /** How many entries the vendor's page held, when `items` leaves some out. @default items.length */
  readonly listed?: number;
}

/** Pages a vendor may take to list an account's subscriptions or packages before it looks like a loop. */
export const MAX_PAGES = 50;

/**
 * Every item of a paged list: pages are read until one comes back short or empty, or the vendor's
 * total is reached. A list longer than MAX_PAGES pages fails the call rather than loop on a vendor
 * that keeps answering the same page.
 */
export async function collectPages<T>(
  call: { readonly vendor: Vendor; readonly accountId: string; readonly operation: string },
  pageSize: number,
  readPage: (index: number) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let listed = 0;
  for (let index = 0; index < MAX_PAGES; index++) {
    const page = await readPage(index);
    items.push(...page.items);
    const onPage = page.listed ?? page.items.length;
    listed += onPage;
    if (onPage < pageSize || (page.total !== undefined && listed >= page.total)) return items;
  }
  throw new VendorError({
    ...call,
    kind: 'client',
    attempts: MAX_PAGES,
    retryable: false,
    reason: `the list did not end within ${MAX_PAGES} pages of ${pageSize}`,
  });
}

/** A count the vendor writes as a number or a numeric string (Alibaba's `TotalCount: "12"`). */
export function readCount(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  throw new ShapeProblem(`${what} is not a count`);
}
