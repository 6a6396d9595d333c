import type { HttpExchange, Verdict } from '../../core/vendor-http-port';
import { judgeStatus, type RemoteSays } from '../../http/judge-status';

/** The reading of an answer by its HTTP status alone (judgeStatus, the same for every outbound call). */
export function defaultJudge(exchange: HttpExchange): Verdict {
  return judgeStatus(exchange.status, {});
}

/**
 * A judge by status that also quotes the vendor's error envelope (`{ code, message }`, RFC 7807...),
 * read by `says` from the body; a body that cannot be read contributes nothing.
 */
export function judgeWithEnvelope(says: (body: unknown) => RemoteSays): (exchange: HttpExchange) => Verdict {
  return (exchange) => {
    if (exchange.status >= 200 && exchange.status < 300) return { ok: true };
    return judgeStatus(exchange.status, readEnvelope(exchange.body, says));
  };
}

function readEnvelope(body: string, says: (body: unknown) => RemoteSays): RemoteSays {
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
