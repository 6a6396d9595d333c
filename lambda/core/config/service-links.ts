/**
 * `renewUrl` and `runbook`: where a service is renewed (the vendor's console page, a purchasing form) and
 * what to do about it (a runbook page). Every message about the service carries them, so each is a link
 * a person will open from a chat message: an absolute http(s) URL of plain ASCII, without credentials,
 * at most MAX_LINK_LENGTH characters.
 */
import { describeValue, valueOf, type Mapping } from './fields';
import { fieldPath, type ProblemLog } from './problem-log';

export const MAX_LINK_LENGTH = 1000;
export const SERVICE_LINK_FIELDS = ['renewUrl', 'runbook'] as const;

export interface ServiceLinks {
  readonly renewUrl?: string;
  readonly runbook?: string;
}

export function readServiceLinks(log: ProblemLog, obj: Mapping, path: string): ServiceLinks {
  const links: { renewUrl?: string; runbook?: string } = {};
  for (const key of SERVICE_LINK_FIELDS) {
    const value = valueOf(obj, key);
    if (value === undefined) continue;
    const problem = linkProblem(value);
    if (problem) log.error(fieldPath(path, key), problem);
    else links[key] = value as string;
  }
  return links;
}

function linkProblem(value: unknown): string | undefined {
  const example = 'e.g. https://console.example.com/renew';
  if (typeof value !== 'string') return `expected a URL, ${example}, got ${describeValue(value)}`;
  // eslint-disable-next-line no-control-regex
  if (!/^[\x21-\x7e]+$/.test(value)) {
    return 'only printable ASCII without spaces; percent-encode anything else (a URL as the browser copies it)';
  }
  if (value.length > MAX_LINK_LENGTH) return `${value.length} characters; at most ${MAX_LINK_LENGTH}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${describeValue(value)} is not an absolute URL; ${example}`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `${describeValue(url.protocol)} links are not opened from messages; give an https:// (or http://) URL`;
  }
  if (url.username !== '' || url.password !== '') {
    return 'holds a user name or password; messages are read by many, so link without credentials';
  }
  return undefined;
}
