import { RenewalGuardError } from '../../core/errors';
import type { Vendor } from '../../core/model';
import type { VendorErrorKind } from '../../core/vendor-http-port';

export interface VendorErrorDetails {
  readonly vendor: Vendor;
  readonly accountId: string;
  /** The call, without its query string: `GET /dev/v3/usage`. */
  readonly operation: string;
  readonly kind: VendorErrorKind;
  readonly attempts: number;
  readonly status?: number;
  /** The vendor's own error code, from its answer. */
  readonly code?: string;
  /** The vendor's own error message, from its answer, already redacted and shortened. */
  readonly vendorMessage?: string;
  /** Our words when the vendor's answer does not say it: `timed out after 10000 ms`, `"balance" is missing`. */
  readonly reason?: string;
  /** Whether a later cycle may succeed. @default true for throttled, server, timeout and network */
  readonly retryable?: boolean;
  readonly cause?: unknown;
}

const RETRYABLE_KINDS: readonly VendorErrorKind[] = ['throttled', 'server', 'timeout', 'network'];

/**
 * A vendor call that did not produce a usable answer. The message names the vendor, the account, the
 * call, the attempts, the HTTP status and the vendor's own code and message, and is built only from
 * those: never from the request (its URL may carry a secret, as Vonage's query-string auth does), so it
 * can go into logs, reports and alerts as is.
 *
 * `retryable` says whether a later cycle may succeed (an outage, throttling) or a person must act
 * (credentials, configuration, a changed API).
 */
export class VendorError extends RenewalGuardError {
  readonly vendor: Vendor;
  readonly accountId: string;
  readonly operation: string;
  readonly kind: VendorErrorKind;
  readonly attempts: number;
  readonly status?: number;
  readonly code?: string;
  readonly vendorMessage?: string;

  constructor(details: VendorErrorDetails) {
    super(describe(details), {
      retryable: details.retryable ?? RETRYABLE_KINDS.includes(details.kind),
      cause: details.cause,
    });
    this.name = 'VendorError';
    this.vendor = details.vendor;
    this.accountId = details.accountId;
    this.operation = details.operation;
    this.kind = details.kind;
    this.attempts = details.attempts;
    this.status = details.status;
    this.code = details.code;
    this.vendorMessage = details.vendorMessage;
  }
}

function describe(d: VendorErrorDetails): string {
  const attempts = `${d.attempts} attempt${d.attempts === 1 ? '' : 's'}`;
  return `${d.vendor} account ${d.accountId}: ${d.operation} failed after ${attempts}: ${what(d)}`;
}

function what(d: VendorErrorDetails): string {
  const said = [
    ...(d.code !== undefined ? [`code: ${d.code}`] : []),
    ...(d.vendorMessage !== undefined ? [`message: ${d.vendorMessage}`] : []),
  ];
  const parts = [
    ...(d.status !== undefined ? [`HTTP ${d.status}`] : []),
    ...(said.length > 0 ? [`(${said.join(', ')})`] : []),
  ];
  const head = parts.join(' ');
  if (d.reason === undefined) return head || d.kind;
  return head ? `${head}: ${d.reason}` : d.reason;
}
