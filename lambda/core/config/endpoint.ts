/**
 * A vendor endpoint override. https only, except for the local vendor sandbox: a billing API answered
 * over plain http would put the account's signed requests on the wire.
 */
import { describeValue } from './fields';
import type { ProblemLog } from './problem-log';

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export function readEndpoint(log: ProblemLog, value: unknown, path: string): string | undefined {
  if (typeof value !== 'string') {
    log.error(path, `expected a URL such as https://api.agora.io, got ${describeValue(value)}`);
    return undefined;
  }
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not echoed: whatever was pasted here instead of a URL may be a key.
    log.error(path, 'not a URL; give an absolute URL such as https://api.agora.io');
    return undefined;
  }
  if (url.username !== '' || url.password !== '') {
    log.error(path, "must not carry credentials (user:password@); keep them in the account's secret");
    return undefined;
  }
  if (url.protocol === 'https:') return text;
  if (url.protocol !== 'http:') {
    log.error(path, `${url.protocol.slice(0, -1)} is not supported; use an https URL`);
    return undefined;
  }
  if (LOCAL_HOSTS.includes(url.hostname)) return text;
  log.error(path, `http://${url.host} is not allowed; use https (plain http only for localhost, 127.0.0.1 and [::1])`);
  return undefined;
}
