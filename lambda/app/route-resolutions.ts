/**
 * The application half of "resolutions follow their triggers" (core/policy/resolutions.ts): reads the
 * ledger entries of what this cycle's resolving notices close — the alerts themselves, their escalations
 * and the newest follow-up the service list remembers — and routes each notice to every channel they
 * went to. One batched read, and only in a cycle that has a notice: quiet cycles read nothing.
 */
import type { Alert, ServiceConfig } from '../core/model';
import { ackRoot } from '../core/policy';
import { followTriggers, isResolvingNotice, resolvedKeys } from '../core/policy/resolutions';
import type { CycleRegistry } from '../core/registry-port';

export async function routeResolutions(
  alerts: readonly Alert[],
  deps: {
    readonly registry: CycleRegistry;
    readonly services: readonly ServiceConfig[];
    readonly lastKeys: ReadonlyMap<string, Readonly<Record<string, string>>>;
    readonly channelOrder: readonly string[];
  },
): Promise<Alert[]> {
  const services = new Map(deps.services.map((s) => [s.id, s]));
  const closes = new Map<Alert, string[]>();
  for (const alert of alerts.filter(isResolvingNotice)) {
    closes.set(alert, resolvedKeys(alert, alert.serviceId === undefined ? undefined : services.get(alert.serviceId)));
  }
  if (closes.size === 0) return [...alerts];

  const triggerKeys = (alert: Alert, keys: readonly string[]): string[] => {
    const roots = new Set(keys);
    const newest = alert.serviceId === undefined ? [] : Object.values(deps.lastKeys.get(alert.serviceId) ?? {});
    return [
      ...keys,
      ...keys.map((k) => `${k}:escalated`),
      ...newest.filter((k) => k !== ackRoot(k) && roots.has(ackRoot(k))),
    ];
  };
  const wanted = [...new Set([...closes].flatMap(([alert, keys]) => triggerKeys(alert, keys)))];
  const claimed = new Map((await deps.registry.getAlerts(wanted)).map((e) => [e.alert.key, e.alert]));
  return alerts.map((alert) => {
    const keys = closes.get(alert);
    if (keys === undefined) return alert;
    const triggers = triggerKeys(alert, keys).flatMap((k) => claimed.get(k) ?? []);
    return followTriggers(alert, keys, triggers, deps.channelOrder);
  });
}
