/** `services[]`: what must not lapse. */
import { CRITICALITIES, SERVICE_KINDS, type ServiceConfig, type ServiceKind } from '../model';
import {
  describeValue,
  expectMapping,
  readBoolean,
  readDate,
  readEnum,
  readId,
  readList,
  readString,
  reportUnknownKeys,
  valueOf,
  type Mapping,
} from './fields';
import { reportDuplicateId, unknownReferenceMessage, type ListPosition } from './ids';
import { fieldPath, itemPath, type ProblemLog } from './problem-log';
import { readReminderDays } from './reminder-days';

const SERVICE_FIELDS = [
  'id',
  'name',
  'project',
  'account',
  'kind',
  'expiresOn',
  'autoRenew',
  'owners',
  'criticality',
  'reminderDays',
  'channels',
] as const;

/** Kinds that lapse on a date the user must know; prepaid and postpaid run out with the balance instead. */
const DATED_KINDS: readonly ServiceKind[] = ['subscription', 'contract', 'package', 'sdk-support'];

/** What a service may refer to, and what it inherits when it says nothing. */
export interface ServiceContext {
  readonly accountIds: ReadonlyMap<string, number>;
  readonly channelIds: ReadonlyMap<string, number>;
  /** The document's tiers; undefined when they are themselves invalid (the document fails anyway). */
  readonly reminderDays: readonly number[] | undefined;
}

export function validateService(
  log: ProblemLog,
  raw: unknown,
  at: ListPosition,
  ctx: ServiceContext,
): ServiceConfig | undefined {
  const path = itemPath(at.listPath, at.index);
  const obj = expectMapping(log, raw, path, 'a service (a mapping with id, name, project, kind and owners)');
  if (!obj) return undefined;
  const before = log.count;
  reportUnknownKeys(log, obj, path, SERVICE_FIELDS);

  const id = readId(log, obj, path, 'live-rtc');
  if (id !== undefined) reportDuplicateId(log, id, at);
  const name = readString(log, obj, path, 'name', { required: 'give a display name such as "Live app RTC"' });
  const project = readString(log, obj, path, 'project', { required: 'name the project the service belongs to' });
  const account = readString(log, obj, path, 'account');
  if (account !== undefined && !ctx.accountIds.has(account)) {
    log.error(fieldPath(path, 'account'), unknownReferenceMessage(account, 'an account', 'accounts', ctx.accountIds));
  }
  const kind = readEnum(log, obj, path, 'kind', SERVICE_KINDS, 'a service kind', true);
  const dated = kind !== undefined && DATED_KINDS.includes(kind);
  const expiresOn = readDate(
    log,
    obj,
    path,
    'expiresOn',
    dated ? `required for kind ${kind}; give the day it lapses as YYYY-MM-DD` : undefined,
  );
  const autoRenew = readBoolean(log, obj, path, 'autoRenew') ?? false;
  const owners = readOwners(log, obj, path);
  const criticality = readEnum(log, obj, path, 'criticality', CRITICALITIES, 'a criticality', false) ?? 'standard';
  const ownDays = valueOf(obj, 'reminderDays');
  const reminderDays =
    ownDays === undefined ? ctx.reminderDays : readReminderDays(log, ownDays, fieldPath(path, 'reminderDays'));
  const channels = readChannelRefs(log, obj, path, ctx.channelIds);

  if (log.count > before) return undefined;
  return {
    id: id!,
    name: name!,
    project: project!,
    ...(account !== undefined && { account }),
    kind: kind!,
    ...(expiresOn !== undefined && { expiresOn }),
    autoRenew,
    owners: owners!,
    criticality,
    reminderDays: reminderDays ?? [],
    channels: channels ?? [...ctx.channelIds.keys()],
  };
}

/** Owners are named in every alert, so at least one is needed; names and email addresses both do. */
function readOwners(log: ProblemLog, obj: Mapping, path: string): string[] | undefined {
  const at = fieldPath(path, 'owners');
  if (valueOf(obj, 'owners') === undefined) {
    log.error(at, 'required; name at least one responsible person, e.g. [alice@example.com]');
    return undefined;
  }
  const list = readList(log, obj, path, 'owners', 'a list of names or email addresses');
  if (list === undefined) return undefined;
  if (list.length === 0) {
    log.error(at, 'empty; name at least one responsible person, e.g. [alice@example.com]');
    return undefined;
  }
  const owners: string[] = [];
  list.forEach((owner, i) => {
    if (typeof owner !== 'string') {
      log.error(itemPath(at, i), `expected a name or email address, got ${describeValue(owner)}`);
    } else if (owner.trim() === '') {
      log.error(itemPath(at, i), 'empty; give a name or email address');
    } else {
      owners.push(owner.trim());
    }
  });
  return owners.length === list.length ? owners : undefined;
}

/** The service's own channel ids, or undefined to mean "every channel". */
function readChannelRefs(
  log: ProblemLog,
  obj: Mapping,
  path: string,
  channelIds: ReadonlyMap<string, number>,
): string[] | undefined {
  const at = fieldPath(path, 'channels');
  const list = readList(log, obj, path, 'channels', 'a list of channel ids');
  if (list === undefined) return undefined;
  if (list.length === 0) {
    log.error(at, 'empty; list channel ids, or leave the field out to use every channel');
    return undefined;
  }
  const seen = new Map<string, number>();
  list.forEach((ref, i) => {
    const refPath = itemPath(at, i);
    if (typeof ref !== 'string') {
      log.error(refPath, `expected a channel id, got ${describeValue(ref)}`);
    } else if (!channelIds.has(ref)) {
      log.error(refPath, unknownReferenceMessage(ref, 'a channel', 'channels', channelIds));
    } else if (seen.has(ref)) {
      log.error(refPath, `${describeValue(ref)} is listed twice (also at ${itemPath(at, seen.get(ref)!)}); keep one`);
    } else {
      seen.set(ref, i);
    }
  });
  return [...seen.keys()];
}
