/**
 * The fields that give a service kind its meaning: a contract's `noticeDays` (its decision date is
 * `expiresOn − noticeDays`), an SDK's `version` and `endOfSupport` ("upgrade", not "renew"). Each is
 * refused on a kind it means nothing for, so a typo in `kind` cannot silently drop it.
 */
import { describeValue, readDate, readString, valueOf, type Mapping } from './fields';
import { fieldPath, type ProblemLog } from './problem-log';
import type { IsoDate, ServiceKind } from '../model';

/** Ten years: a notice period longer than that is a typo for something else. */
export const MAX_NOTICE_DAYS = 3650;

export interface KindFields {
  readonly noticeDays?: number;
  readonly version?: string;
  readonly endOfSupport?: IsoDate;
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
): KindFields {
  const fields: { noticeDays?: number; version?: string; endOfSupport?: IsoDate } = {};
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
  return fields;
}
