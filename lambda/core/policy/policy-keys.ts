/**
 * Idempotency keys of the policy's alerts. Every key reads `<subject>:<kind>:<what it is about>`, and
 * names exactly what would make a new alert worth sending: the expiry date (so a renewal starts fresh
 * keys), the severity of an episode that worsens, the day or month of a spend figure. The ledger's
 * conditional write then makes each fire once, however often cycles run.
 */
import { ALERT_KINDS, type AlertKind, type IsoDate, type Severity } from '../model';

/** Ids are `[a-z0-9-]`, so no service or account can own a key under this subject. */
export const GUARD_SUBJECT = '_guard';

/**
 * The idempotency key of an expiry reminder. It names the expiry date being warned about, so a renewal
 * (a later `expiresOn`) starts a fresh set of keys and the old ones can never fire again. The same key
 * is the PagerDuty dedup_key and the ledger's partition key.
 */
export function expiryAlertKey(serviceId: string, expiresOn: IsoDate, tier: number): string {
  return `${serviceId}:expiry:${expiresOn}:${tier}`;
}

/** The key of a low-balance episode's alert at one severity: the episode is named after its first day. */
export function balanceAlertKey(accountId: string, lowSince: IsoDate, severity: Severity | 'recovered'): string {
  return `${accountId}:balance:${lowSince}:${severity}`;
}

/** The key of a blind spot, named after the instant polling started failing. */
export function blindSpotAlertKey(accountId: string, failingSince: string): string {
  return `${accountId}:blind-spot:${failingSince}`;
}

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

/** A ledger key must fit a DynamoDB partition key (2048 bytes); real keys are under 200 characters. */
export const MAX_ALERT_KEY_LENGTH = 512;
const SUBJECT = /^(?:[a-z0-9-]{1,64}|_guard)$/;
const SEGMENT = /^[A-Za-z0-9._+-]+$/;

/** What `parseAlertKey` reads out of a key. */
export interface ParsedAlertKey {
  /** The service or account id, or `_guard`. */
  readonly subject: string;
  readonly kind: AlertKind;
  /** What the key is about: dates, tiers, severities, periods (instants split at their colons). */
  readonly about: readonly string[];
}

/**
 * The syntax every key built in this module (and `expiryAlertKey`, `balanceAlertKey`,
 * `blindSpotAlertKey`) has: `<subject>:<kind>[:<segment>]...`, where the subject is an id
 * (`[a-z0-9-]`, 1 to 64) or `_guard`, the kind one of ALERT_KINDS, and each segment one or more of
 * `A-Z a-z 0-9 . _ + -`; at most MAX_ALERT_KEY_LENGTH characters. Returns undefined for anything else
 * (whitespace, newlines, empty segments, unknown kinds), so a typed or pasted key can be refused before
 * it reaches the ledger. A test checks that every builder's output parses.
 */
export function parseAlertKey(key: string): ParsedAlertKey | undefined {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_ALERT_KEY_LENGTH) return undefined;
  const [subject, kind, ...about] = key.split(':');
  if (!SUBJECT.test(subject!) || kind === undefined || !(ALERT_KINDS as readonly string[]).includes(kind)) {
    return undefined;
  }
  if (!about.every((segment) => SEGMENT.test(segment))) return undefined;
  return { subject: subject!, kind: kind as AlertKind, about };
}
