import type { AckClaims } from './ack-token';

/**
 * An acknowledgement as the registry keeps it.
 *
 * It is recorded on one alert key, and keys name what they warn about: an expiry key carries the expiry
 * date and the tier (`live-rtc:expiry:2026-10-09:7`). So an acknowledgement ends by itself where the
 * contract says it should — the next tier is another key and fires as planned, and a renewal moves the
 * expiry date, which starts fresh keys that no acknowledgement covers. A snooze also ends at `until`.
 */
export interface Acknowledgement {
  /** The alert key acknowledged. */
  readonly key: string;
  /** Who acknowledged: a CLI user (`--by`), or `link` for a signed link from a message. */
  readonly by: string;
  /** ISO-8601 instant it was recorded. */
  readonly at: string;
  /** ISO-8601 instant a snooze ends; absent for an acknowledgement, which lasts as long as its key. */
  readonly until?: string;
}

/** Who an acknowledgement made through a signed link is recorded as: the link names no person. */
export const LINK_ACKNOWLEDGER = 'link';

const MS_PER_DAY = 86_400_000;

/**
 * The acknowledgement a verified link records at `now`: a snooze holds for its days counted from the
 * click, an acknowledgement for the life of its key.
 */
export function acknowledgementFromClaims(
  claims: AckClaims,
  now: Date,
  by: string = LINK_ACKNOWLEDGER,
): Acknowledgement {
  const at = now.toISOString();
  if (claims.action !== 'snooze' || claims.snoozeDays === undefined) return { key: claims.key, by, at };
  return { key: claims.key, by, at, until: new Date(now.getTime() + claims.snoozeDays * MS_PER_DAY).toISOString() };
}

/**
 * Whether an acknowledgement still silences its key's repeats and escalations at `now`: recorded, and
 * not a snooze that has run out. What the cycle asks before repeating or escalating an alert.
 */
export function acknowledgementHolds(ack: Acknowledgement | undefined, now: Date): boolean {
  if (ack === undefined) return false;
  return ack.until === undefined || now.getTime() < Date.parse(ack.until);
}
