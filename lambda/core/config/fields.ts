/**
 * Typed readers for one field of a mapping. Each reports what is wrong into the log and returns
 * `undefined`, so the caller carries on and every problem of the document is found in one pass.
 * YAML's empty value (`key:` with nothing after it) reads as null and counts as absent.
 */
import { isCalendarDate, isSupportedDate, isTimeOfDay, SUPPORTED_YEARS } from '../dates';
import type { IsoDate } from '../model';
import { looksLikeKeyMaterial } from './credential-patterns';
import { fieldPath, ProblemLog } from './problem-log';
import { closestMatch } from './suggest';
import { checkOneLineText } from './text-limits';

export type Mapping = Readonly<Record<string, unknown>>;

export const ID_PATTERN = /^[a-z0-9-]{1,64}$/;
const MAX_ECHO = 60;

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a bad value is named in a message: strings quoted (and shortened), collections by their shape. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    if (looksLikeKeyMaterial(value)) return 'a value that looks like a key (not repeated here)';
    return JSON.stringify(value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO - 3)}...` : value);
  }
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

/** The value of `key`, or undefined when the key is missing or empty (null). */
export function valueOf(obj: Mapping, key: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(obj, key)) return undefined;
  const value = obj[key];
  return value === null ? undefined : value;
}

/** Reports keys that are not in `known`, suggesting the nearest known key when there is one. */
export function reportUnknownKeys(log: ProblemLog, obj: Mapping, path: string, known: readonly string[]): void {
  for (const key of Object.keys(obj)) {
    if (known.includes(key)) continue;
    log.error(fieldPath(path, key), unknownFieldMessage(key, known));
  }
}

export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const suggestion = closestMatch(key, known);
  return suggestion
    ? `unknown field; did you mean ${suggestion}?`
    : `unknown field; known fields are ${known.join(', ')}`;
}

/** Reads a mapping at `path` (a list item or a field value that is already known to be present). */
export function expectMapping(log: ProblemLog, value: unknown, path: string, what: string): Mapping | undefined {
  if (isMapping(value)) return value;
  log.error(path, `expected ${what}, got ${describeValue(value)}`);
  return undefined;
}

export interface StringField {
  /** The fix named when the field is missing or blank (`give a display name`); omit for optional fields. */
  readonly required?: string;
  /** At most this many characters (see text-limits.ts). @default 256 */
  readonly max?: number;
  /** What the text is, for the message about characters it may not hold. @default 'the value' */
  readonly what?: string;
}

/** The cap of a one-line text field without its own. */
export const DEFAULT_MAX_TEXT = 256;

/** A non-blank string, trimmed. */
export function readString(
  log: ProblemLog,
  obj: Mapping,
  path: string,
  key: string,
  opts: StringField = {},
): string | undefined {
  const value = valueOf(obj, key);
  const at = fieldPath(path, key);
  if (value === undefined) {
    if (opts.required) log.error(at, `required; ${opts.required}`);
    return undefined;
  }
  if (typeof value !== 'string') {
    log.error(at, `expected a string, got ${describeValue(value)}`);
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed === '') {
    log.error(at, `empty; ${opts.required ?? 'give a value or leave the field out'}`);
    return undefined;
  }
  if (!checkOneLineText(log, trimmed, at, opts.max ?? DEFAULT_MAX_TEXT, opts.what ?? 'the value')) return undefined;
  return trimmed;
}

export function readBoolean(log: ProblemLog, obj: Mapping, path: string, key: string): boolean | undefined {
  const value = valueOf(obj, key);
  if (value === undefined || typeof value === 'boolean') return value;
  log.error(fieldPath(path, key), `expected true or false, got ${describeValue(value)}`);
  return undefined;
}

/** One of a closed set of words; the message lists them all and suggests the likely one. */
export function readEnum<T extends string>(
  log: ProblemLog,
  obj: Mapping,
  path: string,
  key: string,
  allowed: readonly T[],
  noun: string,
  required: boolean,
): T | undefined {
  const value = valueOf(obj, key);
  const at = fieldPath(path, key);
  const list = allowed.join(', ');
  if (value === undefined) {
    if (required) log.error(at, `required; one of ${list}`);
    return undefined;
  }
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const suggestion = typeof value === 'string' ? closestMatch(value, allowed) : undefined;
  log.error(
    at,
    `${describeValue(value)} is not ${noun}; expected one of ${list}${suggestion ? `; did you mean ${suggestion}?` : ''}`,
  );
  return undefined;
}

/** A strict `HH:MM` wall-clock time. */
export function readTime(
  log: ProblemLog,
  obj: Mapping,
  path: string,
  key: string,
  required: boolean,
): string | undefined {
  const value = valueOf(obj, key);
  const at = fieldPath(path, key);
  if (value === undefined) {
    if (required) log.error(at, 'required; give a time as "HH:MM"');
    return undefined;
  }
  if (typeof value !== 'string') {
    log.error(at, `expected a time as "HH:MM", got ${describeValue(value)}`);
    return undefined;
  }
  if (isTimeOfDay(value)) return value;
  log.error(at, `${describeValue(value)} is not a time (expected HH:MM, 00:00 to 23:59)`);
  return undefined;
}

/** A strict `YYYY-MM-DD` naming a real day. `requiredFix` names the fix when it is missing. */
export function readDate(
  log: ProblemLog,
  obj: Mapping,
  path: string,
  key: string,
  requiredFix?: string,
): IsoDate | undefined {
  const value = valueOf(obj, key);
  const at = fieldPath(path, key);
  if (value === undefined) {
    if (requiredFix) log.error(at, requiredFix);
    return undefined;
  }
  if (typeof value !== 'string') {
    log.error(at, `expected a date as YYYY-MM-DD, got ${describeValue(value)}`);
    return undefined;
  }
  if (!isCalendarDate(value)) {
    log.error(at, `${describeValue(value)} is not a calendar date (expected YYYY-MM-DD)`);
    return undefined;
  }
  if (isSupportedDate(value)) return value;
  log.error(
    at,
    `${describeValue(value)} is outside the supported years ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last}; give a real date in that range`,
  );
  return undefined;
}

/** A list; `what` describes the items for the type error (`a list of email addresses`). */
export function readList(
  log: ProblemLog,
  obj: Mapping,
  path: string,
  key: string,
  what: string,
): readonly unknown[] | undefined {
  const value = valueOf(obj, key);
  if (value === undefined || Array.isArray(value)) return value;
  log.error(fieldPath(path, key), `expected ${what}, got ${describeValue(value)}`);
  return undefined;
}

/** An id of the shape every id shares: lowercase letters, digits and hyphens, 1 to 64 of them. */
export function readId(log: ProblemLog, obj: Mapping, path: string, example: string): string | undefined {
  const value = valueOf(obj, 'id');
  const at = fieldPath(path, 'id');
  if (value === undefined) {
    log.error(at, `required; give a unique id such as ${example}`);
    return undefined;
  }
  if (typeof value === 'string' && ID_PATTERN.test(value)) return value;
  if (typeof value !== 'string') {
    log.error(at, `expected an id such as ${example}, got ${describeValue(value)}`);
    return undefined;
  }
  log.error(at, `${describeValue(value)} is not a valid id; use 1 to 64 lowercase letters, digits and hyphens`);
  return undefined;
}
