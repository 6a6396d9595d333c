/**
 * Acknowledgement items: one per acknowledged alert key, beside that key's ledger entry.
 *
 * | item | pk            | sk    | attributes                                          |
 * |------|---------------|-------|-----------------------------------------------------|
 * | ack  | `ACK#<key>`   | `ACK` | alertKey, by, at, until?, expiresAt (TTL)           |
 *
 * `at` and `until` are stored as `toISOString()` text (UTC, milliseconds): one fixed-width shape, so a
 * condition can compare them as strings and get the order of the instants.
 */
import type { PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { CorruptItemError, type Item } from './registry-items';
import {
  REGISTRY_PARTITION_KEY,
  REGISTRY_PARTITIONS,
  REGISTRY_SORT_KEY,
  REGISTRY_TTL_ATTRIBUTE,
} from '../../../src/shared/registry-schema';
import type { Acknowledgement } from '../../core/ack/acknowledgement';

export const ACK_PARTITION_PREFIX = REGISTRY_PARTITIONS.ackPrefix;
export const ACK_SORT_VALUE = 'ACK';
/** Like the ledger's: an acknowledgement is kept as long as the alert it silences can be looked at. */
export const ACK_RETENTION_DAYS = 400;

export const ACK_ATTR = {
  alertKey: 'alertKey',
  by: 'by',
  at: 'at',
  until: 'until',
  expiresAt: REGISTRY_TTL_ATTRIBUTE,
} as const;

export function ackKey(alertKey: string): Item {
  return { [REGISTRY_PARTITION_KEY]: `${ACK_PARTITION_PREFIX}${alertKey}`, [REGISTRY_SORT_KEY]: ACK_SORT_VALUE };
}

/** The entry with its instants in the stored shape; throws TypeError for anything that is not one. */
export function normalizeAcknowledgement(entry: Acknowledgement): Acknowledgement {
  const problems: string[] = [];
  if (typeof entry.key !== 'string' || entry.key === '') problems.push('key is empty');
  if (typeof entry.by !== 'string' || entry.by === '') problems.push('by is empty');
  const at = isoInstant(entry.at);
  if (at === undefined) problems.push(`at "${entry.at}" is not an ISO-8601 instant`);
  const until = entry.until === undefined ? undefined : isoInstant(entry.until);
  if (entry.until !== undefined && until === undefined) {
    problems.push(`until "${entry.until}" is not an ISO-8601 instant`);
  }
  if (problems.length > 0) throw new TypeError(`acknowledge: ${problems.join('; ')}`);
  return { key: entry.key, by: entry.by, at: at!, ...(until === undefined ? {} : { until }) };
}

export function toAckItem(ack: Acknowledgement): Item {
  const lastsUntil = Math.max(Date.parse(ack.at), ack.until === undefined ? 0 : Date.parse(ack.until));
  return {
    ...ackKey(ack.key),
    [ACK_ATTR.alertKey]: ack.key,
    [ACK_ATTR.by]: ack.by,
    [ACK_ATTR.at]: ack.at,
    ...(ack.until === undefined ? {} : { [ACK_ATTR.until]: ack.until }),
    [ACK_ATTR.expiresAt]: Math.floor(lastsUntil / 1000) + ACK_RETENTION_DAYS * 86_400,
  };
}

/**
 * The put that records an acknowledgement. Only a write that silences the key for longer lands: a first
 * acknowledgement, or one that outlasts a recorded snooze. ISO text of one fixed shape compares like the
 * instants it names. A failed condition means the key is already silenced at least as long.
 */
export function putAcknowledgement(ack: Acknowledgement): Omit<PutCommandInput, 'TableName'> {
  return {
    Item: toAckItem(ack),
    ConditionExpression:
      ack.until === undefined
        ? 'attribute_not_exists(#pk) OR attribute_exists(#until)'
        : 'attribute_not_exists(#pk) OR #until < :until',
    ExpressionAttributeNames: { '#pk': REGISTRY_PARTITION_KEY, '#until': ACK_ATTR.until },
    ...(ack.until === undefined ? {} : { ExpressionAttributeValues: { ':until': ack.until } }),
  };
}

export function fromAckItem(item: Item): Acknowledgement {
  const what = `acknowledgement item "${String(item[REGISTRY_PARTITION_KEY])}"`;
  const text = (attribute: string): string => {
    const value = item[attribute];
    if (typeof value !== 'string') throw new CorruptItemError(`${what}: attribute "${attribute}" is not a string`);
    return value;
  };
  const until = item[ACK_ATTR.until];
  return {
    key: text(ACK_ATTR.alertKey),
    by: text(ACK_ATTR.by),
    at: text(ACK_ATTR.at),
    ...(typeof until === 'string' ? { until } : {}),
  };
}

function isoInstant(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
