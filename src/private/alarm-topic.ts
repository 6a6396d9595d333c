import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { allowCloudWatchAlarmsToPublish } from './guard-alarms';
import { suppressNag } from './nag-suppressions';

/**
 * Where the default alarms notify: the topic given (`alarmTopic`, else an `alertTopic` the user brings),
 * else `AlarmTopic`, a topic of the guard's own for its CloudWatch alarms alone, which the operators'
 * channels subscribe to without a filter policy (addOperatorSubscriptions, the notifier). Not the alert
 * topic: CloudWatch publishes its notification
 * with no message attributes, and SNS matches no attribute filter policy against a message without
 * attributes, not even `{"exists": false}` ("an empty set of attributes results in the filter not
 * matching", https://docs.aws.amazon.com/sns/latest/dg/attribute-key-matching.html), while every alert
 * topic subscription must filter on `channels`; and SNS keeps one subscription per topic, protocol and
 * endpoint, so an address cannot hold a second, unfiltered one there.
 *
 * Under the guard's key when it has one (its key policy lets CloudWatch use it). With AWS managed
 * encryption (`GuardEncryption.AWS_MANAGED`), CloudWatch cannot publish under the `aws/sns` key: the
 * topic then has no server-side encryption, since its notifications carry alarm names, states and
 * thresholds, no credentials and no service data. TLS-only, open to this account's alarms. Undefined when
 * alarms are off. `scope` is the guard.
 */
export function alarmTopicFor(
  scope: Construct,
  options: {
    readonly alarmsEnabled: boolean;
    readonly given?: sns.ITopic;
    /** The guard's customer managed key; undefined with AWS managed encryption. */
    readonly encryptionKey?: kms.IKey;
  },
): sns.ITopic | undefined {
  if (!options.alarmsEnabled) return undefined;
  if (options.given) return options.given;
  const topic = new sns.Topic(scope, 'AlarmTopic', {
    displayName: 'RenewalGuard alarms',
    enforceSSL: true,
    ...(options.encryptionKey && { masterKey: options.encryptionKey }),
  });
  allowCloudWatchAlarmsToPublish(topic);
  if (!options.encryptionKey) {
    suppressNag(topic, [
      {
        id: 'AwsSolutions-SNS2',
        reason:
          'With AWS managed encryption, CloudWatch alarms cannot publish to a topic under the aws/sns key, and ' +
          'a customer managed key is what this choice avoids; alarm notifications carry alarm names, states and ' +
          'thresholds, no credentials or service data, and the topic accepts TLS requests only',
      },
    ]);
  }
  return topic;
}
