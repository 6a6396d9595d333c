import type { HttpExchange, Verdict, VendorErrorKind } from '../../core/vendor-http-port';

/**
 * Alibaba's error envelope is `{ RequestId, HostId, Code, Message, Recommend }`, and the code says more
 * than the status: throttling (`Throttling`, `Throttling.User`) comes as HTTP 400, an unknown
 * AccessKey as 404, BSS's `InternalError` as 400. A 200 with `Success: false` is a failure too.
 */
export function judgeAlibaba(exchange: HttpExchange): Verdict {
  const envelope = readEnvelope(exchange.body);
  const ok = exchange.status >= 200 && exchange.status < 300;
  if (ok && envelope?.success !== false) return { ok: true };
  const { kind, retryable } = classify(envelope?.code, exchange.status);
  return {
    ok: false,
    kind,
    retryable,
    ...(envelope?.code !== undefined && { code: envelope.code }),
    ...(envelope?.message !== undefined && { message: envelope.message }),
  };
}

const AUTH_CODES = new Set([
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'NotAuthorized',
  'NoPermission',
  'InvalidSecurityToken.Expired',
]);
const SERVER_CODES = new Set(['InternalError', 'ServiceUnavailable', 'UndefinedError']);

function classify(code: string | undefined, status: number): { kind: VendorErrorKind; retryable: boolean } {
  if (code !== undefined) {
    if (code.startsWith('Throttling')) return { kind: 'throttled', retryable: true };
    if (
      AUTH_CODES.has(code) ||
      code.startsWith('InvalidAccessKeyId') ||
      code.startsWith('Forbidden') ||
      // a clock more than 15 minutes off: retrying with the same clock fails the same way
      code === 'InvalidTimeStamp.Expired'
    ) {
      return { kind: 'auth', retryable: false };
    }
    if (SERVER_CODES.has(code)) return { kind: 'server', retryable: true };
  }
  if (status === 401 || status === 403) return { kind: 'auth', retryable: false };
  if (status === 429) return { kind: 'throttled', retryable: true };
  if (status >= 500) return { kind: 'server', retryable: status !== 501 };
  return { kind: 'client', retryable: false };
}

interface Envelope {
  readonly code?: string;
  readonly message?: string;
  readonly success?: boolean;
}

function readEnvelope(body: string): Envelope | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const o = parsed as Record<string, unknown>;
  const code = typeof o.Code === 'string' && o.Code !== '' ? o.Code : undefined;
  const words = [
    ...(typeof o.Message === 'string' && o.Message !== '' ? [o.Message] : []),
    ...(typeof o.RequestId === 'string' && o.RequestId !== '' ? [`(RequestId ${o.RequestId})`] : []),
  ].join(' ');
  return {
    ...(code !== undefined && { code }),
    ...(words !== '' && { message: words }),
    ...(typeof o.Success === 'boolean' && { success: o.Success }),
  };
}
