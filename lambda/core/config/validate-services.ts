/** `services[]`: what must not lapse. */
import { compareDates } from '../dates';
import {
  CRITICALITIES,
  SERVICE_KINDS,
  type CriticalityTiers,
  type Price,
  type ServiceConfig,
  type ServiceKind,
} from '../model';
import {
  describeValue,
  expectMapping,
  isMapping,
  readBoolean,
  readDate,
  readEnum,
  readId,
  readList,
  readString,
  reportUnknownKeys,
  unknownFieldMessage,
  valueOf,
  type Mapping,
} from './fields';
import { reportDuplicateId, unknownReferenceMessage, type ListPosition } from './ids';
import { fieldPath, itemPath, type ProblemLog } from './problem-log';
import { readReminderDays } from './reminder-days';
import { readServiceLinks } from './service-links';
import { checkListLength, checkOneLineText, TEXT_LIMITS } from './text-limits';
import { datedByEndOfSupport, readKindFields } from './validate-service-kinds';
import { tiersForCriticality } from '../policy/criticality-tiers';

export const SERVICE_FIELDS = [
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
  'renewalPrice',
  'replacedBy',
  'startsOn',
  'ownersConfirmedOn',
  'entitlement',
  'claims',
  'noticeDays',
  'version',
  'endOfSupport',
  'paysFor',
  'renewUrl',
  'runbook',
] as const;

const PRICE_FIELDS = ['amount', 'currency'] as const;
const CURRENCY = /^[A-Z]{3}$/;

/** Kinds that lapse on a date the user must know; prepaid and postpaid run out with the balance instead. */
const DATED_KINDS: readonly ServiceKind[] = ['subscription', 'contract', 'package', 'sdk-support', 'payment-method'];

/** What a service may refer to, and what it inherits when it says nothing. */
export interface ServiceContext {
  readonly accountIds: ReadonlyMap<string, number>;
  readonly channelIds: ReadonlyMap<string, number>;
  /** The document's tiers; undefined when they are themselves invalid (the document fails anyway). */
  readonly reminderDays: readonly number[] | undefined;
  /** The document's `criticalityTiers`, when it sets valid ones. */
  readonly criticalityTiers?: CriticalityTiers;
  /** Every service id, for `replacedBy`. */
  readonly serviceIds?: ReadonlyMap<string, number>;
  /** Each service's `replacedBy` as written (see `collectSuccessors`), to find loops. */
  readonly successors?: ReadonlyMap<string, string>;
}

/** Service id → the id its `replacedBy` names, for every entry that has both well-formed. */
export function collectSuccessors(rawServices: readonly unknown[]): Map<string, string> {
  const successors = new Map<string, string>();
  for (const raw of rawServices) {
    if (!isMapping(raw) || typeof raw.id !== 'string' || typeof raw.replacedBy !== 'string') continue;
    if (!successors.has(raw.id)) successors.set(raw.id, raw.replacedBy.trim());
  }
  return successors;
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
  const name = readString(log, obj, path, 'name', {
    required: 'give a display name such as "Live app RTC"',
    max: TEXT_LIMITS.name,
    what: 'a name',
  });
  const project = readString(log, obj, path, 'project', {
    required: 'name the project the service belongs to',
    max: TEXT_LIMITS.project,
    what: 'a project',
  });
  const account = readString(log, obj, path, 'account');
  if (account !== undefined && !ctx.accountIds.has(account)) {
    log.error(fieldPath(path, 'account'), unknownReferenceMessage(account, 'an account', 'accounts', ctx.accountIds));
  }
  const kind = readEnum(log, obj, path, 'kind', SERVICE_KINDS, 'a service kind', true);
  const dated = kind !== undefined && DATED_KINDS.includes(kind) && !datedByEndOfSupport(obj, kind);
  const declaredExpiry = readDate(
    log,
    obj,
    path,
    'expiresOn',
    dated ? `required for kind ${kind}; give the day it lapses as YYYY-MM-DD` : undefined,
  );
  const kindFields = readKindFields(log, obj, path, kind, declaredExpiry, ctx.serviceIds);
  // an SDK dated by its end of support: that day is the one every rule counts to
  const expiresOn = declaredExpiry ?? kindFields.endOfSupport;
  const autoRenew = readBoolean(log, obj, path, 'autoRenew') ?? false;
  const owners = readOwners(log, obj, path);
  const criticality = readEnum(log, obj, path, 'criticality', CRITICALITIES, 'a criticality', false) ?? 'standard';
  const ownDays = valueOf(obj, 'reminderDays');
  // A service's own tiers win; without them its criticality decides (standard: the document's tiers).
  const reminderDays =
    ownDays !== undefined
      ? readReminderDays(log, ownDays, fieldPath(path, 'reminderDays'))
      : ctx.reminderDays && tiersForCriticality(criticality, ctx.reminderDays, ctx.criticalityTiers);
  const channels = readChannelRefs(log, obj, path, ctx.channelIds);
  const renewalPrice = readRenewalPrice(log, obj, path);
  const replacedBy = readReplacedBy(log, obj, path, id, ctx);
  const startsOn = readDate(log, obj, path, 'startsOn');
  if (startsOn !== undefined && expiresOn !== undefined && compareDates(startsOn, expiresOn) >= 0) {
    log.error(fieldPath(path, 'startsOn'), `${startsOn} is not before expiresOn ${expiresOn}`);
  }
  const ownersConfirmedOn = readDate(log, obj, path, 'ownersConfirmedOn');
  const entitlement = readString(log, obj, path, 'entitlement', {
    max: TEXT_LIMITS.entitlement,
    what: 'an entitlement',
  });
  if (entitlement !== undefined && valueOf(obj, 'account') === undefined) {
    log.error(
      fieldPath(path, 'entitlement'),
      'needs account: name the vendor account whose subscriptions or packages include it',
    );
  }
  const claims = readClaims(log, obj, path);
  const links = readServiceLinks(log, obj, path);
  warnUnusedPolicyFields(log, path, { renewalPrice, autoRenew, account, replacedBy, expiresOn });

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
    reminderDays: reminderDays ? [...reminderDays] : [],
    channels: channels ?? [...ctx.channelIds.keys()],
    ...(renewalPrice !== undefined && { renewalPrice }),
    ...(replacedBy !== undefined && { replacedBy }),
    ...(startsOn !== undefined && { startsOn }),
    ...(ownersConfirmedOn !== undefined && { ownersConfirmedOn }),
    ...(entitlement !== undefined && { entitlement }),
    ...(claims !== undefined && { claims }),
    ...kindFields,
    ...links,
  };
}

/** `claims`: more entitlements of the account, by id, name or `*` pattern; each one line, each once. */
function readClaims(log: ProblemLog, obj: Mapping, path: string): string[] | undefined {
  const at = fieldPath(path, 'claims');
  const list = readList(log, obj, path, 'claims', 'a list of entitlement ids, names or patterns such as rtc-cn-*');
  if (list === undefined) return undefined;
  if (list.length === 0) {
    log.error(at, 'empty; list entitlement ids, names or patterns such as rtc-cn-*, or leave the field out');
    return undefined;
  }
  if (valueOf(obj, 'account') === undefined) {
    log.error(at, 'needs account: name the vendor account whose entitlements this service claims');
    return undefined;
  }
  if (!checkListLength(log, list, at, TEXT_LIMITS.claims, 'claims')) return undefined;
  const claims: string[] = [];
  list.forEach((claim, i) => {
    const claimPath = itemPath(at, i);
    if (typeof claim !== 'string') {
      log.error(claimPath, `expected an entitlement id, name or pattern, got ${describeValue(claim)}`);
    } else if (claim.trim() === '') {
      log.error(claimPath, 'empty; give an entitlement id, name or pattern such as rtc-cn-*');
    } else if (claims.includes(claim.trim())) {
      log.error(claimPath, `${describeValue(claim.trim())} is listed twice; keep one`);
    } else if (checkOneLineText(log, claim.trim(), claimPath, TEXT_LIMITS.entitlement, 'a claim')) {
      claims.push(claim.trim());
    }
  });
  return claims.length === list.length ? claims : undefined;
}

/** What an automatic renewal costs: a positive amount and an ISO 4217 code. */
function readRenewalPrice(log: ProblemLog, obj: Mapping, path: string): Price | undefined {
  const value = valueOf(obj, 'renewalPrice');
  const at = fieldPath(path, 'renewalPrice');
  if (value === undefined) return undefined;
  if (!isMapping(value)) {
    log.error(
      at,
      `expected a mapping with amount and currency, e.g. { amount: 1200, currency: USD }, got ${describeValue(value)}`,
    );
    return undefined;
  }
  const before = log.count;
  for (const key of Object.keys(value)) {
    if (!(PRICE_FIELDS as readonly string[]).includes(key)) {
      log.error(fieldPath(at, key), unknownFieldMessage(key, PRICE_FIELDS));
    }
  }
  const amount = valueOf(value, 'amount');
  if (amount === undefined) {
    log.error(fieldPath(at, 'amount'), 'required; give the price in the account currency, e.g. 1200');
  } else if (typeof amount !== 'number') {
    log.error(fieldPath(at, 'amount'), `expected a number, got ${describeValue(amount)}`);
  } else if (!(amount > 0) || !Number.isFinite(amount)) {
    log.error(fieldPath(at, 'amount'), `${amount} is out of range; give an amount above 0`);
  }
  const currency = valueOf(value, 'currency');
  if (currency === undefined) {
    log.error(fieldPath(at, 'currency'), 'required; give an ISO 4217 currency code such as USD or CNY');
  } else if (typeof currency !== 'string' || !CURRENCY.test(currency)) {
    const hint =
      typeof currency === 'string' && CURRENCY.test(currency.trim().toUpperCase())
        ? `; did you mean ${currency.trim().toUpperCase()}?`
        : '';
    log.error(
      fieldPath(at, 'currency'),
      `${describeValue(currency)} is not an ISO 4217 currency code such as USD or CNY${hint}`,
    );
  }
  if (log.count > before) return undefined;
  return { amount: amount as number, currency: currency as string };
}

/** The id of an existing, other service, whose own chain of successors does not lead back here. */
function readReplacedBy(
  log: ProblemLog,
  obj: Mapping,
  path: string,
  id: string | undefined,
  ctx: ServiceContext,
): string | undefined {
  const successor = readString(log, obj, path, 'replacedBy');
  const at = fieldPath(path, 'replacedBy');
  if (successor === undefined) return undefined;
  const serviceIds = ctx.serviceIds ?? new Map<string, number>();
  if (!serviceIds.has(successor)) {
    log.error(at, unknownReferenceMessage(successor, 'a service', 'services', serviceIds));
    return undefined;
  }
  if (successor === id) {
    log.error(at, `${describeValue(successor)} is this service itself; name the service that takes over from it`);
    return undefined;
  }
  const chain = [id, successor];
  for (let next = ctx.successors?.get(successor); next !== undefined; next = ctx.successors?.get(next)) {
    if (chain.includes(next)) {
      if (next === id) {
        log.error(
          at,
          `${describeValue(successor)} leads back to ${describeValue(id)} (${[...chain, next].join(' → ')}); a chain of successors cannot loop`,
        );
        return undefined;
      }
      break; // a loop further on, reported where it closes
    }
    chain.push(next);
  }
  return successor;
}

/** Fields that are valid but do nothing in this combination: worth a warning, not a failure. */
function warnUnusedPolicyFields(
  log: ProblemLog,
  path: string,
  s: { renewalPrice?: Price; autoRenew: boolean; account?: string; replacedBy?: string; expiresOn?: string },
): void {
  if (s.renewalPrice && !s.autoRenew) {
    log.warn(fieldPath(path, 'renewalPrice'), 'only used with autoRenew: true; no balance is checked against it');
  } else if (s.renewalPrice && s.account === undefined) {
    log.warn(
      fieldPath(path, 'renewalPrice'),
      'the service names no account, so there is no balance to check it against',
    );
  }
  if (s.replacedBy !== undefined && s.expiresOn === undefined) {
    log.warn(
      fieldPath(path, 'replacedBy'),
      'the service has no expiresOn, so no gap before its successor can be found',
    );
  }
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
  if (!checkListLength(log, list, at, TEXT_LIMITS.owners, 'owners')) return undefined;
  const owners: string[] = [];
  list.forEach((owner, i) => {
    if (typeof owner !== 'string') {
      log.error(itemPath(at, i), `expected a name or email address, got ${describeValue(owner)}`);
    } else if (owner.trim() === '') {
      log.error(itemPath(at, i), 'empty; give a name or email address');
    } else if (checkOneLineText(log, owner.trim(), itemPath(at, i), TEXT_LIMITS.owner, 'an owner')) {
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
