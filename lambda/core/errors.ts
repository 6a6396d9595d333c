/**
 * The error hierarchy: every error says whether retrying can help, so handlers can tell a vendor's
 * passing outage from a configuration mistake, and infrastructure failures reach retries, DLQs and alarms.
 */
export class RenewalGuardError extends Error {
  readonly retryable: boolean;

  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RenewalGuardError';
    this.retryable = options.retryable;
  }
}

/** An alert could not be handed to a delivery target (SNS, EventBridge, a channel). */
export class DeliveryError extends RenewalGuardError {
  constructor(message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, options);
    this.name = 'DeliveryError';
  }
}

/** A cycle finished but left deliveries pending; they stay in the outbox for the next attempt. */
export class CycleIncompleteError extends RenewalGuardError {
  constructor(message: string) {
    super(message, { retryable: true });
    this.name = 'CycleIncompleteError';
  }
}

/** The message of any thrown value, for reports and logs. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
