/**
 * The UpdateItem requests of the registry, as data: the expressions live here, the class only sends them.
 * Every name goes through a `#placeholder`, so no attribute can collide with a DynamoDB reserved word.
 */
import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { ATTR, ledgerKey, serviceKey, toStorable, unique, type VersionedLedgerEntry } from './registry-items';
import type { ServiceWrite } from './sync-plan';
import { REGISTRY_PARTITION_KEY } from '../../../src/shared/registry-schema';
import type { Alert } from '../../core/model';
import type { DeliveryTarget, OutboxLease } from '../../core/registry-port';

export type UpdateRequest = Omit<UpdateCommandInput, 'TableName'>;

/**
 * Creates or rewrites a service, un-retiring it. An UpdateItem rather than a PutItem: lastAlertKeys written
 * by a concurrent claim survive, and the map exists from the start so a claim can SET one kind inside it.
 */
export function upsertService(write: ServiceWrite, now: string): UpdateRequest {
  return {
    Key: serviceKey(write.service.id),
    UpdateExpression:
      'SET #service = :service, #hash = :hash, #retired = :false, #updatedAt = :now, ' +
      '#lak = if_not_exists(#lak, :empty) REMOVE #retiredAt',
    ExpressionAttributeNames: {
      '#service': ATTR.service,
      '#hash': ATTR.configHash,
      '#retired': ATTR.retired,
      '#updatedAt': ATTR.updatedAt,
      '#lak': ATTR.lastAlertKeys,
      '#retiredAt': ATTR.retiredAt,
    },
    ExpressionAttributeValues: {
      ':service': toStorable(write.service),
      ':hash': write.configHash,
      ':false': false,
      ':now': now,
      ':empty': {},
    },
  };
}

export function retireService(serviceId: string, now: string): UpdateRequest {
  return {
    Key: serviceKey(serviceId),
    UpdateExpression: 'SET #retired = :true, #retiredAt = :now, #updatedAt = :now',
    ExpressionAttributeNames: { '#retired': ATTR.retired, '#retiredAt': ATTR.retiredAt, '#updatedAt': ATTR.updatedAt },
    ExpressionAttributeValues: { ':true': true, ':now': now },
  };
}

/** DynamoDB cannot SET a path inside a missing map: this fails its condition when the map is absent. */
export function setLastAlertKey(serviceId: string, alert: Alert): UpdateRequest {
  return {
    Key: serviceKey(serviceId),
    UpdateExpression: 'SET #lak.#kind = :key',
    ConditionExpression: 'attribute_exists(#lak)',
    ExpressionAttributeNames: { '#lak': ATTR.lastAlertKeys, '#kind': alert.kind },
    ExpressionAttributeValues: { ':key': alert.key },
  };
}

/** The fallback for service items written before lastAlertKeys existed; never creates a service item. */
export function createLastAlertKeys(serviceId: string, alert: Alert): UpdateRequest {
  return {
    Key: serviceKey(serviceId),
    UpdateExpression: 'SET #lak = :map',
    ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#lak)',
    ExpressionAttributeNames: { '#lak': ATTR.lastAlertKeys, '#pk': REGISTRY_PARTITION_KEY },
    ExpressionAttributeValues: { ':map': { [alert.kind]: alert.key } },
  };
}

/**
 * Moves `target` from pending to delivered on the ledger entry as read, guarded by its version, so two
 * concurrent deliveries of different targets cannot overwrite each other (the loser re-reads and retries).
 * Undefined when the target is already recorded: delivering twice records once.
 */
export function recordDelivery(
  key: string,
  read: VersionedLedgerEntry,
  target: DeliveryTarget,
  at: string,
): UpdateRequest | undefined {
  const { entry, version, deliveredAt } = read;
  if (entry.deliveredTargets.includes(target) && !entry.pendingTargets.includes(target)) return undefined;
  const pending = entry.pendingTargets.filter((t) => t !== target);
  const leavesOutbox = pending.length === 0;
  return {
    Key: ledgerKey(key),
    // Leaving the outbox drops the index key: the sparse GSI only ever holds what is still owed.
    UpdateExpression:
      'SET #pending = :pending, #delivered = :delivered, #deliveredAt = :deliveredAt, #version = :next' +
      (leavesOutbox ? ' REMOVE #outboxPk' : ''),
    ConditionExpression: '#version = :version',
    ExpressionAttributeNames: {
      '#pending': ATTR.pendingTargets,
      '#delivered': ATTR.deliveredTargets,
      '#deliveredAt': ATTR.deliveredAt,
      '#version': ATTR.version,
      ...(leavesOutbox ? { '#outboxPk': ATTR.outboxPk } : {}),
    },
    ExpressionAttributeValues: {
      ':pending': pending,
      ':delivered': unique([...entry.deliveredTargets, target]),
      ':deliveredAt': { ...deliveredAt, [target]: at },
      ':version': version,
      ':next': version + 1,
    },
  };
}

/**
 * Moves an outbox entry's lease from `seen` to `by`, only if it is still under `seen` and still owes a
 * delivery: the conditional write that lets exactly one of several cycles take an abandoned entry over.
 */
export function takeOverLease(key: string, seen: OutboxLease, by: OutboxLease): UpdateRequest {
  return {
    Key: ledgerKey(key),
    UpdateExpression: 'SET #leasedBy = :by, #leasedAt = :byAt',
    ConditionExpression:
      'attribute_exists(#outboxPk) AND (' +
      '(attribute_not_exists(#leasedBy) AND #cycleId = :seen AND #claimedAt = :seenAt) OR ' +
      '(#leasedBy = :seen AND #leasedAt = :seenAt))',
    ExpressionAttributeNames: {
      '#leasedBy': ATTR.leasedBy,
      '#leasedAt': ATTR.leasedAt,
      '#outboxPk': ATTR.outboxPk,
      '#cycleId': ATTR.cycleId,
      '#claimedAt': ATTR.claimedAt,
    },
    ExpressionAttributeValues: { ':by': by.cycleId, ':byAt': by.at, ':seen': seen.cycleId, ':seenAt': seen.at },
  };
}
