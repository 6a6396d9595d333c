/** `channels[]`: where alerts go. */
import { CHANNEL_TYPES, SEVERITIES, type ChannelConfig, type ChannelType } from '../model';
import {
  describeValue,
  expectMapping,
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

const CHANNEL_FIELDS = ['id', 'type', 'to', 'minSeverity', 'secret', 'options'] as const;

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
  const optionsValue = valueOf(obj, 'options');
  const options =
    optionsValue === undefined
      ? {}
      : expectMapping(log, optionsValue, fieldPath(path, 'options'), 'a mapping of settings for this channel type');

  if (log.count > before) return undefined;
  return {
    id: id!,
    type: type!,
    to: to ?? [],
    minSeverity,
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
