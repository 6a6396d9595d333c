import type { HttpErrorKind, Verdict } from '../core/http-port';

/** The remote side's own words about a failure, read from its error envelope. */
export interface RemoteSays {
  readonly code?: string;
  readonly message?: string;
}

/**
 * The reading of an answer by its HTTP status alone, shared by vendors and channels: 2xx ok; 3xx a
 * redirect (never followed, never retried); 401/403 auth; 408 timeout, 425 and 429 throttled (retried);
 * 5xx server (retried, but 501: the remote side does not have that call); other 4xx client.
 */
export function judgeStatus(status: number, said: RemoteSays = {}): Verdict {
  if (status >= 200 && status < 300) return { ok: true };
  const refused = (kind: HttpErrorKind, retryable: boolean): Verdict => ({ ok: false, kind, retryable, ...said });
  if (status >= 300 && status < 400) return refused('redirect', false);
  if (status === 401 || status === 403) return refused('auth', false);
  if (status === 408) return refused('timeout', true);
  if (status === 425 || status === 429) return refused('throttled', true);
  if (status >= 500) return refused('server', status !== 501);
  return refused('client', false);
}
