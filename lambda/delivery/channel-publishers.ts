import { ChannelPublisher, type ChannelPublisherOptions } from './channel-publisher';
import { isDirectChannel } from './platforms/platform-registry';
import { serviceContext } from './render-context';
import type { AlertContext } from '../channels/formatters/format-input';
import type { Alert, GuardConfig } from '../core/model';
import { isResolvingNotice, resolvedKeys } from '../core/policy/resolutions';

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
 * Looks up what a message shows beyond the alert: the service's display name and kind (serviceContext,
 * as every sender has them), the acknowledge link (never for a digest, which acknowledges nothing) or a
 * digest's report link, and for a resolving notice the keys it closes, which PagerDuty resolves: those
 * the notice carries (core/policy/resolutions), else those its key names (a notice claimed before it
 * carried them).
 */
export function alertContextFromConfig(
  config: GuardConfig,
  ackUrl?: (alert: Alert) => string | undefined,
  reportUrl?: (alert: Alert) => string | undefined,
): (alert: Alert) => AlertContext {
  const services = new Map(config.services.map((s) => [s.id, s]));
  const describe = serviceContext(config);
  return (alert) => {
    const service = alert.serviceId === undefined ? undefined : services.get(alert.serviceId);
    const digest = (alert.kind as string) === 'digest';
    const link = digest ? undefined : ackUrl?.(alert);
    const report = digest ? reportUrl?.(alert) : undefined;
    const resolves = isResolvingNotice(alert) ? (alert.resolves ?? resolvedKeys(alert, service)) : undefined;
    return {
      ...describe(alert),
      ...(link !== undefined && { ackUrl: link }),
      ...(report !== undefined && { reportUrl: report }),
      ...(resolves !== undefined && { resolves }),
    };
  };
}
