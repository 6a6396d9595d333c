import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import {
  REGISTRY_OUTBOX_INDEX,
  REGISTRY_OUTBOX_PARTITION_KEY,
  REGISTRY_OUTBOX_SORT_KEY,
  REGISTRY_PARTITION_KEY,
  REGISTRY_SORT_KEY,
  REGISTRY_TTL_ATTRIBUTE,
} from '../shared/registry-schema';

/**
 * The registry table, keyed exactly as the handlers and the CLI expect (src/shared/registry-schema.ts):
 * encrypted with `key`, or with DynamoDB's AWS managed key (`aws/dynamodb`) when there is none.
 */
export function createRegistryTable(
  scope: Construct,
  key: kms.IKey | undefined,
  removalPolicy: RemovalPolicy,
): dynamodb.Table {
  const table = new dynamodb.Table(scope, 'Registry', {
    partitionKey: { name: REGISTRY_PARTITION_KEY, type: dynamodb.AttributeType.STRING },
    sortKey: { name: REGISTRY_SORT_KEY, type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
    ...(key
      ? { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: key }
      : { encryption: dynamodb.TableEncryption.AWS_MANAGED }),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    timeToLiveAttribute: REGISTRY_TTL_ATTRIBUTE,
    removalPolicy,
  });
  table.addGlobalSecondaryIndex({
    indexName: REGISTRY_OUTBOX_INDEX,
    partitionKey: { name: REGISTRY_OUTBOX_PARTITION_KEY, type: dynamodb.AttributeType.STRING },
    sortKey: { name: REGISTRY_OUTBOX_SORT_KEY, type: dynamodb.AttributeType.STRING },
    projectionType: dynamodb.ProjectionType.ALL,
  });
  return table;
}
