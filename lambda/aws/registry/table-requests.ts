/**
 * Single requests on the registry table, each turning an SDK failure into a RegistryError that names
 * the table and the operation.
 */
import {
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed, toRegistryError } from './registry-error';
import type { Item } from './registry-items';
import type { UpdateRequest } from './update-requests';

/** True when applied; false when its condition failed (callers decide what that means). */
export async function updateItem(
  client: DynamoDBDocumentClient,
  tableName: string,
  operation: string,
  request: UpdateRequest,
): Promise<boolean> {
  try {
    await client.send(new UpdateCommand({ TableName: tableName, ...request }));
    return true;
  } catch (error) {
    if (request.ConditionExpression !== undefined && isConditionalCheckFailed(error)) return false;
    throw toRegistryError(tableName, operation, error);
  }
}

/** One item by its key, strongly consistent; undefined when there is none. */
export async function getItem(
  client: DynamoDBDocumentClient,
  tableName: string,
  operation: string,
  key: Item,
): Promise<Item | undefined> {
  try {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Item;
  } catch (error) {
    throw toRegistryError(tableName, operation, error);
  }
}

/** Every page of a Query; strongly consistent on the table, so a sync's writes are seen by the next list. */
export async function queryAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  operation: string,
  input: Omit<QueryCommandInput, 'TableName'>,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    try {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          ConsistentRead: input.IndexName === undefined,
          ...input,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } catch (error) {
      throw toRegistryError(tableName, operation, error);
    }
  } while (startKey !== undefined);
  return items;
}
