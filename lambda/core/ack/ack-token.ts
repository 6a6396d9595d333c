/**
 * Signed acknowledge / snooze / report links: `<payload>.<signature>`, both base64url without padding.
 *
 * - payload: the claims as JSON with a fixed field order (`{"v":1,"k":key,"a":action,"e":epochSeconds}`,
 *   plus `"s":snoozeDays` for a snooze), so one set of claims always yields the same token;
 * - signature: HMAC-SHA256 of the payload's base64url text under the link signing key.
 *
 * The claims are not secret (the key of an alert is in the message anyway); the signature makes them
 * unforgeable and `e` makes a leaked link stop working. Verification compares in constant time, reads
 * no claim before the signature holds, and reports only a reason: never the token, the key or the secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AckLinkError } from './ack-error';

/**
 * What a link may do. `report` opens the HTML report (a digest's link) and records nothing: verifiers
 * name the actions they accept, so a report link never acknowledges and an acknowledge link never opens
 * the report, although both are signed with the same key.
 */
export const ACK_ACTIONS = ['ack', 'snooze', 'report'] as const;
export type AckAction = (typeof ACK_ACTIONS)[number];
/** The actions of the acknowledge route, and what a verifier accepts unless told otherwise. */
export const ACKNOWLEDGE_ACTIONS: readonly AckAction[] = ['ack', 'snooze'];

export interface AckClaims {
  /** The alert key acknowledged, e.g. `live-rtc:expiry:2026-10-09:7`; for `report`, the digest's key. */
  readonly key: string;
  /** The link stops working at this instant (whole seconds). */
  readonly expiresAt: Date;
  readonly action: AckAction;
  /** For `snooze`: how long repeats and escalations pause, in days. */
  readonly snoozeDays?: number;
}

export type AckTokenFailure = 'malformed' | 'bad-signature' | 'expired' | 'wrong-action';

export type AckTokenVerdict =
  { readonly ok: true; readonly claims: AckClaims } | { readonly ok: false; readonly reason: AckTokenFailure };

/** Generated secrets are 32 characters by default (Secrets Manager, CDK); shorter keys are guessable. */
export const MIN_SIGNING_KEY_LENGTH = 32;
/** A snooze is a pause, not a silence: beyond 90 days, acknowledge the alert instead. */
export const MAX_SNOOZE_DAYS = 90;
/** DynamoDB keys hold 2 KB; alert keys are far shorter, and a link must stay short enough to click. */
export const MAX_ALERT_KEY_LENGTH = 512;
// A token for the longest key is ~740 characters; anything far longer is not one of ours.
const MAX_TOKEN_LENGTH = 1024;
const TOKEN_VERSION = 1;
// 32-byte HMAC-SHA256 → 43 base64url characters.
const TOKEN_SHAPE = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/**
 * Signs the claims of an acknowledge (or snooze) link.
 *
 * @example
 * const token = signAckToken(
 *   { key: 'live-rtc:expiry:2026-10-09:7', expiresAt: new Date('2026-10-10T00:00:00Z'), action: 'ack' },
 *   linkSigningKey,
 * );
 * ackUrl('https://abc.lambda-url.ap-east-1.on.aws/', token);
 */
export function signAckToken(claims: AckClaims, secret: string): string {
  requireSigningKey(secret);
  const problems = claimProblems(claims);
  if (problems.length > 0) throw new AckLinkError(`cannot sign an acknowledge link: ${problems.join('; ')}`);
  const payload = Buffer.from(canonicalPayload(claims), 'utf8').toString('base64url');
  return `${payload}.${signature(payload, secret)}`;
}

/**
 * Checks a token's shape, then its signature, then its claims, then its expiry, then that its action is
 * one the caller accepts (by default acknowledge and snooze, never `report`), in that order.
 */
export function verifyAckToken(
  token: string,
  secret: string,
  now: Date,
  accept: readonly AckAction[] = ACKNOWLEDGE_ACTIONS,
): AckTokenVerdict {
  requireSigningKey(secret);
  const shape = typeof token === 'string' && token.length <= MAX_TOKEN_LENGTH ? TOKEN_SHAPE.exec(token) : null;
  if (!shape) return { ok: false, reason: 'malformed' };
  const [, payload, given] = shape as unknown as [string, string, string];

  // Both sides are 43 ASCII characters, so the comparison's time says nothing about where they differ;
  // comparing text rather than decoded bytes also rejects the 4 spellings base64url allows for 256 bits.
  if (!timingSafeEqual(Buffer.from(signature(payload, secret), 'ascii'), Buffer.from(given, 'ascii'))) {
    return { ok: false, reason: 'bad-signature' };
  }

  const claims = parseClaims(Buffer.from(payload, 'base64url').toString('utf8'));
  if (!claims) return { ok: false, reason: 'malformed' };
  if (now.getTime() >= claims.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  if (!accept.includes(claims.action)) return { ok: false, reason: 'wrong-action' };
  return { ok: true, claims };
}

function signature(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload, 'ascii').digest('base64url');
}

function requireSigningKey(secret: string): void {
  if (typeof secret !== 'string' || secret.length < MIN_SIGNING_KEY_LENGTH) {
    throw new AckLinkError(`the link signing key must be at least ${MIN_SIGNING_KEY_LENGTH} characters`);
  }
}

function claimProblems(claims: AckClaims): string[] {
  const problems: string[] = [];
  const { key, expiresAt, action, snoozeDays } = claims;
  if (typeof key !== 'string' || key === '' || key.length > MAX_ALERT_KEY_LENGTH || CONTROL_CHARACTERS.test(key)) {
    problems.push(`key must be 1 to ${MAX_ALERT_KEY_LENGTH} characters without control characters`);
  }
  if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) problems.push('expiresAt is not a valid Date');
  if (!ACK_ACTIONS.includes(action)) problems.push(`action must be one of ${ACK_ACTIONS.join(', ')}`);
  if (action === 'snooze' && !isSnoozeDays(snoozeDays)) {
    problems.push(`a snooze needs snoozeDays, a whole number from 1 to ${MAX_SNOOZE_DAYS}`);
  }
  if (action !== 'snooze' && snoozeDays !== undefined) problems.push('snoozeDays is only for a snooze');
  return problems;
}

function isSnoozeDays(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_SNOOZE_DAYS;
}

/** Field order is fixed here, not left to the caller's object: equal claims, equal tokens. */
function canonicalPayload(claims: AckClaims): string {
  const fields: Array<[string, unknown]> = [
    ['v', TOKEN_VERSION],
    ['k', claims.key],
    ['a', claims.action],
    ['e', Math.floor(claims.expiresAt.getTime() / 1000)],
  ];
  if (claims.action === 'snooze') fields.push(['s', claims.snoozeDays]);
  return `{${fields.map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`).join(',')}}`;
}

/**
 * The claims of a payload whose signature already holds. Anything unexpected is `malformed` rather than
 * trusted: only a holder of the key could have signed it, but a later version's token is not ours to read.
 */
function parseClaims(json: string): AckClaims | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { v, k, a, e, s, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0 || v !== TOKEN_VERSION || typeof k !== 'string' || !Number.isSafeInteger(e)) {
    return undefined;
  }
  const claims: AckClaims =
    a === 'snooze'
      ? { key: k, expiresAt: new Date((e as number) * 1000), action: 'snooze', snoozeDays: s as number }
      : { key: k, expiresAt: new Date((e as number) * 1000), action: a as AckAction };
  if (a !== 'snooze' && s !== undefined) return undefined;
  return claimProblems(claims).length === 0 ? claims : undefined;
}
