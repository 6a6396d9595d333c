import type { HttpExchange, Verdict } from '../../core/vendor-http-port';

/** The vendor's own words about a failure, read from its error envelope. */
export interface VendorSays {
  readonly code?: string;
  readonly message?: string;
}

/**
 * The reading of an answer by its HTTP status alone: 2xx ok; 401/403 auth; 408 timeout and 429
 * throttled (retryable); 5xx server (retryable, except 501: the vendor does not have that call);
 * redirects and other 4xx client. A redirect is never followed: a billing API does not move, and
 * following one could carry credentials to another host.
 */
export function defaultJudge(exchange: HttpExchange): Verdict {
  return judgeStatus(exchange.status, {});
}

/**
 * A judge by status that also quotes the vendor's error envelope (`{ code, message }`, RFC 7807...),
 * read by `says` from the body; a body that cannot be read contributes nothing.
 */
export function judgeWithEnvelope(says: (body: unknown) => VendorSays): (exchange: HttpExchange) => Verdict {
  return (exchange) => {
    if (exchange.status >= 200 && exchange.status < 300) return { ok: true };
    return judgeStatus(exchange.status, readEnvelope(exchange.body, says));
  };
}

function judgeStatus(status: number, said: VendorSays): Verdict {
  if (status >= 200 && status < 300) return { ok: true };
  if (status === 401 || status === 403) return { ok: false, kind: 'auth', retryable: false, ...said };
  if (status === 429) return { ok: false, kind: 'throttled', retryable: true, ...said };
  if (status === 408) return { ok: false, kind: 'timeout', retryable: true, ...said };
  if (status >= 500) return { ok: false, kind: 'server', retryable: status !== 501, ...said };
  return { ok: false, kind: 'client', retryable: false, ...said };
}

function readEnvelope(body: string, says: (body: unknown) => VendorSays): VendorSays {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  const said = says(parsed);
  return {
    ...(typeof said.code === 'string' && said.code !== '' && { code: said.code }),
    ...(typeof said.message === 'string' && said.message !== '' && { message: said.message }),
  };
}

/** A field of a parsed JSON object as text (codes come as numbers from Twilio, strings elsewhere). */
export function textField(body: unknown, field: string): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const value = (body as Record<string, unknown>)[field];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
