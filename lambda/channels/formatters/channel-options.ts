import type { ChannelConfig } from '../../core/model';

/**
 * Reads the options the config validator accepted. Read defensively all the same: typed props and
 * documents reach formatters through one model, and a formatter must not throw on a shape it did not
 * expect.
 */
export function stringListOption(channel: ChannelConfig, key: string): string[] {
  const value = channel.options[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
}

export function booleanOption(channel: ChannelConfig, key: string): boolean {
  return channel.options[key] === true;
}
