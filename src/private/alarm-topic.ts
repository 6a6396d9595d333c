import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { allowCloudWatchAlarmsToPublish } from './guard-alarms';
import { suppressNag } from './nag-suppressions';

/**
 * Where the default alarms notify: the `alarmTopic` given, else the alert topic, except when the guard
 * made that topic under the AWS managed `aws/sns` key (`GuardEncryption.AWS_MANAGED`), to which CloudWatch
 * cannot publish. Then (and only when alarms are on) the guard creates `AlarmTopic`: TLS-only, open to this
 * account's alarms, without server-side encryption, since its notifications carry alarm names, states and
 * thresholds, no credentials and no service data. Undefined when alarms are off. `scope` is the guard.
 */
export function alarmTopicFor(
  scope: Construct,
  options: {
    readonly alarmsEnabled: boolean;
    readonly given?: sns.ITopic;
    readonly alertTopic: sns.ITopic;
    readonly alertTopicUnderAwsManagedKey: boolean;
  },
): sns.ITopic | undefined {
  if (!options.alarmsEnabled) return undefined;
  if (options.given) return options.given;
  if (!options.alertTopicUnderAwsManagedKey) return options.alertTopic;
  const topic = new sns.Topic(scope, 'AlarmTopic', { displayName: 'RenewalGuard alarms', enforceSSL: true });
  allowCloudWatchAlarmsToPublish(topic);
  suppressNag(topic, [
    {
      id: 'AwsSolutions-SNS2',
      reason:
        'With AWS managed encryption, CloudWatch alarms cannot publish to a topic under the aws/sns key, and ' +
        'a customer managed key is what this choice avoids; alarm notifications carry alarm names, states and ' +
        'thresholds, no credentials or service data, and the topic accepts TLS requests only',
    },
  ]);
  return topic;
}
