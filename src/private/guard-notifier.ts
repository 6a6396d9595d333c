import { ArnFormat, Duration, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { isSubscribedChannel } from './alert-subscriptions';
import type { LoadedConfig } from './config-loader';
import { GuardFunction } from './guard-function';
import type { GuardLinks } from './guard-links';
import { grantDeadLetterEncryption } from './guard-resources';
import { grantRegistryAccess, REGISTRY_ACCESS } from './registry-grants';
import { grantSecretsByName } from './secret-grants';
import { secretStoreEnvironment } from './secret-store-check';
import { operatorChannels } from '../shared/operator-channels';
import { ENV_REGISTRY_TABLE } from '../shared/registry-schema';

/** SNS accepts at most 150 values in one filter policy. */
const MAX_FILTER_VALUES = 150;

export const NOTIFIER_TIMEOUT = Duration.minutes(2);

export interface GuardNotifierProps {
  readonly codeDirectory: string;
  readonly topic: sns.ITopic;
  /**
   * The guard's own alarm topic, when it has one: the notifier subscribes to it without a filter policy
   * when an operators channel is one it delivers to, and hands each alarm to the operators' channels.
   */
  readonly alarmTopic?: sns.ITopic;
  readonly registry: dynamodb.ITable;
  readonly channels: LoadedConfig['channels'];
  /** Channel id -> the secret given in typed props; the others are imported by name. */
  readonly channelSecrets: ReadonlyMap<string, secretsmanager.ISecret>;
  /** Where the config's credential names live: a `SECRET_STORE_*` value of src/shared/secret-store-schema. */
  readonly secretStore: string;
  readonly logRetention: logs.RetentionDays;
  readonly links?: GuardLinks;
  /**
   * The guard's key: it encrypts the dead-letter queue when SNS may be allowed to use it. Undefined with AWS
   * managed encryption: SQS then encrypts the queue (SNS may not use the AWS managed `aws/sqs` key).
   */
  readonly encryptionKey?: kms.IKey;
  /** Whether the notifier runs in one container at a time (RenewalGuardProps.reservedConcurrency). */
  readonly reservedConcurrency: boolean;
}

export interface GuardNotifier {
  readonly function: GuardFunction;
  /** Keeps the alerts the notifier could not take or kept failing to deliver. */
  readonly deadLetterQueue: sqs.Queue;
}

/** The ids of the channels the notifier delivers to: every type SNS does not deliver itself. */
export function notifierChannelIds(channels: LoadedConfig['channels']): string[] {
  return channels.filter((c) => !isSubscribedChannel(c.type)).map((c) => c.id);
}

/**
 * The notifier: a function subscribed to the alert topic for the chat, webhook and PagerDuty channels,
 * undefined when the config has none. One subscription serves them all; its filter passes an alert routed
 * to any of them (the poller has applied each channel's `minSeverity` when it routed the alert).
 */
export function createNotifier(scope: Construct, props: GuardNotifierProps): GuardNotifier | undefined {
  const channelIds = notifierChannelIds(props.channels);
  if (channelIds.length === 0) return undefined;
  if (channelIds.length > MAX_FILTER_VALUES) {
    throw new Error(
      `invalid RenewalGuard config:\n  channels: ${channelIds.length} chat, webhook and pagerduty channels; ` +
        `the notifier's SNS filter policy takes at most ${MAX_FILTER_VALUES}`,
    );
  }

  // SNS writes the alerts it cannot hand over here, so it must be allowed to use the queue's key. The
  // guard's key gets that statement; a key imported by ARN keeps its own policy, which might not allow
  // it and would make SNS drop the alerts instead of keeping them: then SQS manages the encryption.
  const snsMayUseKey = props.encryptionKey !== undefined && allowSnsDeadLetters(props.encryptionKey, scope);
  const deadLetterQueue = new sqs.Queue(scope, 'NotifierDeadLetterQueue', {
    ...(snsMayUseKey
      ? { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: props.encryptionKey }
      : { encryption: sqs.QueueEncryption.SQS_MANAGED }),
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });

  const notifier = new GuardFunction(scope, 'Notifier', {
    handler: 'notify',
    description: 'RenewalGuard notifier: deliver alerts to chat, webhook and PagerDuty channels',
    codeDirectory: props.codeDirectory,
    timeout: NOTIFIER_TIMEOUT,
    environment: {
      [ENV_REGISTRY_TABLE]: props.registry.tableName,
      ...secretStoreEnvironment(props.secretStore),
      ...props.links?.environment,
    },
    logRetention: props.logRetention,
    deadLetterQueue,
    // One at a time: the notifier paces each robot to its documented rate (DingTalk and WeCom: 20 a
    // minute) in memory, which holds only within one container. Alerts wait in Lambda's queue meanwhile.
    reservedConcurrentExecutions: props.reservedConcurrency ? 1 : undefined,
  });

  // SNS invokes asynchronously: Lambda retries a failed delivery twice, then the function's dead-letter
  // queue keeps it; an alert SNS itself cannot hand over goes to the same queue through the redrive policy.
  props.topic.addSubscription(
    new subscriptions.LambdaSubscription(notifier.function, {
      filterPolicy: { channels: sns.SubscriptionFilter.stringFilter({ allowlist: channelIds }) },
      deadLetterQueue,
    }),
  );

  // the guard's alarms, for the operators' chat, webhook and PagerDuty channels: everything on the alarm
  // topic is an alarm notification, which carries no attributes to filter on (see alarmTopicFor)
  const operators = new Set(operatorChannels(props.channels).map((c) => c.id));
  if (props.alarmTopic && channelIds.some((id) => operators.has(id))) {
    props.alarmTopic.addSubscription(new subscriptions.LambdaSubscription(notifier.function, { deadLetterQueue }));
  }

  // it records each delivery in the ledger, so a retried alert never posts twice
  grantRegistryAccess(notifier.role, props.registry, REGISTRY_ACCESS.notifier, 'read-write');
  grantSecretsByName(
    scope,
    'ChannelSecrets',
    notifier.role,
    props.channels.flatMap((c) => (c.secret === undefined ? [] : [{ id: c.id, secretName: c.secret }])),
    props.channelSecrets,
    // channel secrets have no prefix of their own (the documented examples use renewal-guard/, the
    // vendor credentials' prefix), and channels do not grow with the registry: each is granted by name
    { namePrefix: false, store: props.secretStore },
  );
  props.links?.grantSigning(notifier.role);
  // Lambda puts a failed asynchronous invocation into the queue with the function's role
  if (snsMayUseKey) grantDeadLetterEncryption(props.encryptionKey!, notifier.role);
  return { function: notifier, deadLetterQueue };
}

/**
 * Lets SNS encrypt into a queue under `key` what it cannot deliver from this account's topics in this
 * region (https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html, "encrypted queue"). Not
 * the alert topic's own ARN: the topic is encrypted with the same key, and the two would depend on each
 * other.
 * @returns whether the key's policy could be amended
 */
function allowSnsDeadLetters(key: kms.IKey, scope: Construct): boolean {
  const stack = Stack.of(scope);
  return key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowSnsToKeepUndeliveredAlertsInTheNotifierDeadLetterQueue',
      principals: [new iam.ServicePrincipal('sns.amazonaws.com')],
      actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      resources: ['*'],
      conditions: {
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnLike: {
          'aws:SourceArn': stack.formatArn({ service: 'sns', resource: '*', arnFormat: ArnFormat.NO_RESOURCE_NAME }),
        },
      },
    }),
  ).statementAdded;
}
