/**
 * Idempotency keys of the policy's alerts. Every key reads `<subject>:<kind>:<what it is about>`, and
 * names exactly what would make a new alert worth sending: the expiry date (so a renewal starts fresh
 * keys), the severity of an episode that worsens, the day or month of a spend figure. The ledger's
 * conditional write then makes each fire once, however often cycles run.
 */
import type { AlertKind, IsoDate } from '../model';

/** Ids are `[a-z0-9-]`, so no service or account can own a key under this subject. */
export const GUARD_SUBJECT = '_guard';

export function spendAlertKey(accountId: string, kind: 'spend-spike' | 'spend-growth', period: string): string {
  return `${accountId}:${kind}:${period}`;
}

/** `live-rtc:auto-renew-risk:2026-10-09:critical`, `live-rtc:renewal-missed:2026-10-09`. */
export function serviceAlertKey(serviceId: string, kind: AlertKind, ...about: readonly (string | number)[]): string {
  return [serviceId, kind, ...about].join(':');
}

export function digestKey(date: IsoDate): string {
  return `${GUARD_SUBJECT}:digest:${date}`;
}

const ESCALATED = ':escalated';
const REPEAT = /:repeat:\d{4}-\d{2}-\d{2}$/;

/** The once-only escalation of an alert to the stronger channels. */
export function escalatedKey(key: string): string {
  return `${key}${ESCALATED}`;
}

/** The repeat of an emergency on a later day: one per day. */
export function repeatKey(key: string, date: IsoDate): string {
  return `${key}:repeat:${date}`;
}

/**
 * The key an alert's episode is acknowledged under: the alert's own key, without the `:escalated` or
 * `:repeat:<day>` its escalation and repeats add. Acknowledging any of them acknowledges the episode;
 * the next tier, a worse severity or a renewal is another root and fires as planned.
 */
export function ackRoot(key: string): string {
  if (REPEAT.test(key)) return key.replace(REPEAT, '');
  if (key.endsWith(ESCALATED)) return key.slice(0, -ESCALATED.length);
  return key;
}
