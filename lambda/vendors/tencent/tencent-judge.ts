import type { HttpExchange, Verdict } from '../../core/vendor-http-port';
import { defaultJudge } from '../http';

/**
 * Tencent Cloud reports errors inside HTTP 200: `{"Response":{"Error":{"Code","Message"},"RequestId"}}`.
 * AuthFailure.* (bad or expired signature, unknown SecretId) and UnauthorizedOperation are auth and
 * never retried; RequestLimitExceeded is throttling; InternalError is the vendor's own failure. The
 * RequestId goes into the message: it is what Tencent support asks for.
 */
export function judgeTencent(exchange: HttpExchange): Verdict {
  const error = tencentError(exchange.body);
  if (exchange.status < 200 || exchange.status >= 300) {
    const byStatus = defaultJudge(exchange);
    return byStatus.ok || !error ? byStatus : { ...byStatus, ...error };
  }
  if (!error) return { ok: true };
  return { ok: false, ...classify(error.code), ...error };
}

function classify(code: string): { kind: 'auth' | 'throttled' | 'server' | 'client'; retryable: boolean } {
  if (code.startsWith('AuthFailure') || code.startsWith('UnauthorizedOperation')) {
    return { kind: 'auth', retryable: false };
  }
  if (code.startsWith('RequestLimitExceeded')) return { kind: 'throttled', retryable: true };
  if (code.startsWith('InternalError')) return { kind: 'server', retryable: true };
  return { kind: 'client', retryable: false };
}

function tencentError(body: string): { code: string; message?: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const response = field(parsed, 'Response');
  const error = field(response, 'Error');
  const code = field(error, 'Code');
  if (typeof code !== 'string' || code === '') return undefined;
  const message = field(error, 'Message');
  const requestId = field(response, 'RequestId');
  const text = [
    ...(typeof message === 'string' && message !== '' ? [message] : []),
    ...(typeof requestId === 'string' && requestId !== '' ? [`(RequestId ${requestId})`] : []),
  ].join(' ');
  return { code, ...(text !== '' && { message: text }) };
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)[name]
    : undefined;
}
