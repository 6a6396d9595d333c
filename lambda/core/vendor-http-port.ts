/**
 * How vendor adapters reach a vendor: one resilient client (lambda/vendors/http/) behind this port, so
 * adapters stay about the vendor's API and the client owns timeouts, retries, rate limits and size caps.
 */
import type { Vendor } from './model';

/** The concrete request of one attempt. */
export interface PreparedRequest {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HttpExchange {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type VendorErrorKind = 'auth' | 'throttled' | 'server' | 'timeout' | 'network' | 'malformed' | 'client';

/** An adapter's reading of one answer (Tencent, for one, reports errors inside HTTP 200 bodies). */
export type Verdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly kind: VendorErrorKind;
      readonly retryable: boolean;
      /** The vendor's own error code and message, e.g. `AuthFailure.SignatureFailure`. */
      readonly code?: string;
      readonly message?: string;
      readonly retryAfterMs?: number;
    };

export interface VendorCall {
  readonly vendor: Vendor;
  readonly accountId: string;
  /** Names the call in errors and logs: `DescribeAccountBalance`, `GET /Balance.json`. */
  readonly operation: string;
  /** Builds each attempt afresh, so signatures carry a current timestamp and a new nonce. */
  prepare(now: Date): PreparedRequest;
  /** Default: 2xx ok; 401/403 auth; 429 throttled; 5xx server; other 4xx client. */
  judge?(exchange: HttpExchange): Verdict;
}

export interface VendorHttp {
  /** The final successful exchange; throws VendorError once retries are exhausted or not allowed. */
  call(call: VendorCall): Promise<HttpExchange>;
}
