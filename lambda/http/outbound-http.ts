import { backoffDelay, type HttpPolicy } from './http-policy';
import { RateLimiter, type RateWindow } from './rate-limiter';
import { readCappedBody } from './read-body';
import { requestSecrets, sanitizeEcho } from './redact';
import { retryAfterMs } from './retry-after';
import type { HttpErrorKind, HttpExchange, PreparedRequest, Verdict } from '../core/http-port';

/** One call through the client: how each attempt is built, how its answer reads, and its rate limit. */
export interface OutboundCall {
  /** Requests sharing a key share `rateLimits` (an account at a vendor, a robot). */
  readonly limiterKey?: string;
  readonly rateLimits?: readonly RateWindow[];
  /** Secrets the request does not show by name (a webhook URL's path), kept out of the failure. */
  readonly secrets?: readonly string[];
  /** Builds each attempt afresh, so signatures carry a current timestamp and a new nonce. */
  prepare(now: Date): PreparedRequest;
  judge(exchange: HttpExchange): Verdict;
}

/** Why a call failed, in words safe to log: never the request, only what was said about it. */
export interface CallFailure {
  readonly kind: HttpErrorKind;
  /** Whether a later call may succeed (an outage, throttling) or a person must act. */
  readonly retryable: boolean;
  readonly attempts: number;
  readonly status?: number;
  /** The remote side's own code and message, redacted and shortened. */
  readonly code?: string;
  readonly remoteMessage?: string;
  /** Our words when the answer does not say it: `timed out after 10000 ms`, `"balance" is missing`. */
  readonly reason?: string;
  /** Set when the call stopped because the remote side asked to wait longer than the policy allows. */
  readonly refusedWaitMs?: number;
}

/** Thrown by OutboundHttp.call; each use turns it into its own typed error (VendorError, ChannelDeliveryError). */
export class OutboundCallError extends Error {
  constructor(readonly failure: CallFailure) {
    super(`outbound call failed: ${failure.kind}`);
    this.name = 'OutboundCallError';
  }
}

/** Told about every failed attempt that will be retried (for logs and metrics); never given request data. */
export type RetryListener = (event: {
  readonly attempt: number;
  readonly kind: HttpErrorKind;
  readonly status?: number;
  readonly delayMs: number;
}) => void;

export interface OutboundHttpOptions {
  readonly policy: HttpPolicy;
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Waits between attempts and for a rate-limit turn. @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter. @default Math.random */
  readonly random?: () => number;
  /** The instant each attempt is prepared at, and what `Retry-After` dates and rate limits read. @default new Date() */
  readonly clock?: () => Date;
  /** @default a limiter of its own */
  readonly rateLimiter?: RateLimiter;
}

/** Kinds worth another attempt when the verdict says so; auth, client, malformed and redirect never are. */
const RETRIED_KINDS: readonly HttpErrorKind[] = ['throttled', 'server', 'timeout', 'network'];

type Attempt =
  | { readonly exchange: HttpExchange }
  | { readonly failure: Omit<CallFailure, 'attempts'> & { readonly retryAfterMs?: number } };

/**
 * The one way the guard calls out over HTTP, for vendors and channels alike: a timeout per attempt, a
 * size cap on answers, bounded retries with jittered backoff that honour `Retry-After`, rate limits per
 * key, remote words redacted before anyone sees them, and no redirects: a 3xx is a failed call naming
 * its status, and nothing (body, signature, credentials, Idempotency-Key) goes to the other location.
 *
 * Retried: verdicts that say so (throttling, server faults), timeouts and network failures. Never
 * retried: auth, client, malformed and redirect answers.
 */
export class OutboundHttp {
  private readonly policy: HttpPolicy;
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly clock: () => Date;
  private readonly limiter: RateLimiter;

  constructor(options: OutboundHttpOptions) {
    this.policy = options.policy;
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? (() => new Date());
    this.limiter = options.rateLimiter ?? new RateLimiter();
  }

  /** The final accepted exchange; throws OutboundCallError once retries are exhausted or not allowed. */
  async call(call: OutboundCall, onRetry?: RetryListener): Promise<HttpExchange> {
    for (let attempt = 1; ; attempt++) {
      if (call.limiterKey !== undefined && call.rateLimits !== undefined) {
        await this.limiter.acquire(call.limiterKey, call.rateLimits, this.clock, this.sleep);
      }
      const request = call.prepare(this.clock());
      const outcome = await this.attempt(request, call);
      if ('exchange' in outcome) return outcome.exchange;
      const { retryAfterMs: asked, ...said } = outcome.failure;
      const failure = { ...said, retryable: said.retryable && RETRIED_KINDS.includes(said.kind) };
      if (!failure.retryable || attempt >= this.policy.maxAttempts) {
        throw new OutboundCallError({ ...failure, attempts: attempt });
      }
      if (asked !== undefined && asked > this.policy.maxRetryAfterMs && this.policy.longerRetryAfter === 'give-up') {
        throw new OutboundCallError({ ...failure, attempts: attempt, refusedWaitMs: asked });
      }
      const delayMs =
        asked !== undefined
          ? Math.min(asked, this.policy.maxRetryAfterMs)
          : backoffDelay(attempt, this.policy, this.random);
      onRetry?.({
        attempt,
        kind: failure.kind,
        ...(failure.status !== undefined && { status: failure.status }),
        delayMs,
      });
      await this.sleep(delayMs);
    }
  }

  private async attempt(request: PreparedRequest, call: OutboundCall): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.policy.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: controller.signal,
      });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel().catch(() => undefined);
        return {
          failure: {
            kind: 'redirect',
            retryable: false,
            status: response.status,
            reason: 'redirected elsewhere; redirects are never followed',
          },
        };
      }
      const body = await readCappedBody(response, this.policy.maxResponseBytes);
      if ('overflow' in body) {
        const reason = `the answer exceeds ${this.policy.maxResponseBytes} bytes`;
        return { failure: { kind: 'malformed', retryable: false, status: response.status, reason } };
      }
      text = body.text;
    } catch (e) {
      if (timedOut) {
        return { failure: { kind: 'timeout', retryable: true, reason: `timed out after ${this.policy.timeoutMs} ms` } };
      }
      return { failure: fromThrown(e) };
    } finally {
      clearTimeout(timer);
    }
    const exchange: HttpExchange = { status: response.status, headers: headerMap(response.headers), body: text };
    const verdict = call.judge(exchange);
    if (verdict.ok) return { exchange };
    return {
      failure: fromVerdict(verdict, exchange, [...requestSecrets(request), ...(call.secrets ?? [])], this.clock()),
    };
  }
}

function fromVerdict(
  verdict: Extract<Verdict, { ok: false }>,
  exchange: HttpExchange,
  secrets: readonly string[],
  now: Date,
): Omit<CallFailure, 'attempts'> & { retryAfterMs?: number } {
  const said = (text: string | undefined) =>
    text === undefined || text === '' ? undefined : sanitizeEcho(text, secrets);
  // A malformed verdict's message is the caller's description of the body, not the remote side's words.
  const malformed = verdict.kind === 'malformed';
  const code = said(verdict.code);
  const message = said(verdict.message);
  const asked = verdict.retryAfterMs ?? retryAfterMs(exchange.headers['retry-after'], now);
  return {
    kind: verdict.kind,
    retryable: verdict.retryable,
    status: exchange.status,
    ...(code !== undefined && { code }),
    ...(message !== undefined && !malformed && { remoteMessage: message }),
    ...(message !== undefined && malformed && { reason: message }),
    ...(asked !== undefined && { retryAfterMs: asked }),
  };
}

/**
 * A fetch that threw without an answer. Its message is never quoted, nor its cause kept: undici puts
 * the whole URL, query string included, into some of them ("Failed to parse URL from …", a cause's
 * `input`). Read by shape, not `instanceof`: errors may come from another realm.
 */
function fromThrown(e: unknown): Omit<CallFailure, 'attempts'> {
  const { name, message, cause } = (typeof e === 'object' && e !== null ? e : {}) as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown };
  };
  const code = typeof cause === 'object' && cause !== null ? cause.code : undefined;
  if (code === 'ERR_INVALID_URL' || (typeof message === 'string' && /\burl\b/i.test(message) && code === undefined)) {
    return { kind: 'client', retryable: false, reason: 'the request URL is not valid' };
  }
  if (typeof code === 'string') return { kind: 'network', retryable: true, reason: `network error (${code})` };
  return { kind: 'network', retryable: true, reason: `network error (${typeof name === 'string' ? name : typeof e})` };
}

function headerMap(headers: Headers): Record<string, string> {
  const map: Record<string, string> = {};
  headers.forEach((value, name) => (map[name.toLowerCase()] = value));
  return map;
}
