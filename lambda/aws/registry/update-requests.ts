/**
 * The UpdateItem requests of the registry, as data: the expressions live here, the class only sends them.
 * Every name goes through a `#placeholder`, so no attribute can collide with a DynamoDB reserved word.
 */
import type { UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { ATTR, ledgerKey, serviceKey, toStorable, unique } from './registry-items';
import type { ServiceWrite } from './sync-plan';
import { REGISTRY_PARTITION_KEY } from '../../../src/shared/registry-schema';
import type { Alert } from '../../core/model';
import type { OutboxLease, RecordedDelivery } from '../../core/registry-port';

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
 * Records targets as delivered in one unconditional-on-content write: ADD to the delivered set, DELETE
 * from the pending set (both idempotent, so two deliveries of different targets cannot overwrite each
 * other and recording twice records once). When they settle the entry, the same write drops the index
 * key: the sparse GSI only ever holds what is still owed. The only condition is that the entry exists.
 */
export function recordDelivery(key: string, delivery: RecordedDelivery): UpdateRequest {
  const targets = unique(delivery.targets);
  const names = Object.fromEntries(targets.map((target, i) => [`#t${i}`, target]));
  // the first instant a target was recorded stays: a resend records nothing new
  const stamps = targets.map((_, i) => `#deliveredAt.#t${i} = if_not_exists(#deliveredAt.#t${i}, :at)`).join(', ');
  const clauses = [
    ...(targets.length > 0 ? [`ADD #delivered :targets DELETE #pending :targets SET ${stamps}`] : []),
    ...(delivery.settles ? ['REMOVE #outboxPk'] : []),
  ];
  return {
    Key: ledgerKey(key),
    UpdateExpression: clauses.join(' '),
    ConditionExpression: 'attribute_exists(#pk)',
    ExpressionAttributeNames: {
      '#pk': REGISTRY_PARTITION_KEY,
      ...(targets.length > 0 && {
        '#pending': ATTR.pending,
        '#delivered': ATTR.delivered,
        '#deliveredAt': ATTR.deliveredAt,
      }),
      ...names,
      ...(delivery.settles && { '#outboxPk': ATTR.outboxPk }),
    },
    ...(targets.length > 0 && { ExpressionAttributeValues: { ':targets': new Set(targets), ':at': delivery.at } }),
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
