import { bssData, bssId, bssList, optionalText } from './bss-answer';
import type { Entitlement } from '../../core/vendor-port';
import { lastServiceDay, readInstant, type Page } from '../cn-cloud';
import { asObject, parseAmount } from '../http';

/**
 * One page of QueryResourcePackageInstances: each resource plan with its `ExpiryTime` and what is
 * left (`RemainingAmount`, a string, in `RemainingAmountUnit`). The list nests as
 * `Instances.Instance[]` and writes PageNum/PageSize/TotalCount as strings. An `Expired` plan is gone,
 * not an entitlement, and is left out (it stays in the raw answer).
 */
export function readPackagesPage(json: unknown): Page<Entitlement> {
  const page = bssList(bssData(json), 'Instances', 'Instance');
  const items: Entitlement[] = [];
  page.items.forEach((value, i) => {
    const at = `Data.Instances.Instance[${i}]`;
    const plan = asObject(value, at);
    if (plan.Status === 'Expired') return;
    const id = bssId(plan.InstanceId, `${at}.InstanceId`);
    const unit = optionalText(plan.RemainingAmountUnit);
    items.push({
      id,
      name: optionalText(plan.Remark) ?? optionalText(plan.PackageType) ?? id,
      ...(plan.ExpiryTime !== undefined && {
        expiresOn: lastServiceDay(readInstant(plan.ExpiryTime, `${at}.ExpiryTime`)),
      }),
      ...(plan.RemainingAmount !== undefined && {
        remaining: parseAmount(plan.RemainingAmount, `${at}.RemainingAmount`, { groupedThousands: true }).amount,
      }),
      ...(unit !== undefined && { unit }),
    });
  });
  // `listed` counts what the page held, expired plans included, so paging still knows a short page.
  return { items, listed: page.items.length, ...(page.total !== undefined && { total: page.total }) };
}
