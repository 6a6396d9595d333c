/**
 * The cycles' part of the registry port (CycleRegistry) on one DynamoDB table: everything the poller
 * reads and writes. DynamoRegistry (dynamo-registry.ts, where the table is described) extends it with the
 * two writes other roles own, syncing the declared services and recording acknowledgements; the poller
 * builds this class, so its bundle carries neither.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { REGISTRY_OUTBOX_INDEX, REGISTRY_PARTITION_KEY, REGISTRY_SORT_KEY } from '../../src/shared/registry-schema';
import type { AccountState } from '../core/accounts/account-state';
import type { Acknowledgement } from '../core/ack/acknowledgement';
import type { CycleRegistry, LedgerEntry, OutboxLease, RecordedDelivery, ServiceRecord } from '../core/registry-port';
import type { AccountSnapshot } from '../core/vendor-port';
import {
  ACCOUNT_PARTITION,
  fromAccountStateItem,
  fromSnapshotItem,
  SNAPSHOT_PARTITION_PREFIX,
  toAccountStateItem,
  toSnapshotItem,
} from './registry/account-items';
import { ackKey, fromAckItem } from './registry/ack-items';
import { batchGet, batchPut } from './registry/batch-requests';
import { isConditionalCheckFailed, RegistryError, toRegistryError } from './registry/registry-error';
import {
  ATTR,
  fromLedgerItem,
  fromServiceItem,
  ledgerKey,
  OUTBOX_PENDING,
  SERVICE_PARTITION,
  toLedgerItem,
} from './registry/registry-items';
import { getItem, queryAll, updateItem } from './registry/table-requests';
import { createLastAlertKeys, recordDelivery, setLastAlertKey, takeOverLease } from './registry/update-requests';

export interface DynamoCycleRegistryOptions {
  readonly tableName: string;
  /** @default a DocumentClient over `new DynamoDBClient({})` (region and credentials from the environment) */
  readonly client?: DynamoDBDocumentClient;
}

/**
 * @example
 * const registry = new DynamoCycleRegistry({ tableName: requireEnv(ENV_REGISTRY_TABLE) });
 * if (await registry.claimAlert(entry)) await publish(entry.alert);
 */
export class DynamoCycleRegistry implements CycleRegistry {
  public readonly tableName: string;
  protected readonly client: DynamoDBDocumentClient;

  constructor(options: DynamoCycleRegistryOptions) {
    this.tableName = options.tableName;
    this.client = options.client ?? DynamoDBDocumentClient.from(new DynamoDBClient({}));
  }

  public async listServices(options: { includeRetired?: boolean } = {}): Promise<ServiceRecord[]> {
    const activeOnly = options.includeRetired !== true;
    const items = await queryAll(this.client, this.tableName, 'listServices (Query)', {
      KeyConditionExpression: '#pk = :pk',
      ...(activeOnly ? { FilterExpression: '#retired <> :true' } : {}),
      ExpressionAttributeNames: { '#pk': REGISTRY_PARTITION_KEY, ...(activeOnly ? { '#retired': ATTR.retired } : {}) },
      ExpressionAttributeValues: { ':pk': SERVICE_PARTITION, ...(activeOnly ? { ':true': true } : {}) },
    });
    return items.map(fromServiceItem);
  }

  public async claimAlert(entry: LedgerEntry): Promise<boolean> {
    const item = toLedgerItem(entry);
    let claimed = true;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': REGISTRY_PARTITION_KEY },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw toRegistryError(this.tableName, 'claimAlert (PutItem)', error);
      claimed = false;
    }

    // Also when the key was claimed before: a claim that stopped before this step is healed here, and the
    // next quiet cycle can skip the service from its lastAlertKeys alone. An alert about no service, or
    // about one that is not in the registry, has no list entry to record it on.
    const serviceId = entry.alert.serviceId;
    if (serviceId !== undefined) {
      try {
        await this.recordLastAlertKey(serviceId, entry.alert);
      } catch (error) {
        // A won claim must reach its caller, who owns the delivery: throwing here would leave the alert
        // to a later outbox drain. The bookkeeping is only an optimisation and heals on the next cycle,
        // whose claim of the same key fails and records it then.
        if (!claimed) throw error;
      }
    }
    return claimed;
  }

  private async recordLastAlertKey(serviceId: string, alert: LedgerEntry['alert']): Promise<void> {
    const operation = 'claimAlert (UpdateItem)';
    const applied = await updateItem(this.client, this.tableName, operation, setLastAlertKey(serviceId, alert));
    if (!applied) await updateItem(this.client, this.tableName, operation, createLastAlertKeys(serviceId, alert));
  }

  public async takeOver(key: string, seen: OutboxLease, by: OutboxLease): Promise<boolean> {
    return updateItem(this.client, this.tableName, 'takeOver (UpdateItem)', takeOverLease(key, seen, by));
  }

  public async markDelivered(key: string, delivery: RecordedDelivery): Promise<void> {
    if (delivery.targets.length === 0 && !delivery.settles) return;
    const recorded = await updateItem(
      this.client,
      this.tableName,
      'markDelivered (UpdateItem)',
      recordDelivery(key, delivery),
    );
    if (!recorded) {
      throw new RegistryError(
        `registry table "${this.tableName}": markDelivered failed: no ledger entry for alert key "${key}"`,
        { retryable: false },
      );
    }
  }

  /** Read from the outbox index, which is eventually consistent: a claim may show up a moment later. */
  public async listOutbox(): Promise<LedgerEntry[]> {
    const items = await queryAll(this.client, this.tableName, 'listOutbox (Query)', {
      IndexName: REGISTRY_OUTBOX_INDEX,
      KeyConditionExpression: '#outboxPk = :pending',
      ExpressionAttributeNames: { '#outboxPk': ATTR.outboxPk },
      ExpressionAttributeValues: { ':pending': OUTBOX_PENDING },
      ScanIndexForward: true,
    });
    // The index sorts claimedAt as text; re-sorting by instant keeps "oldest first" true for any offset.
    return items
      .map((item) => fromLedgerItem(item).entry)
      .sort(
        (a, b) =>
          Date.parse(a.claimedAt) - Date.parse(b.claimedAt) ||
          (a.alert.key < b.alert.key ? -1 : a.alert.key > b.alert.key ? 1 : 0),
      );
  }

  public async getAlert(key: string): Promise<LedgerEntry | undefined> {
    const item = await getItem(this.client, this.tableName, 'getAlert (GetItem)', ledgerKey(key));
    return item === undefined ? undefined : fromLedgerItem(item).entry;
  }

  public async getAlerts(keys: readonly string[]): Promise<LedgerEntry[]> {
    const items = await batchGet(this.client, this.tableName, 'getAlerts (BatchGetItem)', keys.map(ledgerKey));
    return items.map((item) => fromLedgerItem(item).entry);
  }

  public async listAccountStates(): Promise<AccountState[]> {
    const items = await queryAll(this.client, this.tableName, 'listAccountStates (Query)', {
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': REGISTRY_PARTITION_KEY },
      ExpressionAttributeValues: { ':pk': ACCOUNT_PARTITION },
    });
    return items.map(fromAccountStateItem);
  }

  public async saveAccountStates(states: readonly AccountState[]): Promise<void> {
    await batchPut(this.client, this.tableName, 'saveAccountStates (BatchWriteItem)', states.map(toAccountStateItem));
  }

  public async saveSnapshots(snapshots: readonly AccountSnapshot[]): Promise<void> {
    await batchPut(this.client, this.tableName, 'saveSnapshots (BatchWriteItem)', snapshots.map(toSnapshotItem));
  }

  public async listSnapshots(accountId: string, since: string): Promise<AccountSnapshot[]> {
    const items = await queryAll(this.client, this.tableName, 'listSnapshots (Query)', {
      KeyConditionExpression: '#pk = :pk AND #sk >= :since',
      ExpressionAttributeNames: { '#pk': REGISTRY_PARTITION_KEY, '#sk': REGISTRY_SORT_KEY },
      ExpressionAttributeValues: { ':pk': `${SNAPSHOT_PARTITION_PREFIX}${accountId}`, ':since': since },
    });
    return items.map(fromSnapshotItem);
  }

  public async getAcknowledgement(key: string): Promise<Acknowledgement | undefined> {
    try {
      const { Item } = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: ackKey(key), ConsistentRead: true }),
      );
      return Item === undefined ? undefined : fromAckItem(Item);
    } catch (error) {
      throw toRegistryError(this.tableName, 'getAcknowledgement (GetItem)', error);
    }
  }

  public async getAcknowledgements(keys: readonly string[]): Promise<Acknowledgement[]> {
    const items = await batchGet(this.client, this.tableName, 'getAcknowledgements (BatchGetItem)', keys.map(ackKey));
    return items.map(fromAckItem);
  }
}
