import type { ChannelConfig, Severity } from '../model';
import { meetsMinSeverity } from './severity';

/** The channel ids, among those a service names, whose `minSeverity` lets an alert of `severity` through. */
export function routeToChannels(
  serviceChannels: readonly string[],
  severity: Severity,
  channels: ReadonlyMap<string, ChannelConfig>,
): string[] {
  return serviceChannels.filter((id) => {
    const channel = channels.get(id);
    return channel !== undefined && meetsMinSeverity(severity, channel.minSeverity);
  });
}

export function indexChannels(channels: readonly ChannelConfig[]): ReadonlyMap<string, ChannelConfig> {
  return new Map(channels.map((c) => [c.id, c]));
}
