/**
 * What every outbound HTTP call of the guard looks like, whoever makes it (vendor adapters, channel
 * delivery): the request of one attempt, the answer, and one verdict type that reads an answer. The one
 * client behind it lives in lambda/http/, with a policy per use.
 */

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

/**
 * Why a call failed. `redirect`: the answer was a 3xx, which is never followed (a redirect would carry
 * the body, a signature, credentials or an Idempotency-Key to a host nobody configured).
 */
export type HttpErrorKind =
  'auth' | 'throttled' | 'server' | 'timeout' | 'network' | 'malformed' | 'client' | 'redirect';

/** The reading of one answer: accepted, or refused with whether another attempt can help. */
export type Verdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly kind: HttpErrorKind;
      readonly retryable: boolean;
      /** The remote side's own error code and message, e.g. `AuthFailure.SignatureFailure`, `310000`. */
      readonly code?: string;
      readonly message?: string;
      readonly retryAfterMs?: number;
    };
