/**
 * How patiently one use of the outbound client calls out: vendor billing APIs and channel deliveries
 * share the client and differ only here.
 */
export interface HttpPolicy {
  /** Per attempt, headers and body included. */
  readonly timeoutMs: number;
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
  /**
   * `full`: the k-th retry waits random × min(cap, base × 2^(k−1)) (vendors: spreads a fleet of accounts);
   * `equal`: half of that fixed, half random (channels: a retry is never immediate).
   */
  readonly jitter: 'full' | 'equal';
  readonly backoffBaseMs: number;
  readonly backoffCapMs: number;
  /** The longest `Retry-After` (or verdict's `retryAfterMs`) honoured. */
  readonly maxRetryAfterMs: number;
  /**
   * What a longer `Retry-After` gets: `cap` waits `maxRetryAfterMs` and tries again (a poll must finish
   * within its cycle); `give-up` stops now with a retryable failure, so the alert stays owed (outbox,
   * the notifier's queue) for a later try rather than hold a delivery for an hour.
   */
  readonly longerRetryAfter: 'cap' | 'give-up';
  /** Answers longer than this fail as `malformed`: a runaway or hostile answer cannot exhaust memory. */
  readonly maxResponseBytes: number;
}

/** Vendor billing APIs: a cycle polls many accounts, so retries are quick and bounded. */
export const VENDOR_HTTP_POLICY: HttpPolicy = {
  timeoutMs: 10_000,
  maxAttempts: 4,
  jitter: 'full',
  backoffBaseMs: 500,
  backoffCapMs: 8_000,
  maxRetryAfterMs: 30_000,
  longerRetryAfter: 'cap',
  maxResponseBytes: 1_048_576,
};

/** Chat, webhook and PagerDuty deliveries: a robot's throttling is honoured; a long one leaves the alert owed. */
export const CHANNEL_HTTP_POLICY: HttpPolicy = {
  timeoutMs: 10_000,
  maxAttempts: 4,
  jitter: 'equal',
  backoffBaseMs: 1_000,
  backoffCapMs: 20_000,
  maxRetryAfterMs: 60_000,
  longerRetryAfter: 'give-up',
  maxResponseBytes: 1_048_576,
};

/** The wait after failed attempt number `attempt` (1, 2...), when the remote side asked for none. */
export function backoffDelay(attempt: number, policy: HttpPolicy, random: () => number): number {
  const ceiling = Math.min(policy.backoffCapMs, policy.backoffBaseMs * 2 ** (attempt - 1));
  if (policy.jitter === 'full') return Math.floor(random() * ceiling);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** A policy with overrides, each checked: a zero timeout or a negative wait is a configuration error. */
export function httpPolicy(base: HttpPolicy, overrides: Partial<HttpPolicy> = {}, owner = 'http policy'): HttpPolicy {
  const policy = { ...base, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
  for (const name of ['timeoutMs', 'maxAttempts', 'maxResponseBytes'] as const) {
    if (!(policy[name] > 0)) throw new RangeError(`${owner}: ${name} must be greater than 0, got ${policy[name]}`);
  }
  for (const name of ['backoffBaseMs', 'backoffCapMs', 'maxRetryAfterMs'] as const) {
    if (!(policy[name] >= 0)) throw new RangeError(`${owner}: ${name} must be 0 or more, got ${policy[name]}`);
  }
  return { ...policy, maxAttempts: Math.floor(policy.maxAttempts) };
}
