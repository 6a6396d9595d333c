import { ackRoot } from './policy-keys';

/**
 * An acknowledgement as the policy needs it: the key it was recorded on and, for a snooze, when it ends.
 * Structurally the registry's `Acknowledgement` (lambda/core/ack), which can be passed as is.
 */
export interface AcknowledgementFact {
  readonly key: string;
  /** ISO-8601 instant a snooze ends; absent for an acknowledgement, which lasts as long as its key. */
  readonly until?: string;
}

/**
 * The episodes (see `ackRoot`) silenced at `now`: acknowledged, or snoozed until later than `now`.
 * An acknowledgement recorded on a repeat's or an escalation's key silences the whole episode.
 */
export function acknowledgedRoots(acks: readonly AcknowledgementFact[], now: Date): ReadonlySet<string> {
  const roots = new Set<string>();
  for (const ack of acks) {
    if (ack.until === undefined || now.getTime() < Date.parse(ack.until)) roots.add(ackRoot(ack.key));
  }
  return roots;
}

/** Whether an acknowledgement (or a running snooze) stops the repeats and escalations of `key`'s episode. */
export function isAcknowledged(key: string, silenced: ReadonlySet<string>): boolean {
  return silenced.has(ackRoot(key));
}
