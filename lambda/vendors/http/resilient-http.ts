import { defaultJudge } from './default-judge';
import { VendorError } from './vendor-error';
import type { Vendor } from '../../core/model';
import type { HttpExchange, VendorCall, VendorErrorKind, VendorHttp } from '../../core/vendor-http-port';
import { httpPolicy, OutboundCallError, OutboundHttp, perSecond, VENDOR_HTTP_POLICY } from '../../http';

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

/**
 * The one way adapters reach a vendor: the guard's outbound client (lambda/http) under the vendor
 * policy (VENDOR_HTTP_POLICY: quick bounded retries, full jitter, a long Retry-After capped), a
 * per-account rate limit, and errors that are safe to log (VendorError).
 *
 * Never retried: `auth` and `client` verdicts (the same credentials and request fail the same way, and
 * repeated bad logins can lock an account), `malformed` answers (a changed API or a proxy page, not a
 * passing hiccup) and redirects (a billing API does not move; following one could carry credentials to
 * another host).
 */
export class ResilientHttp implements VendorHttp {
  private readonly client: OutboundHttp;
  private readonly rateLimits: Partial<Record<Vendor, number>>;
  private readonly onRetry?: (event: RetryEvent) => void;

  constructor(options: ResilientHttpOptions = {}) {
    const policy = httpPolicy(
      VENDOR_HTTP_POLICY,
      {
        timeoutMs: options.timeoutMs,
        maxAttempts: options.maxAttempts,
        backoffBaseMs: options.backoffBaseMs,
        backoffCapMs: options.backoffCapMs,
        maxRetryAfterMs: options.maxRetryAfterMs,
        maxResponseBytes: options.maxResponseBytes,
      },
      'ResilientHttp',
    );
    this.rateLimits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
    for (const [vendor, limit] of Object.entries(this.rateLimits)) {
      if (!(limit! > 0)) {
        throw new RangeError(`ResilientHttp: rateLimits.${vendor} must be greater than 0, got ${limit}`);
      }
    }
    this.client = new OutboundHttp({ policy, ...options });
    this.onRetry = options.onRetry;
  }

  async call(call: VendorCall): Promise<HttpExchange> {
    try {
      return await this.client.call(
        {
          prepare: (now) => call.prepare(now),
          judge: call.judge ?? defaultJudge,
          limiterKey: `${call.vendor}\u0000${call.accountId}`,
          rateLimits: perSecond(this.rateLimits[call.vendor]),
        },
        this.onRetry &&
          ((event) =>
            this.onRetry?.({ vendor: call.vendor, accountId: call.accountId, operation: call.operation, ...event })),
      );
    } catch (e) {
      if (!(e instanceof OutboundCallError)) throw e;
      const { remoteMessage, refusedWaitMs: _refused, ...failure } = e.failure;
      throw new VendorError({
        vendor: call.vendor,
        accountId: call.accountId,
        operation: call.operation,
        ...failure,
        ...(remoteMessage !== undefined && { vendorMessage: remoteMessage }),
      });
    }
  }
}
