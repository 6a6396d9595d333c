import type { ChannelType } from '../../../core/model';
import type { FormatInput } from '../../formatters/format-input';
import type { RateWindow } from '../rate-limiter';

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

/** How one HTTP answer reads: accepted, or refused — with whether trying again can help. */
export type Verdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly retryable: boolean; readonly code?: string; readonly message?: string };

/**
 * One chat or incident platform: the payloads an alert becomes, how a payload becomes a signed request,
 * how the platform's answer is read, and the rate limits its documentation sets per robot.
 */
export interface PlatformDriver {
  readonly type: ChannelType;
  readonly secret: SecretFieldSpec;
  /** Limits per robot / webhook, all of which must hold before each request. */
  readonly rateLimits: readonly RateWindow[];
  /** What the alert becomes: usually one payload; PagerDuty's recovery notices become resolve events. */
  payloads(input: FormatInput): readonly unknown[];
  /** The request for one payload, signed afresh for each attempt (signatures carry a timestamp). */
  request(payload: unknown, secret: ChannelSecret, now: Date): PlatformRequest;
  judge(status: number, body: string): Verdict;
}

export const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' } as const;

/** HTTP statuses worth another attempt on every platform: timeouts, throttling, server faults. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

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
    return {
      ok: false,
      retryable: retryableCodes.includes(code) || retryableStatus(status),
      code: String(code),
      message,
    };
  }
  return { ok: false, retryable: retryableStatus(status), message: message ?? snippet(body) };
}

/** The start of a non-JSON answer body, on one line, for an error message. */
export function snippet(body: string): string | undefined {
  const text = body.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text.slice(0, 200);
}
