import { defaultJudge } from './default-judge';
import { RateLimiter } from './rate-limiter';
import { readCappedBody } from './read-body';
import { requestSecrets, sanitizeEcho } from './redact';
import { retryAfterMs } from './retry-after';
import { VendorError } from './vendor-error';
import type { Vendor } from '../../core/model';
import type {
  HttpExchange,
  PreparedRequest,
  VendorCall,
  VendorErrorKind,
  VendorHttp,
  Verdict,
} from '../../core/vendor-http-port';

/**
 * Requests per second per account, where the vendor documents a limit (vendor-apis.md). Agora: 10 per
 * account per API. Tencent: 5 (DescribeTrtcUsage; the balance call allows 20). Alibaba: 10 (ARTC
 * usage; the BSS limit is unconfirmed). The limiter keys on vendor and account, not on the API, so it
 * holds the lowest limit of the calls an adapter makes.
 */
export const DEFAULT_RATE_LIMITS: Readonly<Partial<Record<Vendor, number>>> = { agora: 10, tencent: 5, alibaba: 10 };

export interface ResilientHttpOptions {
  /** @default globalThis.fetch */
  readonly fetch?: typeof fetch;
  /** Waits between attempts and for a rate-limit turn. @default setTimeout */
  readonly sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter. @default Math.random */
  readonly random?: () => number;
  /** The instant each attempt is prepared at, and what `Retry-After` dates and rate limits read. @default new Date() */
  readonly clock?: () => Date;
  /** Per attempt, headers and body included. @default 10000 */
  readonly timeoutMs?: number;
  /** Attempts per call, the first included. @default 4 */
  readonly maxAttempts?: number;
  /** Full jitter: the k-th retry waits random × min(cap, base × 2^(k−1)). @default 500 */
  readonly backoffBaseMs?: number;
  /** @default 8000 */
  readonly backoffCapMs?: number;
  /** The longest wait a `Retry-After` (or a judge's retryAfterMs) is granted. @default 30000 */
  readonly maxRetryAfterMs?: number;
  /** @default 1048576 (1 MiB) */
  readonly maxResponseBytes?: number;
  /**
   * Requests per second per account, merged over DEFAULT_RATE_LIMITS; `Infinity` lifts a default.
   * @default DEFAULT_RATE_LIMITS
   */
  readonly rateLimits?: Partial<Record<Vendor, number>>;
  /** Told about every failed attempt that will be retried (for logs and metrics); never given request data. */
  readonly onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  readonly vendor: Vendor;
  readonly accountId: string;
  readonly operation: string;
  readonly attempt: number;
  readonly kind: VendorErrorKind;
  readonly status?: number;
  readonly delayMs: number;
}

/** Kinds worth another attempt when the verdict says so. */
const RETRIED_KINDS: readonly VendorErrorKind[] = ['throttled', 'server', 'timeout', 'network'];

/** One failed attempt, before it becomes a VendorError. */
interface Failure {
  readonly kind: VendorErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly code?: string;
  readonly vendorMessage?: string;
  readonly reason?: string;
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/**
 * The one way adapters reach a vendor: a timeout per attempt, bounded retries with full-jitter backoff
 * that honour `Retry-After`, a per-account rate limit, a response size cap and errors that are safe to
 * log (VendorError).
 *
 * What is retried: throttling (429), server errors (5xx but 501), timeouts and network failures, when
 * the judge calls them retryable. Never retried: `auth` and `client` verdicts (the same credentials and
 * request fail the same way, and repeated bad logins can lock an account), and `malformed` answers (a
 * body that does not parse or lacks a field is a changed API or a proxy page, not a passing hiccup; a
 * body cut off mid-transfer surfaces as a network error and is retried).
 *
 * Every attempt calls `prepare(now)` again, so signed requests carry a fresh timestamp and nonce.
 */
export class ResilientHttp implements VendorHttp {
  private readonly fetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly clock: () => Date;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly backoffCapMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly maxResponseBytes: number;
  private readonly rateLimits: Partial<Record<Vendor, number>>;
  private readonly limiter: RateLimiter;
  private readonly onRetry?: (event: RetryEvent) => void;

  constructor(options: ResilientHttpOptions = {}) {
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? (() => new Date());
    this.timeoutMs = positive('timeoutMs', options.timeoutMs ?? 10_000);
    this.maxAttempts = Math.floor(positive('maxAttempts', options.maxAttempts ?? 4));
    this.backoffBaseMs = nonNegative('backoffBaseMs', options.backoffBaseMs ?? 500);
    this.backoffCapMs = nonNegative('backoffCapMs', options.backoffCapMs ?? 8_000);
    this.maxRetryAfterMs = nonNegative('maxRetryAfterMs', options.maxRetryAfterMs ?? 30_000);
    this.maxResponseBytes = positive('maxResponseBytes', options.maxResponseBytes ?? 1_048_576);
    this.rateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
    for (const [vendor, limit] of Object.entries(this.rateLimits)) positive(`rateLimits.${vendor}`, limit);
    this.limiter = new RateLimiter({ clock: this.clock, sleep: this.sleep });
    this.onRetry = options.onRetry;
  }

  async call(call: VendorCall): Promise<HttpExchange> {
    const judge = call.judge ?? defaultJudge;
    for (let attempt = 1; ; attempt++) {
      await this.limiter.acquire(`${call.vendor}\u0000${call.accountId}`, this.rateLimits[call.vendor]);
      const request = call.prepare(this.clock());
      const outcome = await this.attempt(request);
      let failure: Failure;
      if ('exchange' in outcome) {
        const verdict = judge(outcome.exchange);
        if (verdict.ok) return outcome.exchange;
        failure = fromVerdict(verdict, outcome.exchange, request, this.clock());
      } else {
        failure = outcome.failure;
      }
      const retryable = failure.retryable && RETRIED_KINDS.includes(failure.kind);
      if (!retryable || attempt >= this.maxAttempts) {
        throw new VendorError({
          vendor: call.vendor,
          accountId: call.accountId,
          operation: call.operation,
          attempts: attempt,
          ...failure,
          retryable,
        });
      }
      const delayMs = this.delayBefore(attempt + 1, failure.retryAfterMs);
      this.onRetry?.({
        vendor: call.vendor,
        accountId: call.accountId,
        operation: call.operation,
        attempt,
        kind: failure.kind,
        ...(failure.status !== undefined && { status: failure.status }),
        delayMs,
      });
      await this.sleep(delayMs);
    }
  }

  /** The wait before attempt `next` (2, 3...): the vendor's Retry-After if it gave one, else full jitter. */
  private delayBefore(next: number, askedMs: number | undefined): number {
    if (askedMs !== undefined) return Math.min(askedMs, this.maxRetryAfterMs);
    const ceiling = Math.min(this.backoffCapMs, this.backoffBaseMs * 2 ** (next - 2));
    return Math.floor(this.random() * ceiling);
  }

  private async attempt(request: PreparedRequest): Promise<{ exchange: HttpExchange } | { failure: Failure }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    try {
      const response = await this.fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: controller.signal,
      });
      const body = await readCappedBody(response, this.maxResponseBytes);
      if ('overflow' in body) {
        return {
          failure: {
            kind: 'malformed',
            retryable: false,
            status: response.status,
            reason: `the answer exceeds ${this.maxResponseBytes} bytes`,
          },
        };
      }
      return { exchange: { status: response.status, headers: headerMap(response.headers), body: body.text } };
    } catch (e) {
      if (timedOut) {
        return { failure: { kind: 'timeout', retryable: true, reason: `timed out after ${this.timeoutMs} ms` } };
      }
      return { failure: fromThrown(e) };
    } finally {
      clearTimeout(timer);
    }
  }
}

function fromVerdict(
  verdict: Extract<Verdict, { ok: false }>,
  exchange: HttpExchange,
  request: PreparedRequest,
  now: Date,
): Failure {
  const secrets = requestSecrets(request);
  const said = (text: string | undefined) => (text === undefined ? undefined : sanitizeEcho(text, secrets));
  // A malformed verdict's message is the adapter's description of the body, not the vendor's words.
  const malformed = verdict.kind === 'malformed';
  const asked = verdict.retryAfterMs ?? retryAfterMs(exchange.headers['retry-after'], now);
  return {
    kind: verdict.kind,
    retryable: verdict.retryable,
    status: exchange.status,
    ...(verdict.code !== undefined && { code: said(verdict.code) }),
    ...(verdict.message !== undefined && !malformed && { vendorMessage: said(verdict.message) }),
    ...(verdict.message !== undefined && malformed && { reason: said(verdict.message) }),
    ...(asked !== undefined && { retryAfterMs: asked }),
  };
}

/**
 * A fetch that threw without an answer. Its message is never quoted, nor its cause kept: undici puts
 * the whole URL, query string included, into some of them ("Failed to parse URL from …", a cause's
 * `input`). Read by shape, not `instanceof`: errors may come from another realm.
 */
function fromThrown(e: unknown): Failure {
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

function positive(name: string, value: number): number {
  if (!(value > 0)) throw new RangeError(`ResilientHttp: ${name} must be greater than 0, got ${value}`);
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!(value >= 0)) throw new RangeError(`ResilientHttp: ${name} must be 0 or more, got ${value}`);
  return value;
}
