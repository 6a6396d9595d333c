/**
 * The registry port on one DynamoDB table: the deployed guard's table, or the CLI's embedded dynalite.
 *
 * Table (created by the construct, and locally by `registryTableDefinition`; names from
 * src/shared/registry-schema.ts):
 *
 * | item    | pk               | sk           | attributes                                                      |
 * |---------|------------------|--------------|-----------------------------------------------------------------|
 * | service | `SERVICE`        | `<serviceId>`| service (map: ServiceConfig), configHash, retired, retiredAt?,   |
 * |         |                  |              | updatedAt, lastAlertKeys (map kind → key, `{}` from the start)   |
 * | ledger  | `ALERT#<key>`    | `ALERT`      | alert (map), cycleId, claimedAt, notBefore?, pending (SS),       |
 * |         |                  |              | delivered (SS), leasedBy?, leasedAt? (a takeover's cycle),       |
 * |         |                  |              | deliveredAt (map target → instant), expiresAt (TTL,              |
 * |         |                  |              | claimedAt + 400 days), outboxPk = `PENDING` while targets pend  |
 * | ack     | `ACK#<key>`      | `ACK`        | alertKey, by, at, until?, expiresAt (TTL): registry/ack-items.ts |
 *
 * - keys `pk` (S) / `sk` (S); TTL on `expiresAt` (epoch seconds).
 * - GSI `outbox`: partition `outboxPk` (S), sort `claimedAt` (S), projection ALL. Sparse: only ledger
 *   items that still owe a delivery carry `outboxPk`, so the index holds the outbox and nothing else.
 *
 * Items written before the string sets hold `pendingTargets` / `deliveredTargets` lists and a `version`:
 * they are still read (a target in either delivered attribute is no longer pending), and a delivery
 * recorded on one adds to the sets, so no migration pass is needed; they age out with their TTL.
 *
 * Costs: all services share one partition, so listing or syncing 10,000 unchanged services is a handful
 * of 1 MB Query pages. A claim is one conditional PutItem plus one UpdateItem of the service's
 * lastAlertKeys; recording an alert's deliveries is one UpdateItem (ADD / DELETE on the target sets). No transactions: dynalite has no TransactWriteItems, and nothing here needs them —
 * every multi-item step is safe to repeat.
 *
 * The cycles' reads and writes are in DynamoCycleRegistry (dynamo-cycle-registry.ts), which the poller
 * builds; this class adds the two writes other roles own: syncing the declared services (the
 * registry-sync function, `check`, `registry import`) and recording acknowledgements (the link handler,
 * `ack`).
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoCycleRegistry, type DynamoCycleRegistryOptions } from './dynamo-cycle-registry';
import type { Acknowledgement } from '../core/ack/acknowledgement';
import type { ServiceConfig } from '../core/model';
import type { Registry, SyncResult } from '../core/registry-port';
import { normalizeAcknowledgement, putAcknowledgement } from './registry/ack-items';
import { isConditionalCheckFailed, toRegistryError } from './registry/registry-error';
import { ATTR, SERVICE_PARTITION } from './registry/registry-items';
import { runBounded } from './registry/run-bounded';
import { planSync, type ServiceWrite } from './registry/sync-plan';
import { queryAll, updateItem } from './registry/table-requests';
import { retireService, upsertService, type UpdateRequest } from './registry/update-requests';
import { REGISTRY_PARTITION_KEY, REGISTRY_SORT_KEY } from '../../src/shared/registry-schema';

export interface DynamoRegistryOptions extends DynamoCycleRegistryOptions {
  /** Writes a sync keeps in flight when many services change at once. @default 16 */
  readonly writeConcurrency?: number;
}

/**
 * @example
 * const registry = new DynamoRegistry({ tableName: requireEnv(ENV_REGISTRY_TABLE) });
 * await registry.syncDeclaredServices(config.services, new Date().toISOString());
 */
export class DynamoRegistry extends DynamoCycleRegistry implements Registry {
  private readonly writeConcurrency: number;

  constructor(options: DynamoRegistryOptions) {
    super(options);
    this.writeConcurrency = options.writeConcurrency ?? 16;
  }

  public async syncDeclaredServices(services: readonly ServiceConfig[], now: string): Promise<SyncResult> {
    const stored = await queryAll(this.client, this.tableName, 'syncDeclaredServices (Query)', {
      KeyConditionExpression: '#pk = :pk',
      // Hashes, not configs: a quiet sync reads as little as it can.
      ProjectionExpression: '#sk, #hash, #retired',
      ExpressionAttributeNames: {
        '#pk': REGISTRY_PARTITION_KEY,
        '#sk': REGISTRY_SORT_KEY,
        '#hash': ATTR.configHash,
        '#retired': ATTR.retired,
      },
      ExpressionAttributeValues: { ':pk': SERVICE_PARTITION },
    });
    const plan = planSync(
      services,
      stored.map((item) => ({
        id: String(item[REGISTRY_SORT_KEY]),
        configHash: typeof item[ATTR.configHash] === 'string' ? (item[ATTR.configHash] as string) : undefined,
        retired: item[ATTR.retired] === true,
      })),
    );

    const operation = 'syncDeclaredServices (UpdateItem)';
    const apply = (request: UpdateRequest) =>
      updateItem(this.client, this.tableName, operation, request).then(() => undefined);
    await runBounded(
      [
        ...[...plan.add, ...plan.update, ...plan.restore].map((write) => () => apply(upsertService(write, now))),
        ...plan.retire.map((id) => () => apply(retireService(id, now))),
      ],
      this.writeConcurrency,
    );

    const ids = (list: readonly ServiceWrite[]) => list.map((write) => write.service.id);
    return {
      added: ids(plan.add),
      updated: ids(plan.update),
      retired: plan.retire,
      restored: ids(plan.restore),
      unchanged: plan.unchanged,
    };
  }

  public async acknowledge(entry: Acknowledgement): Promise<'recorded' | 'already'> {
    const request = putAcknowledgement(normalizeAcknowledgement(entry));
    try {
      await this.client.send(new PutCommand({ TableName: this.tableName, ...request }));
      return 'recorded';
    } catch (error) {
      if (isConditionalCheckFailed(error)) return 'already';
      throw toRegistryError(this.tableName, 'acknowledge (PutItem)', error);
    }
  }
}
