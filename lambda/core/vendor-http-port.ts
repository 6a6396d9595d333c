/**
 * How vendor adapters reach a vendor: one resilient client (lambda/vendors/http/) behind this port, so
 * adapters stay about the vendor's API and the client owns timeouts, retries, rate limits and size caps.
 * The request, answer and verdict types are every outbound call's (http-port.ts).
 */
import type { HttpErrorKind, HttpExchange, PreparedRequest, Verdict } from './http-port';
import type { Vendor } from './model';

export type { HttpExchange, PreparedRequest, Verdict } from './http-port';

/** Kept for the vendor adapters' vocabulary: a vendor call fails for the same reasons as any HTTP call. */
export type VendorErrorKind = HttpErrorKind;

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
