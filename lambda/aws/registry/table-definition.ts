/**
 * The registry table as a CreateTable request: what the CLI's embedded store and the tests create. The
 * construct declares the same schema in CDK (src/), from the same constants. TTL on `expiresAt` is set by
 * the construct; dynalite has no UpdateTimeToLive, and nothing local needs expiry.
 */
import { CreateTableCommand, DescribeTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isResourceNotFound, toRegistryError } from './registry-error';
import {
  REGISTRY_OUTBOX_INDEX,
  REGISTRY_OUTBOX_PARTITION_KEY,
  REGISTRY_OUTBOX_SORT_KEY,
  REGISTRY_PARTITION_KEY,
  REGISTRY_SORT_KEY,
} from '../../../src/shared/registry-schema';

export function registryTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: REGISTRY_PARTITION_KEY, AttributeType: 'S' },
      { AttributeName: REGISTRY_SORT_KEY, AttributeType: 'S' },
      { AttributeName: REGISTRY_OUTBOX_PARTITION_KEY, AttributeType: 'S' },
      { AttributeName: REGISTRY_OUTBOX_SORT_KEY, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: REGISTRY_PARTITION_KEY, KeyType: 'HASH' },
      { AttributeName: REGISTRY_SORT_KEY, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: REGISTRY_OUTBOX_INDEX,
        KeySchema: [
          { AttributeName: REGISTRY_OUTBOX_PARTITION_KEY, KeyType: 'HASH' },
          { AttributeName: REGISTRY_OUTBOX_SORT_KEY, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

const ACTIVE_POLL_MS = 10;
const ACTIVE_TIMEOUT_MS = 10_000;

/**
 * Creates the registry table unless it exists, then waits until it is ACTIVE. Meant for local stores
 * (dynalite), where creation takes milliseconds; deployed tables come from the construct.
 */
export async function ensureRegistryTable(client: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const describe = async (): Promise<string | undefined> => {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      return Table?.TableStatus;
    } catch (error) {
      if (isResourceNotFound(error)) return undefined;
      throw toRegistryError(tableName, 'ensureRegistryTable (DescribeTable)', error);
    }
  };

  if ((await describe()) === undefined) {
    try {
      await client.send(new CreateTableCommand(registryTableDefinition(tableName)));
    } catch (error) {
      // Another process created it between our describe and create: that is what we wanted.
      if ((error as { name?: unknown }).name !== 'ResourceInUseException') {
        throw toRegistryError(tableName, 'ensureRegistryTable (CreateTable)', error);
      }
    }
  }

  const deadline = performance.now() + ACTIVE_TIMEOUT_MS;
  for (;;) {
    const status = await describe();
    if (status === 'ACTIVE') return;
    if (performance.now() > deadline) {
      throw toRegistryError(
        tableName,
        'ensureRegistryTable (DescribeTable)',
        new Error(`table did not become ACTIVE within ${ACTIVE_TIMEOUT_MS} ms (status ${status ?? 'missing'})`),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, ACTIVE_POLL_MS));
  }
}
