import { Annotations, Duration, Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { broughtResourceProblems } from './brought-resource-check';
import { allowCloudWatchAlarmsToPublish } from './guard-alarms';
import { allowCloudWatchAlarmsToUseKey, createGuardKey } from './guard-resources';
import { createRegistryTable } from './registry-table';
import { GuardEncryption } from '../guard-encryption';
import { RenewalGuardProps } from '../renewal-guard-props';

/** The resources every guard function works with: the user's where given, the guard's own otherwise. */
export interface GuardStores {
  /** The customer managed key; undefined with `GuardEncryption.AWS_MANAGED`. */
  readonly encryptionKey?: kms.IKey;
  /**
   * The key of `deadLetterQueue`: `encryptionKey`, or SQS's AWS managed key `aws/sqs`, whose key policy
   * lets the account's principals use it through SQS (so granting on it adds nothing, rightly).
   */
  readonly deadLetterKey: kms.IKey;
  readonly registry: dynamodb.ITable;
  readonly alertTopic: sns.ITopic;
  readonly eventBus: events.IEventBus;
  /** Always the guard's own, encrypted with `encryptionKey`. */
  readonly deadLetterQueue: sqs.IQueue;
}

/**
 * `encryptionKey`, `registryTable`, `alertTopic` and `eventBus` as given, each created only when absent
 * (house style 7), and the poller's dead-letter queue. `scope` is the guard: the ids are its children's.
 */
export function resolveStores(scope: Construct, props: RenewalGuardProps, removalPolicy: RemovalPolicy): GuardStores {
  const awsManaged = props.encryption === GuardEncryption.AWS_MANAGED;
  if (awsManaged && props.encryptionKey) {
    throw new Error(
      'RenewalGuard: encryptionKey is given while encryption is GuardEncryption.AWS_MANAGED, which uses no ' +
        'key of yours; remove one of the two',
    );
  }
  if (props.alertTopic?.fifo) {
    throw new Error(
      'RenewalGuard: alertTopic is a FIFO topic, which delivers to SQS queues only and refuses messages without ' +
        'a message group, as the poller publishes them; bring a standard topic',
    );
  }
  const unreachable = broughtResourceProblems(scope, props);
  if (unreachable.length > 0) {
    throw new Error(`invalid RenewalGuard config:\n${unreachable.map((p) => `  ${p}`).join('\n')}`);
  }
  const encryptionKey = awsManaged ? undefined : (props.encryptionKey ?? createGuardKey(scope, removalPolicy));
  // the guard's alarm topic is under a key you bring too: without this its alarms could not notify
  if (props.encryptionKey && !allowCloudWatchAlarmsToUseKey(props.encryptionKey, Stack.of(scope).account)) {
    if (!props.alertTopic) warnImportedKeyAlarms(scope);
  }
  const registry = props.registryTable ?? createRegistryTable(scope, encryptionKey, removalPolicy);
  const alertTopic =
    props.alertTopic ??
    new sns.Topic(scope, 'AlertTopic', {
      displayName: 'RenewalGuard',
      masterKey: encryptionKey ?? awsManagedKey(scope, 'sns'),
      enforceSSL: true,
    });
  // a topic of the user's keeps the policy they gave it; alarms cannot publish under aws/sns (see alarmTopicFor)
  if (!props.alertTopic && encryptionKey) allowCloudWatchAlarmsToPublish(alertTopic);
  const eventBus =
    props.eventBus ??
    new events.EventBus(scope, 'EventBus', {
      eventBusName: Names.uniqueResourceName(scope, { maxLength: 256, separator: '-' }),
    });
  const deadLetterQueue = new sqs.Queue(scope, 'DeadLetterQueue', {
    ...(encryptionKey
      ? { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: encryptionKey }
      : { encryption: sqs.QueueEncryption.KMS_MANAGED }),
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  const deadLetterKey = encryptionKey ?? awsManagedKey(scope, 'sqs');
  return { encryptionKey, deadLetterKey, registry, alertTopic, eventBus, deadLetterQueue };
}

/** The guard's topics are under a key whose policy the app cannot amend: say what it must allow, or no alarm notifies. */
function warnImportedKeyAlarms(scope: Construct): void {
  Annotations.of(scope).addWarningV2(
    'renewal-guard:imported-key-alarms',
    "encryptionKey: the key is imported, so its policy is not the app's to amend, and the alert topic and " +
      "the guard's alarm topic are encrypted with it: its policy must let cloudwatch.amazonaws.com use " +
      'kms:Decrypt and kms:GenerateDataKey* (with aws:SourceAccount = this account), or no alarm can notify, ' +
      "the dead-man's switch included",
  );
}

/** A service's AWS managed key (`alias/aws/<service>`), by alias: its policy is AWS's, so grants on it add nothing. */
export function awsManagedKey(scope: Construct, service: 'sns' | 'sqs' | 'secretsmanager'): kms.IKey {
  const id = `AwsManagedKey-${service}`;
  return (
    (scope.node.tryFindChild(id) as kms.IKey | undefined) ?? kms.Alias.fromAliasName(scope, id, `alias/aws/${service}`)
  );
}
