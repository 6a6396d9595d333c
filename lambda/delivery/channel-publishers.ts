import { ChannelPublisher, type ChannelPublisherOptions } from './channel-publisher';
import { SEVERITIES, type Alert, type GuardConfig, type ServiceConfig } from '../core/model';
import type { AlertContext } from '../channels/formatters/format-input';
import { isDirectChannel } from './platforms/platform-registry';

export type ChannelDeliveryDeps = Omit<ChannelPublisherOptions, 'channel' | 'language' | 'context'> & {
  /** The signed acknowledge link of an alert, when an acknowledge endpoint is deployed. @default none */
  readonly ackUrl?: (alert: Alert) => string | undefined;
  /** A digest's signed link to the HTML report, when the links function is deployed. @default none */
  readonly reportUrl?: (alert: Alert) => string | undefined;
};

/**
 * One publisher per channel the guard delivers to itself (chat, webhook, PagerDuty), in the document's
 * language, naming services by their display names. Email and SMS channels are left out: they are SNS
 * subscriptions.
 *
 * @example
 * const publishers = channelPublishers(config, { secrets: new LocalSecretResolver({ env: process.env }) });
 * await runCycle(config, { ...deps, publishers: [...publishers] }, now, cycleId);
 */
export function channelPublishers(config: GuardConfig, deps: ChannelDeliveryDeps): ChannelPublisher[] {
  const context = alertContextFromConfig(config, deps.ackUrl, deps.reportUrl);
  const { ackUrl: _ackUrl, reportUrl: _reportUrl, ...options } = deps;
  return config.channels
    .filter((channel) => isDirectChannel(channel.type))
    .map((channel) => new ChannelPublisher({ ...options, channel, language: config.language ?? 'en', context }));
}

/**
 * Looks up what a message shows beyond the alert: the service's display name, the acknowledge link
 * (never for a digest, which acknowledges nothing) or a digest's report link,
 * and for a `renewal-confirmed` notice the keys of the old expiry date it closes (every tier of the
 * service, the expiry day's tier 0, and the expired-in-use, renewal-missed and auto-renew-risk keys of
 * that date), which PagerDuty resolves.
 */
export function alertContextFromConfig(
  config: GuardConfig,
  ackUrl?: (alert: Alert) => string | undefined,
  reportUrl?: (alert: Alert) => string | undefined,
): (alert: Alert) => AlertContext {
  const services = new Map(config.services.map((s) => [s.id, s]));
  return (alert) => {
    const service = alert.serviceId === undefined ? undefined : services.get(alert.serviceId);
    const digest = (alert.kind as string) === 'digest';
    const link = digest ? undefined : ackUrl?.(alert);
    const report = digest ? reportUrl?.(alert) : undefined;
    const resolves = service ? renewedKeys(alert, service) : undefined;
    return {
      ...(service !== undefined && { serviceName: service.name }),
      ...(link !== undefined && { ackUrl: link }),
      ...(report !== undefined && { reportUrl: report }),
      ...(resolves !== undefined && { resolves }),
    };
  };
}

function renewedKeys(alert: Alert, service: ServiceConfig): string[] | undefined {
  const prefix = `${service.id}:renewal-confirmed:`;
  if ((alert.kind as string) !== 'renewal-confirmed' || !alert.key.startsWith(prefix)) return undefined;
  const oldDate = alert.key.slice(prefix.length);
  const tiers = [...new Set([...service.reminderDays, 0])];
  return [
    ...tiers.map((tier) => `${service.id}:expiry:${oldDate}:${tier}`),
    `${service.id}:expired-in-use:${oldDate}`,
    `${service.id}:renewal-missed:${oldDate}`,
    ...SEVERITIES.map((severity) => `${service.id}:auto-renew-risk:${oldDate}:${severity}`),
  ];
}
