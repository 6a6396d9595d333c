/**
 * What a document's free text may hold, and how much of it: user text is data, and every service must
 * fit where the guard keeps and sends it.
 *
 * Sizes. A service is stored as ONE DynamoDB item (400 KB at most, UTF-8 bytes of names and values),
 * and every alert about it carries its name, project and owners into a ledger item (the same 400 KB)
 * and into ONE SNS message (256 KB at most), where the rendered texts repeat them (subject, body, SMS,
 * chat card). The caps below keep the texts of the largest valid service within SERVICE_TEXT_BUDGET_BYTES,
 * a sixth of the smaller limit, so that even repeated several times over in an alert, plus the alert's
 * own fields, it stays inside both. test/adversarial/registry-fit.test.ts writes the largest valid
 * service and an alert about it to a real (emulated) table to prove it.
 *
 * Characters. Names, owners, projects and entitlements are one line of plain text: C0/C1 control
 * characters (newlines, tabs, escape, NUL, DEL), the Unicode line and paragraph separators and the
 * bidirectional overrides, embeddings, isolates and marks (which reorder what a reader sees, the
 * "Trojan Source" trick) are refused wherever a message, a table or a calendar would show them.
 */
import type { ProblemLog } from './problem-log';
import { MAX_LINK_LENGTH } from './service-links';

/** DynamoDB's item size limit (names + values, UTF-8). */
export const DYNAMODB_ITEM_LIMIT_BYTES = 400 * 1024;
/** SNS's message size limit (the guard's alert topic). */
export const SNS_MESSAGE_LIMIT_BYTES = 256 * 1024;
/** The UTF-8 bytes the texts of one service may take at most: a sixth of SNS's limit (see above). */
export const SERVICE_TEXT_BUDGET_BYTES = Math.floor(SNS_MESSAGE_LIMIT_BYTES / 6);
/** UTF-8 takes at most 4 bytes for one character (one code point). */
const MAX_BYTES_PER_CHAR = 4;

/** Per-field caps, in characters (code points). */
export const TEXT_LIMITS = {
  name: 200,
  project: 100,
  entitlement: 200,
  /** An email address is at most 254 characters (RFC 5321 path limit); a person's name is shorter. */
  owner: 254,
  owners: 20,
  /**
   * Every service without its own `channels` lists every channel id in its item and its alerts. Above
   * the notifier's own cap (150 chat, webhook and PagerDuty channels, one SNS filter policy), so that
   * cap keeps its own message.
   */
  channels: 200,
  /** Entitlement ids, names or patterns one service claims (`claims`), each at most `entitlement` long. */
  claims: 6,
} as const;

/** Ids are ASCII, at most 64 characters (`ID_PATTERN`). */
const MAX_ID_BYTES = 64;

/**
 * The largest the texts of a valid service can be, in bytes: its free texts at 4 bytes a character,
 * its id, account, replacedBy and channel ids as ASCII. Checked against the budget by a test.
 */
export function largestServiceTextBytes(): number {
  const freeText =
    TEXT_LIMITS.name +
    TEXT_LIMITS.project +
    TEXT_LIMITS.entitlement * (1 + TEXT_LIMITS.claims) +
    TEXT_LIMITS.owner * TEXT_LIMITS.owners;
  const ids = MAX_ID_BYTES * (3 + TEXT_LIMITS.channels);
  // renewUrl and runbook: ASCII (service-links.ts)
  const links = 2 * MAX_LINK_LENGTH;
  return freeText * MAX_BYTES_PER_CHAR + ids + links;
}

/** Why the caps exist, for the messages that name them. */
export const SIZE_REASON =
  'every service is one DynamoDB item (400 KB at most) and each alert about it one SNS message (256 KB at most)';

// C0 controls, DEL, C1 controls; line and paragraph separators; bidi marks, embeddings, overrides, isolates.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u;

/** The first character a one-line text may not hold, as `U+000A`, or undefined when there is none. */
export function forbiddenCharacter(text: string): { codePoint: string; index: number } | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  const hex = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return { codePoint: `U+${hex}`, index: [...text.slice(0, match.index)].length };
}

/** Characters as a reader counts them (code points), not UTF-16 units. */
export function characterCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Checks one line of user text: no control or bidi characters, at most `max` characters. Reports at
 * `path` and returns false when it is refused. `what` names the text (`a name`).
 */
export function checkOneLineText(log: ProblemLog, text: string, path: string, max: number, what: string): boolean {
  const bad = forbiddenCharacter(text);
  if (bad) {
    log.error(
      path,
      `contains the control character ${bad.codePoint} at position ${bad.index + 1}; ${what} is one line of plain ` +
        'text (no newlines, tabs, control or bidirectional-override characters)',
    );
    return false;
  }
  const length = characterCount(text);
  if (length > max) {
    log.error(path, `${length} characters; at most ${max} (${SIZE_REASON})`);
    return false;
  }
  return true;
}

/** A list capped in length: `services[3].owners: 2000 owners; at most 20 (...)`. */
export function checkListLength(
  log: ProblemLog,
  list: readonly unknown[],
  path: string,
  max: number,
  noun: string,
): boolean {
  if (list.length <= max) return true;
  log.error(path, `${list.length} ${noun}; at most ${max} (${SIZE_REASON})`);
  return false;
}
