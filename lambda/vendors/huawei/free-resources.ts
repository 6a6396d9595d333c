import type { Entitlement } from '../../core/vendor-port';
import { lastServiceDay, readCount, readInstant, type Page } from '../cn-cloud';
import { asArray, asObject, parseAmount, ShapeProblem } from '../http';

/** Package states: 0 not yet effective, 1 effective, 2 used up, 3 expired, 4 unsubscribed. */
const GONE = new Set([3, 4]);

/**
 * One page of ListFreeResourceInfos (`POST /v3/payments/free-resources/query`): resource packages
 * with `expire_time` (UTC) and their resource items (`free_resources[]`: `amount` left and
 * `original_amount`, strings, in the unit `measure_id` names). Expired and unsubscribed packages stay
 * queryable for 18 months and are left out; a used-up package stays, with 0 remaining.
 *
 * A package with one resource item is one entitlement; with several (a bundle), each item is one,
 * since what remains of one item says nothing about another.
 */
export function readFreeResourcePage(
  json: unknown,
  units: ReadonlyMap<number, string>,
): Page<Entitlement> & { readonly measureIds: readonly number[] } {
  const root = asObject(json, 'the answer');
  const total = root.total_count === undefined ? undefined : readCount(root.total_count, 'total_count');
  const packages =
    root.free_resource_packages === undefined && total === 0
      ? []
      : asArray(root.free_resource_packages, 'free_resource_packages');
  const items: Entitlement[] = [];
  const measureIds = new Set<number>();
  packages.forEach((value, i) => {
    const at = `free_resource_packages[${i}]`;
    const pkg = asObject(value, at);
    if (GONE.has(Number(pkg.status))) return;
    const id = text(pkg.order_instance_id, `${at}.order_instance_id`);
    const name = typeof pkg.product_name === 'string' && pkg.product_name !== '' ? pkg.product_name : id;
    const expiresOn =
      pkg.expire_time === undefined ? undefined : lastServiceDay(readInstant(pkg.expire_time, `${at}.expire_time`));
    const resources = pkg.free_resources === undefined ? [] : asArray(pkg.free_resources, `${at}.free_resources`);
    const base = { ...(expiresOn !== undefined && { expiresOn }) };
    if (resources.length === 0) {
      items.push({ id, name, ...base });
      return;
    }
    resources.forEach((r, j) => {
      const where = `${at}.free_resources[${j}]`;
      const resource = asObject(r, where);
      const measureId = resource.measure_id === undefined ? undefined : Number(resource.measure_id);
      if (measureId !== undefined && Number.isInteger(measureId)) measureIds.add(measureId);
      const unit = measureId === undefined ? undefined : units.get(measureId);
      const usage = typeof resource.usage_type_name === 'string' ? resource.usage_type_name : undefined;
      const single = resources.length === 1;
      items.push({
        id: single ? id : `${id}/${text(resource.free_resource_id, `${where}.free_resource_id`)}`,
        name: single || !usage ? name : `${name}: ${usage}`,
        ...base,
        ...(resource.amount !== undefined && { remaining: parseAmount(resource.amount, `${where}.amount`).amount }),
        ...(unit !== undefined && { unit }),
      });
    });
  });
  return { items, listed: packages.length, measureIds: [...measureIds], ...(total !== undefined && { total }) };
}

function text(value: unknown, what: string): string {
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new ShapeProblem(`${what} is missing`);
}
