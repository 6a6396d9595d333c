import type { ChannelSecret, SecretFieldSpec } from './platforms/platform-driver';
import type { ChannelConfig } from '../core/model';

/**
 * Checks a channel's secret against what its platform needs, and returns the problem, if any, in words
 * that name fields, never values: a webhook URL embeds its token.
 */
export function secretProblem(
  channel: ChannelConfig,
  secret: ChannelSecret,
  spec: SecretFieldSpec,
): string | undefined {
  const name = `secret "${channel.secret}"`;
  const missing = spec.required.filter((f) => !secret[f]?.trim());
  if (missing.length > 0) {
    return `${name} lacks ${missing.map((f) => `"${f}"`).join(' and ')}; ${expected(channel, spec)}`;
  }
  if (spec.urlField && secret[spec.urlField] !== undefined && !isAllowedEndpoint(secret[spec.urlField])) {
    return `${name}: "${spec.urlField}" must be an https URL (http only for localhost)`;
  }
  return undefined;
}

function expected(channel: ChannelConfig, spec: SecretFieldSpec): string {
  const fields = [...spec.required, ...spec.optional.map((f) => `${f}?`)].join(', ');
  return `a ${channel.type} channel's secret is a JSON object { ${fields} }`;
}

/** Tokens travel in these URLs: plain http is refused except to the local machine (test receivers). */
export function isAllowedEndpoint(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
