/**
 * How registry records are laid out as DynamoDB items, and the codec between items and the port's
 * records. The layout is described at the top of ../dynamo-registry.ts.
 */
import { createHash } from 'node:crypto';
import {
  REGISTRY_OUTBOX_PARTITION_KEY,
  REGISTRY_OUTBOX_SORT_KEY,
  REGISTRY_PARTITION_KEY,
  REGISTRY_PARTITIONS,
  REGISTRY_SORT_KEY,
  REGISTRY_TTL_ATTRIBUTE,
} from '../../../src/shared/registry-schema';
import type { Alert, ServiceConfig } from '../../core/model';
import type { LedgerEntry, ServiceRecord } from '../../core/registry-port';

/** Every service lives in this one partition, so the whole list is a paginated Query, not N reads. */
export const SERVICE_PARTITION = REGISTRY_PARTITIONS.services;
export const LEDGER_PARTITION_PREFIX = REGISTRY_PARTITIONS.ledgerPrefix;
export const LEDGER_SORT_VALUE = 'ALERT';
/** The only value of the outbox index's partition key: pending entries sort by claimedAt inside it. */
export const OUTBOX_PENDING = 'PENDING';
/** Ledger entries outlive the longest reminder horizon (a yearly renewal plus its 60-day tier). */
export const LEDGER_RETENTION_DAYS = 400;

/** Attribute names beyond the shared key schema. Always sent as `#placeholders` (reserved words). */
export const ATTR = {
  service: 'service',
  retired: 'retired',
  retiredAt: 'retiredAt',
  updatedAt: 'updatedAt',
  lastAlertKeys: 'lastAlertKeys',
  configHash: 'configHash',
  alert: 'alert',
  cycleId: 'cycleId',
  notBefore: 'notBefore',
  /** The cycle that took an outbox entry over, and when (absent while the claiming cycle holds it). */
  leasedBy: 'leasedBy',
  leasedAt: 'leasedAt',
  claimedAt: REGISTRY_OUTBOX_SORT_KEY,
  /** String set of the targets still owed; a delivery DELETEs from it (absent once empty). */
  pending: 'pending',
  /** String set of the targets delivered; a delivery ADDs to it. */
  delivered: 'delivered',
  /**
   * Lists of items written before the sets (with a `version` for read-then-write): still read, never
   * written. A target in `delivered` is no longer pending, whichever attribute listed it.
   */
  legacyPendingTargets: 'pendingTargets',
  legacyDeliveredTargets: 'deliveredTargets',
  /** target → instant of its delivery, for audits; not part of LedgerEntry. */
  deliveredAt: 'deliveredAt',
  outboxPk: REGISTRY_OUTBOX_PARTITION_KEY,
  expiresAt: REGISTRY_TTL_ATTRIBUTE,
} as const;

export type Item = Record<string, unknown>;

export function serviceKey(serviceId: string): Item {
  return { [REGISTRY_PARTITION_KEY]: SERVICE_PARTITION, [REGISTRY_SORT_KEY]: serviceId };
}

export function ledgerKey(alertKey: string): Item {
  return { [REGISTRY_PARTITION_KEY]: `${LEDGER_PARTITION_PREFIX}${alertKey}`, [REGISTRY_SORT_KEY]: LEDGER_SORT_VALUE };
}

/**
 * Plain data as DynamoDB can store it: the injected client may not be configured with
 * `removeUndefinedValues`, and optional model fields are often present-but-undefined.
 */
export function toStorable<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Stable across key order and absent-vs-undefined fields, so only a real change rewrites an item. */
export function configHash(service: ServiceConfig): string {
  return createHash('sha256').update(canonicalJson(service)).digest('hex');
}

/** Epoch seconds at which DynamoDB TTL may drop a ledger entry claimed at `claimedAt`. */
export function ledgerExpiry(claimedAt: string): number {
  const claimedMs = Date.parse(claimedAt);
  if (Number.isNaN(claimedMs)) {
    throw new TypeError(`claimAlert: claimedAt "${claimedAt}" is not an ISO-8601 instant`);
  }
  return Math.floor(claimedMs / 1000) + LEDGER_RETENTION_DAYS * 86_400;
}

export function toLedgerItem(entry: LedgerEntry): Item {
  const pending = unique(entry.pendingTargets).filter((target) => !entry.deliveredTargets.includes(target));
  return {
    ...ledgerKey(entry.alert.key),
    [ATTR.alert]: toStorable(entry.alert),
    [ATTR.cycleId]: entry.cycleId,
    [ATTR.claimedAt]: entry.claimedAt,
    // DynamoDB has no empty sets: an empty one is an absent attribute
    ...(pending.length > 0 && { [ATTR.pending]: new Set(pending) }),
    ...(entry.deliveredTargets.length > 0 && { [ATTR.delivered]: new Set(entry.deliveredTargets) }),
    [ATTR.deliveredAt]: {},
    [ATTR.expiresAt]: ledgerExpiry(entry.claimedAt),
    ...(entry.notBefore !== undefined && { [ATTR.notBefore]: entry.notBefore }),
    // Only entries that still owe a delivery carry the index key: the outbox index stays sparse.
    ...(pending.length > 0 ? { [ATTR.outboxPk]: OUTBOX_PENDING } : {}),
  };
}

export function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

/** Raised for an item this code did not write: decoding it further would hide the damage. */
export class CorruptItemError extends TypeError {
  public override readonly name = 'CorruptItemError';
}

function requireString(item: Item, attribute: string, what: string): string {
  const value = item[attribute];
  if (typeof value !== 'string') throw new CorruptItemError(`${what}: attribute "${attribute}" is not a string`);
  return value;
}

/** A string set (SS), or a list of strings as items written before the sets hold them. */
function stringSet(item: Item, attribute: string, what: string): string[] {
  const raw = item[attribute] ?? [];
  const value: unknown[] = raw instanceof Set ? [...(raw as Set<unknown>)] : Array.isArray(raw) ? raw : [raw];
  if (value.some((v) => typeof v !== 'string')) {
    throw new CorruptItemError(`${what}: attribute "${attribute}" is not a set or list of strings`);
  }
  return value as string[];
}

function stringMap(item: Item, attribute: string, what: string): Record<string, string> {
  const value = item[attribute] ?? {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CorruptItemError(`${what}: attribute "${attribute}" is not a map`);
  }
  return { ...(value as Record<string, string>) };
}

export function fromServiceItem(item: Item): ServiceRecord {
  const what = `service item "${String(item[REGISTRY_SORT_KEY])}"`;
  const service = item[ATTR.service];
  if (typeof service !== 'object' || service === null) {
    throw new CorruptItemError(`${what}: attribute "${ATTR.service}" is not a map`);
  }
  const retiredAt = item[ATTR.retiredAt];
  return {
    service: service as ServiceConfig,
    retired: item[ATTR.retired] === true,
    ...(typeof retiredAt === 'string' ? { retiredAt } : {}),
    updatedAt: requireString(item, ATTR.updatedAt, what),
    lastAlertKeys: stringMap(item, ATTR.lastAlertKeys, what),
  };
}

export interface StoredLedgerEntry {
  readonly entry: LedgerEntry;
  readonly deliveredAt: Record<string, string>;
}

/** Reads both layouts: string sets, and the lists (with a version) of items written before them. */
export function fromLedgerItem(item: Item): StoredLedgerEntry {
  const what = `ledger item "${String(item[REGISTRY_PARTITION_KEY])}"`;
  const alert = item[ATTR.alert];
  if (typeof alert !== 'object' || alert === null) {
    throw new CorruptItemError(`${what}: attribute "${ATTR.alert}" is not a map`);
  }
  const delivered = unique([
    ...stringSet(item, ATTR.legacyDeliveredTargets, what),
    ...stringSet(item, ATTR.delivered, what),
  ]);
  const pending = unique([
    ...stringSet(item, ATTR.legacyPendingTargets, what),
    ...stringSet(item, ATTR.pending, what),
  ]).filter((target) => !delivered.includes(target));
  return {
    entry: {
      alert: alert as Alert,
      cycleId: requireString(item, ATTR.cycleId, what),
      claimedAt: requireString(item, ATTR.claimedAt, what),
      pendingTargets: pending,
      deliveredTargets: delivered,
      ...(item[ATTR.notBefore] !== undefined && { notBefore: requireString(item, ATTR.notBefore, what) }),
      ...(item[ATTR.leasedBy] !== undefined && {
        lease: { cycleId: requireString(item, ATTR.leasedBy, what), at: requireString(item, ATTR.leasedAt, what) },
      }),
    },
    deliveredAt: stringMap(item, ATTR.deliveredAt, what),
  };
}
