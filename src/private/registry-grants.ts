import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { REGISTRY_OUTBOX_INDEX, REGISTRY_PARTITIONS } from '../shared/registry-schema';

/**
 * What each guard function does with the registry, and no more: no function scans or deletes (the
 * registry never loses history), and the public links function and the notifier reach only the item
 * families they use, by their partition keys (`dynamodb:LeadingKeys`).
 *
 * `test/construct/least-privilege.test.ts` ties these to the template; the emulated deployment's walk
 * (`test/emulated`) records the calls the shipped bundles make and checks each is granted here.
 */
export interface RegistryAccess {
  /** DynamoDB actions, without the `dynamodb:` prefix. */
  readonly actions: readonly string[];
  /** Partition key values (a trailing `*` matches a prefix); absent: any item of the table. */
  readonly leadingKeys?: readonly string[];
  /** Also on the outbox index (the poller's Query for pending entries). */
  readonly outboxIndex?: boolean;
}

const ledger = `${REGISTRY_PARTITIONS.ledgerPrefix}*`;

export const REGISTRY_ACCESS = {
  /** The daily check: services, accounts and snapshots, the ledger and its outbox, acknowledgements. */
  poller: [
    {
      actions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'BatchWriteItem'],
      outboxIndex: true,
    },
  ],
  /** The deploy-time sync: the service partition only. */
  sync: [{ actions: ['Query', 'UpdateItem'], leadingKeys: [REGISTRY_PARTITIONS.services] }],
  /** The notifier: reads a ledger entry and records a delivery on it. */
  notifier: [{ actions: ['GetItem', 'UpdateItem'], leadingKeys: [ledger] }],
  /**
   * The public links function: records and reads acknowledgements; lists services and account states
   * for the calendar feed and the report page. Never the ledger, the outbox or snapshots.
   */
  links: [
    { actions: ['GetItem', 'PutItem'], leadingKeys: [`${REGISTRY_PARTITIONS.ackPrefix}*`] },
    { actions: ['Query'], leadingKeys: [REGISTRY_PARTITIONS.services, REGISTRY_PARTITIONS.accounts] },
  ],
} satisfies Record<string, readonly RegistryAccess[]>;

/**
 * Grants `access` on the registry, and the use of its key. A function that only reads, or writes no more
 * than acknowledgements (the public links function), gets `kms:Decrypt` and `kms:DescribeKey`: DynamoDB
 * decrypts the table key with the caller's permission and encrypts items with that table key itself
 * (https://docs.aws.amazon.com/kms/latest/developerguide/services-dynamodb.html). The others keep what
 * aws-cdk-lib's `grantReadWriteData` gives a writer.
 */
export function grantRegistryAccess(
  grantee: iam.IGrantable,
  registry: dynamodb.ITable,
  access: readonly RegistryAccess[],
  keyUse: 'decrypt' | 'read-write',
): void {
  for (const entry of access) {
    const resources = [
      registry.tableArn,
      ...(entry.outboxIndex ? [`${registry.tableArn}/index/${REGISTRY_OUTBOX_INDEX}`] : []),
    ];
    grantee.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: entry.actions.map((a) => `dynamodb:${a}`),
        resources,
        ...(entry.leadingKeys && {
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...entry.leadingKeys] } },
        }),
      }),
    );
  }
  const key = registry.encryptionKey;
  if (!key) return;
  if (keyUse === 'decrypt') key.grant(grantee, 'kms:Decrypt', 'kms:DescribeKey');
  else key.grant(grantee, 'kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*');
}
