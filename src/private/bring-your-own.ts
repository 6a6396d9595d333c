import { Duration, Names, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { allowCloudWatchAlarmsToPublish } from './guard-alarms';
import { createGuardKey } from './guard-resources';
import { createRegistryTable } from './registry-table';
import { RenewalGuardProps } from '../renewal-guard-props';

/** The resources every guard function works with: the user's where given, the guard's own otherwise. */
export interface GuardStores {
  readonly encryptionKey: kms.IKey;
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
  const encryptionKey = props.encryptionKey ?? createGuardKey(scope, removalPolicy);
  const registry = props.registryTable ?? createRegistryTable(scope, encryptionKey, removalPolicy);
  const alertTopic =
    props.alertTopic ??
    new sns.Topic(scope, 'AlertTopic', {
      displayName: 'RenewalGuard',
      masterKey: encryptionKey,
      enforceSSL: true,
    });
  // a topic of the user's keeps the policy they gave it
  if (!props.alertTopic) allowCloudWatchAlarmsToPublish(alertTopic);
  const eventBus =
    props.eventBus ??
    new events.EventBus(scope, 'EventBus', {
      eventBusName: Names.uniqueResourceName(scope, { maxLength: 256, separator: '-' }),
    });
  const deadLetterQueue = new sqs.Queue(scope, 'DeadLetterQueue', {
    encryption: sqs.QueueEncryption.KMS,
    encryptionMasterKey: encryptionKey,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  return { encryptionKey, registry, alertTopic, eventBus, deadLetterQueue };
}
