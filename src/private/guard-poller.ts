import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { GuardStores } from './bring-your-own';
import type { LoadedConfig } from './config-loader';
import { GuardFunction } from './guard-function';
import type { GuardLinks } from './guard-links';
import { grantDeadLetterEncryption } from './guard-resources';
import { grantRegistryAccess, REGISTRY_ACCESS } from './registry-grants';
import { grantSecretsByName } from './secret-grants';
import { secretStoreEnvironment } from './secret-store-check';
import { ENV_DETAILED_METRICS, ENV_GUARD_NAME } from '../shared/metrics-schema';
import { ENV_ALERT_TOPIC_ARN, ENV_EVENT_BUS_NAME, ENV_REGISTRY_TABLE } from '../shared/registry-schema';

/** The daily check's timeout: the dashboard draws it next to the poller's durations. */
export const POLLER_TIMEOUT = Duration.minutes(5);

export interface GuardPollerProps {
  readonly codeDirectory: string;
  readonly stores: GuardStores;
  readonly guardName: string;
  readonly detailedMetrics: boolean;
  readonly logRetention: logs.RetentionDays;
  readonly accounts: LoadedConfig['accounts'];
  /** Account id -> the secret given in the typed props, granted as given. */
  readonly accountSecrets: ReadonlyMap<string, secretsmanager.ISecret>;
  /** Where the config's credential names live: a `SECRET_STORE_*` value of src/shared/secret-store-schema. */
  readonly secretStore: string;
  /** Present when the links are deployed: the poller signs the links it puts into alerts. */
  readonly links?: GuardLinks;
}

/**
 * The daily check's function and everything its role may do: the registry (and the outbox index of an
 * imported table), publishing to the topic and the bus, the dead-letter queue's key, the vendor account
 * secrets, and reading the link signing key. `scope` is the guard: the ids are its children's.
 */
export function createPoller(scope: Construct, props: GuardPollerProps): GuardFunction {
  const { registry, alertTopic, eventBus, deadLetterKey, deadLetterQueue } = props.stores;
  const poller = new GuardFunction(scope, 'Poller', {
    handler: 'poll-and-evaluate',
    description: 'RenewalGuard daily check: poll vendors, evaluate services, publish alerts',
    codeDirectory: props.codeDirectory,
    timeout: POLLER_TIMEOUT,
    environment: {
      [ENV_REGISTRY_TABLE]: registry.tableName,
      [ENV_ALERT_TOPIC_ARN]: alertTopic.topicArn,
      [ENV_EVENT_BUS_NAME]: eventBus.eventBusName,
      [ENV_GUARD_NAME]: props.guardName,
      [ENV_DETAILED_METRICS]: String(props.detailedMetrics),
      ...secretStoreEnvironment(props.secretStore),
      ...props.links?.environment,
    },
    logRetention: props.logRetention,
    deadLetterQueue,
  });
  grantRegistryAccess(poller.role, registry, REGISTRY_ACCESS.poller, 'read-write');
  alertTopic.grantPublish(poller.role);
  eventBus.grantPutEventsTo(poller.role);
  grantDeadLetterEncryption(deadLetterKey, poller.role);
  grantSecretsByName(
    scope,
    'VendorSecrets',
    poller.role,
    props.accounts.flatMap((a) => (a.credentials === undefined ? [] : [{ id: a.id, secretName: a.credentials }])),
    props.accountSecrets,
    // only the secrets tagged as this guard's: not another guard's under the same prefix
    { store: props.secretStore, ownerTag: props.guardName },
  );
  props.links?.grantSigning(poller.role);
  return poller;
}
