import type { AlertContext } from '../channels/formatters/format-input';
import type { Alert, GuardConfig } from '../core/model';

/**
 * What a message says about an alert's service beyond the alert itself: its display name, and its kind,
 * so the text speaks of a contract, a package, an SDK's support, a top-up, a bill or a subscription.
 * Every sender's context starts from this (the SNS publisher here, the channel drivers through
 * `alertContextFromConfig`), so every channel names a service the same way.
 */
export function serviceContext(config: Pick<GuardConfig, 'services'>): (alert: Alert) => AlertContext {
  const services = new Map(config.services.map((s) => [s.id, s]));
  return (alert) => {
    const service = alert.serviceId === undefined ? undefined : services.get(alert.serviceId);
    return service === undefined ? {} : { serviceName: service.name, serviceKind: service.kind };
  };
}
