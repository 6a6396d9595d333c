import { bssData, bssId, bssList, optionalText } from './bss-answer';
import type { Entitlement } from '../../core/vendor-port';
import { lastServiceDay, readInstant, type Page } from '../cn-cloud';
import { asObject } from '../http';

const RENEWS: Readonly<Record<string, boolean>> = { AutoRenewal: true, ManualRenewal: false, NotRenewal: false };

/**
 * One page of QueryAvailableInstances: each subscription with its `EndTime` (ISO 8601 UTC; Alibaba
 * ends subscriptions at midnight Beijing, so `2019-09-08T16:00:00Z` is usable through 2019-09-08) and
 * whether it renews itself (`RenewStatus` AutoRenewal). Expired instances stay in the list: a lapsed
 * subscription that is still needed is exactly what must be seen.
 */
export function readInstancesPage(json: unknown): Page<Entitlement> {
  const page = bssList(bssData(json), 'InstanceList', 'Instance');
  const items = page.items.map((value, i): Entitlement => {
    const at = `Data.InstanceList[${i}]`;
    const instance = asObject(value, at);
    const id = bssId(instance.InstanceID ?? instance.InstanceId, `${at}.InstanceID`);
    const product = optionalText(instance.ProductCode);
    const renewStatus = optionalText(instance.RenewStatus);
    return {
      id,
      name: product ? `${product} ${id}` : id,
      ...(instance.EndTime !== undefined && {
        expiresOn: lastServiceDay(readInstant(instance.EndTime, `${at}.EndTime`)),
      }),
      ...(renewStatus !== undefined && renewStatus in RENEWS && { autoRenew: RENEWS[renewStatus] }),
    };
  });
  return { items, ...(page.total !== undefined && { total: page.total }) };
}
