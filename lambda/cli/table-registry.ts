/**
 * `--table`: the registry of a deployed guard, a real DynamoDB table, reached with the caller's AWS
 * credentials and region as the SDK finds them (environment, then the shared config file).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CliError } from './cli-io';
import { DynamoRegistry } from '../aws/dynamo-registry';

/**
 * The registry on `tableName`. Without a region the SDK would fail at the first request with "Region is
 * missing", which names neither the option nor the fix: that is said here, before anything is read.
 */
export async function tableRegistry(tableName: string): Promise<DynamoRegistry> {
  const client = new DynamoDBClient({});
  try {
    await client.config.region();
  } catch {
    client.destroy();
    throw new CliError(
      `--table ${tableName}: no AWS region is configured; set AWS_REGION (or a region in your AWS profile) to the region the guard is deployed in`,
      2,
    );
  }
  return new DynamoRegistry({ tableName, client: DynamoDBDocumentClient.from(client) });
}
