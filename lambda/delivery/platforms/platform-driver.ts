import type { Verdict } from '../../core/http-port';
import type { ChannelType } from '../../core/model';
import { judgeStatus } from '../../http/judge-status';
import type { RateWindow } from '../../http/rate-limiter';

/** The fields a channel's secret holds (a JSON object in Secrets Manager or the CLI's local secrets). */
export type ChannelSecret = Readonly<Record<string, string>>;

export interface SecretFieldSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** The field holding the endpoint, checked to be https (http only on loopback, for local receivers). */
  readonly urlField?: string;
}

export interface PlatformRequest {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * One chat or incident platform, as delivery sends to it: how a rendered payload (delivery/render.ts)
 * becomes a signed request, how the platform's answer is read, and the rate limits its documentation
 * sets per robot.
 */
export interface PlatformDriver {
  readonly type: ChannelType;
  readonly secret: SecretFieldSpec;
  /** Limits per robot / webhook, all of which must hold before each request. */
  readonly rateLimits: readonly RateWindow[];
  /** The request for one payload, signed afresh for each attempt (signatures carry a timestamp). */
  request(payload: unknown, secret: ChannelSecret, now: Date): PlatformRequest;
  judge(status: number, body: string): Verdict;
}

export const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' } as const;

/** The answer's JSON object, or undefined when it is not one. */
export function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The verdict for platforms that answer HTTP 200 with an error code in the body (DingTalk `errcode`,
 * WeCom `errcode`, Feishu `code`): zero is success, `retryableCodes` are throttling or a busy server.
 */
export function judgeCodeEnvelope(
  status: number,
  body: string,
  codeField: string,
  messageField: string,
  retryableCodes: readonly number[],
): Verdict {
  const json = parseJsonObject(body);
  const code = json?.[codeField];
  const message = typeof json?.[messageField] === 'string' ? (json[messageField] as string) : undefined;
  if (status >= 200 && status < 300 && code === 0) return { ok: true };
  if (typeof code === 'number' && code !== 0) {
    if (retryableCodes.includes(code)) {
      return { ok: false, kind: 'throttled', retryable: true, code: String(code), message };
    }
    const byStatus = judgeStatus(status);
    return byStatus.ok
      ? { ok: false, kind: 'client', retryable: false, code: String(code), message }
      : { ...byStatus, code: String(code), message };
  }
  return refusedByStatus(status, { message: message ?? snippet(body) });
}

/** A refusal read by status alone (judgeStatus, shared with vendor calls), with the platform's words. */
export function refusedByStatus(status: number, said: { code?: string; message?: string }): Verdict {
  const verdict = judgeStatus(status, said);
  // a 2xx that the platform's own envelope did not accept
  return verdict.ok ? { ok: false, kind: 'malformed', retryable: false, ...said } : verdict;
}

/** The start of a non-JSON answer body, on one line, for an error message. */
export function snippet(body: string): string | undefined {
  const text = body.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text.slice(0, 200);
}
