/**
 * The registry table's key schema, shared by the construct (which creates the table) and the handlers
 * and CLI (which read and write it). Dependency-free on purpose: lambda/ imports it, and esbuild must
 * not pull aws-cdk-lib into a bundle.
 */
export const REGISTRY_PARTITION_KEY = 'pk';
export const REGISTRY_SORT_KEY = 'sk';
/** Epoch seconds; DynamoDB TTL deletes ledger entries and snapshots after their retention. */
export const REGISTRY_TTL_ATTRIBUTE = 'expiresAt';
/** Sparse index of ledger entries that still have undelivered targets (the outbox). */
export const REGISTRY_OUTBOX_INDEX = 'outbox';
export const REGISTRY_OUTBOX_PARTITION_KEY = 'outboxPk';
export const REGISTRY_OUTBOX_SORT_KEY = 'claimedAt';

/**
 * Partition key values of the registry's item families (the layout is described at the top of
 * lambda/aws/dynamo-registry.ts). Here because the construct's IAM conditions (`dynamodb:LeadingKeys`)
 * name them too: a function may reach only the families it uses.
 */
export const REGISTRY_PARTITIONS = {
  /** Every declared service, one partition. */
  services: 'SERVICE',
  /** Every account's state, one partition. */
  accounts: 'ACCOUNT',
  /** `ALERT#<key>`: the alert ledger and its outbox entries. */
  ledgerPrefix: 'ALERT#',
  /** `ACK#<key>`: acknowledgements and snoozes. */
  ackPrefix: 'ACK#',
  /** `SNAPSHOT#<accountId>`: an account's daily snapshots. */
  snapshotPrefix: 'SNAPSHOT#',
} as const;

/** Environment variable names through which the construct configures the handlers. */
export const ENV_REGISTRY_TABLE = 'RENEWAL_GUARD_REGISTRY_TABLE';
export const ENV_ALERT_TOPIC_ARN = 'RENEWAL_GUARD_ALERT_TOPIC_ARN';
export const ENV_EVENT_BUS_NAME = 'RENEWAL_GUARD_EVENT_BUS_NAME';
/**
 * Name (never the value) of the Secrets Manager secret behind acknowledge links and the calendar feed: a
 * JSON object `{ "linkSigningKey": "<at least 32 characters>", "feedToken": "<at least 16 characters>" }`.
 */
export const ENV_LINK_SECRET_NAME = 'RENEWAL_GUARD_LINK_SECRET_NAME';
/** Name of the normalized config document staged next to each handler in its code asset. */
export const CONFIG_ASSET_FILE = 'renewal-guard.config.json';
/** The acknowledge endpoint's base URL (the guard's function URL), for links in messages. */
export const ENV_ACK_BASE_URL = 'RENEWAL_GUARD_ACK_BASE_URL';
