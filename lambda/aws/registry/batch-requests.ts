/**
 * DynamoDB's batch operations, within their per-request limits, resending what DynamoDB leaves
 * unprocessed (throttling or the 16 MB response size) with a growing pause until a round limit.
 */
import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RegistryError, toRegistryError } from './registry-error';
import type { Item } from './registry-items';
import { sleep } from './run-bounded';
import { REGISTRY_PARTITION_KEY, REGISTRY_SORT_KEY } from '../../../src/shared/registry-schema';

/** BatchWriteItem's limit of items per request. */
const WRITE_BATCH = 25;
/** BatchGetItem's limit of keys per request. */
const GET_BATCH = 100;
/** Requests per batch before its leftovers fail the operation (retryable: a later run may get through). */
const MAX_ROUNDS = 8;

function pauseBefore(round: number): Promise<void> {
  return sleep(Math.min(2_000, 50 * 2 ** round));
}

/**
 * Puts items 25 to a request, resending what DynamoDB leaves unprocessed with a growing pause. Only for
 * items whose last write may win: no conditions are possible here.
 */
export async function batchPut(
  client: DynamoDBDocumentClient,
  tableName: string,
  operation: string,
  items: readonly Item[],
): Promise<void> {
  for (let start = 0; start < items.length; start += WRITE_BATCH) {
    let pending = items.slice(start, start + WRITE_BATCH).map((Item) => ({ PutRequest: { Item } }));
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_ROUNDS) {
        throw new RegistryError(
          `registry table "${tableName}": ${operation} left ${pending.length} items unprocessed after ${round} rounds`,
          { retryable: true },
        );
      }
      if (round > 0) await pauseBefore(round);
      try {
        const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
      } catch (error) {
        throw toRegistryError(tableName, operation, error);
      }
    }
  }
}

/**
 * Gets items 100 keys to a request (strongly consistent), asking again for what DynamoDB leaves
 * unprocessed. Keys are `{ pk, sk }` records; one named twice is asked for once. Items come back in no
 * particular order, and keys with no item are left out.
 */
export async function batchGet(
  client: DynamoDBDocumentClient,
  tableName: string,
  operation: string,
  keys: readonly Item[],
): Promise<Item[]> {
  const byId = new Map(
    keys.map((k) => [`${String(k[REGISTRY_PARTITION_KEY])}\u0000${String(k[REGISTRY_SORT_KEY])}`, k]),
  );
  const unique = [...byId.values()]; // BatchGetItem rejects a request that names one key twice
  const found: Item[] = [];
  for (let start = 0; start < unique.length; start += GET_BATCH) {
    let pending = unique.slice(start, start + GET_BATCH);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_ROUNDS) {
        throw new RegistryError(
          `registry table "${tableName}": ${operation} left ${pending.length} keys unprocessed after ${round} rounds`,
          { retryable: true },
        );
      }
      if (round > 0) await pauseBefore(round);
      try {
        const result = await client.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
        );
        found.push(...((result.Responses?.[tableName] ?? []) as Item[]));
        pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as typeof pending;
      } catch (error) {
        throw toRegistryError(tableName, operation, error);
      }
    }
  }
  return found;
}
