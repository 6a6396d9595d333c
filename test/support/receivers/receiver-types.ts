/** One request as a receiver saw it. */
export interface ReceivedRequest {
  readonly platform: Platform;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly raw: string;
  /** The parsed JSON body, or undefined when it was not JSON. */
  readonly body: unknown;
}

export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

export const PLATFORMS = ['dingtalk', 'feishu', 'wecom', 'slack', 'teams', 'webhook', 'pagerduty'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What every receiver may consult: the pinned clock and the credentials it was set up with. */
export interface ReceiverContext {
  /** Milliseconds since the epoch, on the test's pinned clock. */
  now(): number;
  /** Requests this platform accepted at or after `sinceMs`, for its rate limit. */
  acceptedSince(platform: Platform, sinceMs: number): number;
}

export interface PlatformReceiver {
  /** The path prefix it answers under, e.g. `/dingtalk`. */
  readonly prefix: string;
  handle(request: ReceivedRequest, ctx: ReceiverContext): Promise<Reply>;
  /** The platform's own throttling answer, for scripted 429s. */
  throttled(retryAfter?: string): Reply;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** True when the text holds a lone UTF-16 surrogate: half a character, what a careless cut leaves. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
