/**
 * Every alert about a service carries the service's `renewUrl` (the action link: where it is renewed)
 * and `runbook`, so each channel can put them in front of the person who has to act.
 */
import type { Alert, ServiceConfig } from '../model';

export function withServiceLinks(alerts: readonly Alert[], services: readonly ServiceConfig[]): Alert[] {
  const byId = new Map(services.filter((s) => s.renewUrl || s.runbook).map((s) => [s.id, s]));
  if (byId.size === 0) return [...alerts];
  return alerts.map((alert) => {
    const service = alert.serviceId === undefined ? undefined : byId.get(alert.serviceId);
    if (!service) return alert;
    return {
      ...alert,
      ...(service.renewUrl !== undefined && { renewUrl: service.renewUrl }),
      ...(service.runbook !== undefined && { runbook: service.runbook }),
    };
  });
}
