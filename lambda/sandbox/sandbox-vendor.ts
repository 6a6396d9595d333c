/**
 * The vendor sandbox's contract with its per-vendor modules: a loopback HTTP server routes
 * `/<vendor>/...` to the module of that vendor, after applying any injected fault. Each module speaks
 * the vendor's documented API — authentication and signature checks, documented response shapes and
 * error envelopes — over its own fixture data.
 */
import type { Vendor } from '../core/model';

export interface SandboxRequest {
  readonly method: string;
  /** The path below the vendor prefix, e.g. `/dev/v3/invoice/usage` for `/agora/dev/v3/invoice/usage`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** `127.0.0.1:<port>`: what a signing client put in its Host header. */
  readonly host: string;
  readonly now: Date;
}

export interface SandboxReply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A string is sent as is; anything else as JSON. */
  readonly body: unknown;
}

/** Faults the server injects before a request reaches the vendor module. */
export type SandboxFault =
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'throttle'; readonly times: number; readonly retryAfterSeconds?: number }
  | { readonly kind: 'server-error'; readonly times: number; readonly status?: 500 | 502 | 503 }
  | { readonly kind: 'malformed'; readonly times: number }
  | { readonly kind: 'auth-failure' }
  | { readonly kind: 'hang' };

export interface SandboxVendorModule<Fixture = unknown> {
  readonly vendor: Vendor;
  /** Answers a request about the accounts in `fixture`; undefined → 404 in the vendor's envelope. */
  handle(request: SandboxRequest, fixture: Fixture): SandboxReply | undefined;
  /** The vendor's own envelope for an injected auth failure or throttle (e.g. Tencent: HTTP 200 + Error). */
  faultReply(kind: 'auth-failure' | 'throttle', request: SandboxRequest): SandboxReply;
}
