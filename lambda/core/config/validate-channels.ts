/** `channels[]`: where alerts go. */
import { CHANNEL_TYPES, LANGUAGES, SEVERITIES, type ChannelConfig, type ChannelType } from '../model';
import {
  describeValue,
  expectMapping,
  readBoolean,
  readEnum,
  readId,
  readList,
  reportUnknownKeys,
  valueOf,
  type Mapping,
} from './fields';
import { reportDuplicateId, type ListPosition } from './ids';
import { fieldPath, itemPath, type ProblemLog } from './problem-log';
import { readSecretName } from './secret-names';
import { closestMatch } from './suggest';

const CHANNEL_FIELDS = ['id', 'type', 'to', 'minSeverity', 'language', 'operators', 'secret', 'options'] as const;

// Deliberately loose: one @, something on each side, a dot in the domain. The mail system is the real
// judge; this only catches a name or a phone number in the wrong list.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{6,14}$/;

interface Recipients {
  readonly noun: string;
  readonly listNoun: string;
  readonly check: (s: string) => boolean;
  readonly invalid: string;
}

const RECIPIENTS: Partial<Record<ChannelType, Recipients>> = {
  email: {
    noun: 'email address',
    listNoun: 'a list of email addresses',
    check: (s) => EMAIL.test(s),
    invalid: 'is not an email address',
  },
  sms: {
    noun: 'E.164 phone number (e.g. +8613800000000)',
    listNoun: 'a list of E.164 phone numbers',
    check: (s) => E164.test(s),
    invalid: 'is not an E.164 phone number (e.g. +8613800000000)',
  },
};

/** What the secret of a chat / webhook / pagerduty channel holds, for the "required" message. */
function secretContent(type: ChannelType): string {
  return type === 'pagerduty' ? 'routing key' : 'webhook URL';
}

export function validateChannel(log: ProblemLog, raw: unknown, at: ListPosition): ChannelConfig | undefined {
  const path = itemPath(at.listPath, at.index);
  const obj = expectMapping(log, raw, path, 'a channel (a mapping with id and type)');
  if (!obj) return undefined;
  const before = log.count;
  reportUnknownKeys(log, obj, path, CHANNEL_FIELDS);

  const id = readId(log, obj, path, 'ops');
  if (id !== undefined) reportDuplicateId(log, id, at);
  const type = readEnum(log, obj, path, 'type', CHANNEL_TYPES, 'a channel type', true);
  const to = type === undefined ? [] : readRecipients(log, obj, path, type);
  const secret = type === undefined ? undefined : readChannelSecret(log, obj, path, type, id);
  const minSeverity = readEnum(log, obj, path, 'minSeverity', SEVERITIES, 'a severity', false) ?? 'info';
  // a channel may speak another language than the document (a team abroad, a vendor's own robot)
  const language = readEnum(log, obj, path, 'language', LANGUAGES, 'a supported language', false);
  // the guard's operators read it: it also gets the guard's CloudWatch alarms (see operatorChannels)
  const operators = readBoolean(log, obj, path, 'operators');
  const optionsValue = valueOf(obj, 'options');
  const optionsAt = fieldPath(path, 'options');
  const rawOptions =
    optionsValue === undefined
      ? {}
      : expectMapping(log, optionsValue, optionsAt, 'a mapping of settings for this channel type');
  const options = rawOptions && type !== undefined ? readChannelOptions(log, rawOptions, optionsAt, type) : rawOptions;

  if (log.count > before) return undefined;
  return {
    id: id!,
    type: type!,
    to: to ?? [],
    minSeverity,
    ...(language !== undefined && { language }),
    ...(operators !== undefined && { operators }),
    ...(secret !== undefined && { secret }),
    options: { ...options },
  };
}

function readRecipients(log: ProblemLog, obj: Mapping, path: string, type: ChannelType): string[] | undefined {
  const at = fieldPath(path, 'to');
  const rule = RECIPIENTS[type];
  const value = valueOf(obj, 'to');
  if (!rule) {
    if (value !== undefined) log.error(at, `not used by type ${type}; remove it`);
    return [];
  }
  if (value === undefined) {
    log.error(at, `required for type ${type}; list at least one ${rule.noun}`);
    return undefined;
  }
  const list = readList(log, obj, path, 'to', rule.listNoun);
  if (list === undefined) return undefined;
  if (list.length === 0) {
    log.error(at, `empty; list at least one ${rule.noun}`);
    return undefined;
  }
  const recipients: string[] = [];
  list.forEach((item, i) => {
    const itemAt = itemPath(at, i);
    if (type === 'sms' && typeof item === 'number') {
      // YAML reads an unquoted +8613800000000 as a number and drops the +.
      log.error(itemAt, `expected a quoted phone number such as "+8613800000000", got ${item}`);
    } else if (typeof item !== 'string') {
      log.error(itemAt, `expected an ${rule.noun}, got ${describeValue(item)}`);
    } else if (!rule.check(item.trim())) {
      log.error(itemAt, `${describeValue(item)} ${rule.invalid}`);
    } else {
      recipients.push(item.trim());
    }
  });
  return recipients.length === list.length ? recipients : undefined;
}

function readChannelSecret(
  log: ProblemLog,
  obj: Mapping,
  path: string,
  type: ChannelType,
  id: string | undefined,
): string | undefined {
  const value = valueOf(obj, 'secret');
  const at = fieldPath(path, 'secret');
  if (RECIPIENTS[type]) {
    if (value !== undefined) log.error(at, `not used by type ${type}; remove it`);
    return undefined;
  }
  if (value === undefined) {
    log.error(
      at,
      `required for type ${type}; give the name of the Secrets Manager secret holding its ${secretContent(type)}`,
    );
    return undefined;
  }
  return readSecretName(log, value, at, `renewal-guard/${id ?? 'ops'}`);
}

/** Reads one option's value; reports and returns undefined when it is wrong. */
type OptionReader = (log: ProblemLog, options: Mapping, path: string, key: string) => unknown;

// A DingTalk mobile as its robot API takes it: digits, optionally a + and country code, hyphens allowed.
const MOBILE = /^\+?[0-9][0-9-]{4,19}$/;

/**
 * The options each channel type understands. Unknown keys are mistakes (a misspelt `atAll` would
 * silently never mention anyone), so each one is reported by name.
 */
const CHANNEL_OPTIONS: Readonly<Record<ChannelType, Readonly<Record<string, OptionReader>>>> = {
  email: {},
  sms: {},
  dingtalk: { atMobiles: readMobiles, atAll: readBoolean },
  feishu: {},
  wecom: {},
  slack: {},
  teams: {},
  webhook: {},
  pagerduty: {},
};

function readChannelOptions(
  log: ProblemLog,
  options: Mapping,
  path: string,
  type: ChannelType,
): Record<string, unknown> | undefined {
  const readers = CHANNEL_OPTIONS[type];
  const known = Object.keys(readers);
  const before = log.count;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(options)) {
    const at = fieldPath(path, key);
    const reader = readers[key];
    if (!reader) {
      log.error(at, unknownOptionMessage(key, type, known));
      continue;
    }
    const value = reader(log, options, path, key);
    if (value !== undefined) result[key] = value;
  }
  return log.count > before ? undefined : result;
}

function unknownOptionMessage(key: string, type: ChannelType, known: readonly string[]): string {
  if (known.length === 0) return `not an option of type ${type}, which takes none; remove it`;
  const suggestion = closestMatch(key, known);
  return suggestion
    ? `not an option of type ${type}; did you mean ${suggestion}?`
    : `not an option of type ${type}; its options are ${known.join(', ')}`;
}

function readMobiles(log: ProblemLog, options: Mapping, path: string, key: string): string[] | undefined {
  const list = readList(log, options, path, key, 'a list of mobile numbers');
  if (list === undefined) return undefined;
  const at = fieldPath(path, key);
  const mobiles: string[] = [];
  list.forEach((item, i) => {
    const itemAt = itemPath(at, i);
    if (typeof item === 'number') {
      // YAML reads an unquoted 13800000000 as a number (and drops a leading +).
      log.error(itemAt, `expected a quoted mobile number such as "13800000000", got ${item}`);
    } else if (typeof item !== 'string') {
      log.error(itemAt, `expected a mobile number, got ${describeValue(item)}`);
    } else if (!MOBILE.test(item.trim())) {
      log.error(itemAt, `${describeValue(item)} is not a mobile number (digits, optionally with + and a country code)`);
    } else {
      mobiles.push(item.trim());
    }
  });
  return mobiles.length === list.length ? mobiles : undefined;
}
