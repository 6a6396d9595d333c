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
 * Every item of a paged list. When the vendor says how many entries the list holds (Alibaba's
 * `TotalCount`, Huawei's `total_count`), that total decides: pages are read until as many entries were
 * listed, a short page included (a vendor may cap its pages below the size asked for, or answer a
 * short page mid-list), and pages that end before the total fail the call rather than silently leave
 * entries unwatched. Without a total, a short or empty page ends the list. `readPage` gets the page's
 * index and how many entries were listed before it (the offset, for offset-paged APIs). A list longer
 * than MAX_PAGES pages fails the call rather than loop on a vendor that keeps answering the same page.
 */
export async function collectPages<T>(
  call: { readonly vendor: Vendor; readonly accountId: string; readonly operation: string },
  pageSize: number,
  readPage: (index: number, offset: number) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let listed = 0;
  let total: number | undefined;
  for (let index = 0; index < MAX_PAGES; index++) {
    const page = await readPage(index, listed);
    items.push(...page.items);
    const onPage = page.listed ?? page.items.length;
    listed += onPage;
    total = page.total ?? total;
    if (total === undefined) {
      if (onPage < pageSize) return items;
    } else if (listed >= total) {
      return items;
    } else if (onPage === 0) {
      throw new VendorError({
        ...call,
        kind: 'server',
        attempts: index + 1,
        reason: `the list says it holds ${total} entries, but its pages ended after ${listed}`,
      });
    }
  }
  throw new VendorError({
    ...call,
    kind: 'client',
    attempts: MAX_PAGES,
    retryable: false,
    reason:
      total === undefined
        ? `the list did not end within ${MAX_PAGES} pages of ${pageSize}`
        : `the list did not end within ${MAX_PAGES} pages (${listed} of the ${total} entries it says it holds were listed)`,
  });
}

/** A count the vendor writes as a number or a numeric string (Alibaba's `TotalCount: "12"`). */
export function readCount(value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  throw new ShapeProblem(`${what} is not a count`);
}
