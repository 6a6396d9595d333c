/**
 * The fields that give a service kind its meaning: a contract's `noticeDays` (its decision date is
 * `expiresOn − noticeDays`), an SDK's `version` and `endOfSupport` ("upgrade", not "renew"). Each is
 * refused on a kind it means nothing for, so a typo in `kind` cannot silently drop it.
 */
import { describeValue, readDate, readList, readString, valueOf, type Mapping } from './fields';
import { unknownReferenceMessage } from './ids';
import { fieldPath, itemPath, type ProblemLog } from './problem-log';
import type { IsoDate, ServiceKind } from '../model';

/** Ten years: a notice period longer than that is a typo for something else. */
export const MAX_NOTICE_DAYS = 3650;

export interface KindFields {
  readonly noticeDays?: number;
  readonly version?: string;
  readonly endOfSupport?: IsoDate;
  readonly paysFor?: readonly string[];
}

/** Whether an `sdk-support` entry dates itself by `endOfSupport` instead of `expiresOn`. */
export function datedByEndOfSupport(obj: Mapping, kind: ServiceKind | undefined): boolean {
  return kind === 'sdk-support' && valueOf(obj, 'endOfSupport') !== undefined;
}

export function readKindFields(
  log: ProblemLog,
  obj: Mapping,
  path: string,
  kind: ServiceKind | undefined,
  expiresOn: IsoDate | undefined,
  serviceIds: ReadonlyMap<string, number> = new Map(),
): KindFields {
  const fields: { noticeDays?: number; version?: string; endOfSupport?: IsoDate; paysFor?: string[] } = {};
  const notice = valueOf(obj, 'noticeDays');
  if (notice !== undefined) {
    const at = fieldPath(path, 'noticeDays');
    if (kind !== undefined && kind !== 'contract') {
      log.error(at, `only for kind contract (this service is ${kind}): the days of notice before expiresOn`);
    } else if (typeof notice !== 'number' || !Number.isInteger(notice)) {
      log.error(at, `expected a whole number of days, got ${describeValue(notice)}`);
    } else if (notice < 1 || notice > MAX_NOTICE_DAYS) {
      log.error(at, `${notice} is out of range; give 1 to ${MAX_NOTICE_DAYS} days`);
    } else {
      fields.noticeDays = notice;
    }
  }
  const sdkOnly = (key: string, what: string) => {
    if (valueOf(obj, key) !== undefined && kind !== undefined && kind !== 'sdk-support') {
      log.error(fieldPath(path, key), `only for kind sdk-support (this service is ${kind}): ${what}`);
      return false;
    }
    return true;
  };
  if (sdkOnly('version', 'the SDK version whose support ends')) {
    const version = readString(log, obj, path, 'version', { max: 100, what: 'a version' });
    if (version !== undefined) fields.version = version;
  }
  if (sdkOnly('endOfSupport', 'the day support for the SDK version ends')) {
    const end = readDate(log, obj, path, 'endOfSupport');
    if (end !== undefined && expiresOn !== undefined && end !== expiresOn) {
      log.error(
        fieldPath(path, 'endOfSupport'),
        `${end} differs from expiresOn ${expiresOn}; for an SDK they are the same day, give one of them`,
      );
    } else if (end !== undefined) {
      fields.endOfSupport = end;
    }
  }
  const paysFor = readPaysFor(log, obj, path, kind, serviceIds);
  if (paysFor !== undefined) fields.paysFor = paysFor;
  return fields;
}

/** `paysFor`: the ids of the services a payment method pays for, each an existing other service, once. */
function readPaysFor(
  log: ProblemLog,
  obj: Mapping,
  path: string,
  kind: ServiceKind | undefined,
  serviceIds: ReadonlyMap<string, number>,
): string[] | undefined {
  const at = fieldPath(path, 'paysFor');
  if (valueOf(obj, 'paysFor') === undefined) return undefined;
  if (kind !== undefined && kind !== 'payment-method') {
    log.error(at, `only for kind payment-method (this service is ${kind}): the services charged to it`);
    return undefined;
  }
  const list = readList(log, obj, path, 'paysFor', 'a list of service ids');
  if (list === undefined) return undefined;
  if (list.length === 0) {
    log.error(at, 'empty; list the ids of the auto-renewing services charged to it, or leave the field out');
    return undefined;
  }
  const ids: string[] = [];
  list.forEach((ref, i) => {
    if (typeof ref !== 'string') {
      log.error(itemPath(at, i), `expected a service id, got ${describeValue(ref)}`);
    } else if (!serviceIds.has(ref)) {
      log.error(itemPath(at, i), unknownReferenceMessage(ref, 'a service', 'services', serviceIds));
    } else if (ref === valueOf(obj, 'id')) {
      log.error(itemPath(at, i), `${describeValue(ref)} is this payment method itself; name the services it pays for`);
    } else if (ids.includes(ref)) {
      log.error(itemPath(at, i), `${describeValue(ref)} is listed twice; keep one`);
    } else {
      ids.push(ref);
    }
  });
  return ids.length === list.length ? ids : undefined;
}
