/**
 * `encryption: GuardEncryption.AWS_MANAGED`, the lean profile's encryption: each service's AWS managed key
 * instead of one customer managed key, and the alarms on a topic CloudWatch can publish to.
 */
import { Aspects, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks } from 'cdk-nag';
import { GuardEncryption, SecretStore } from '../../src';
import { fixture, logicalId, synthGuard, type SynthesizedGuard } from './support/guard-stack';
import { nagFindings } from './support/nag-findings';

const KEY_ARN = 'arn:aws:kms:ap-southeast-1:111111111111:key/00000000-0000-4000-8000-000000000000';

/** `alias/aws/<service>` as the guard names it: the alias ARN in the stack's partition, region and account. */
function awsManagedAlias(service: string): unknown {
  return {
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:kms:ap-southeast-1:111111111111:alias/aws/${service}`]],
  };
}

function resourcesOf(synth: SynthesizedGuard, type: string): Array<{ Properties: Record<string, any> }> {
  return Object.values(synth.template.findResources(type)) as Array<{ Properties: Record<string, any> }>;
}

describe('encryption: GuardEncryption.AWS_MANAGED', () => {
  let synth: SynthesizedGuard;
  beforeAll(() => {
    synth = synthGuard(
      {
        configFile: fixture('ssm-credentials.yaml'), // accounts, an email and a chat channel: notifier and links
        encryption: GuardEncryption.AWS_MANAGED,
        secretStore: SecretStore.SSM_PARAMETER_STORE,
        dashboardEnabled: false,
      },
      { beforeSynth: (stack: Stack) => void Aspects.of(stack).add(new AwsSolutionsChecks()) },
    );
  });

  it('creates no KMS key, and the guard exposes none', () => {
    synth.template.resourceCountIs('AWS::KMS::Key', 0);
    expect(synth.guard.encryptionKey).toBeUndefined();
  });

  it('encrypts the registry with the DynamoDB AWS managed key', () => {
    const [table] = resourcesOf(synth, 'AWS::DynamoDB::Table');
    // SSEEnabled without a key: KMS with the AWS managed aws/dynamodb key (not the free AWS owned key)
    expect(table!.Properties.SSESpecification).toEqual({ SSEEnabled: true });
  });

  it('encrypts the alert topic with aws/sns', () => {
    const topic = synth.template.toJSON().Resources[logicalId(synth.template, 'AWS::SNS::Topic', 'GuardAlertTopic')];
    expect(topic.Properties.KmsMasterKeyId).toEqual(awsManagedAlias('sns'));
  });

  it('encrypts the check’s dead-letter queue with aws/sqs, and the notifier’s with SQS-managed keys SNS can use', () => {
    const resources = synth.template.toJSON().Resources;
    const check = resources[logicalId(synth.template, 'AWS::SQS::Queue', 'GuardDeadLetterQueue')].Properties;
    const notifier = resources[logicalId(synth.template, 'AWS::SQS::Queue', 'GuardNotifierDeadLetterQueue')].Properties;
    expect(check.KmsMasterKeyId).toBe('alias/aws/sqs');
    expect(notifier).toMatchObject({ SqsManagedSseEnabled: true });
    expect(notifier.KmsMasterKeyId).toBeUndefined();
  });

  it('encrypts the generated link secrets with aws/secretsmanager; the SSM store needs none (aws/ssm parameter)', () => {
    // with the SSM store the link secret is a SecureString parameter (test/construct/link-parameter.test.ts)
    expect(resourcesOf(synth, 'AWS::SecretsManager::Secret')).toEqual([]);
    const withSecrets = synthGuard({
      configFile: fixture('ssm-credentials.yaml'),
      encryption: GuardEncryption.AWS_MANAGED,
    });
    const secrets = resourcesOf(withSecrets, 'AWS::SecretsManager::Secret');
    expect(secrets.length).toBe(2);
    for (const secret of secrets) expect(secret.Properties.KmsKeyId).toEqual(awsManagedAlias('secretsmanager'));
  });

  it('leaves the log groups to CloudWatch Logs’ own encryption', () => {
    const groups = resourcesOf(synth, 'AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(group.Properties.KmsKeyId).toBeUndefined();
  });

  it('points every alarm at a TLS-only alarm topic CloudWatch may publish to, not at the aws/sns topic', () => {
    const alarmTopic = logicalId(synth.template, 'AWS::SNS::Topic', 'GuardAlarmTopic');
    const alarms = resourcesOf(synth, 'AWS::CloudWatch::Alarm');
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: alarmTopic }]);
    expect(synth.guard.alarmTopic).toBeDefined();
    expect(synth.template.toJSON().Resources[alarmTopic].Properties.KmsMasterKeyId).toBeUndefined();
    synth.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: alarmTopic }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({
            Sid: 'AllowCloudWatchAlarmsOfThisAccountToPublish',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
          }),
        ]),
      },
    });
  });

  it('creates no dashboard when it is turned off', () => {
    synth.template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
  });

  it('leaves cdk-nag nothing unsuppressed', () => {
    expect(nagFindings(synth.stack)).toEqual([]);
  });
});

describe('AWS managed encryption next to what the user brings', () => {
  it('keeps an alarmTopic given by the user, and creates no topic of its own', () => {
    const synth = synthGuard((stack) => ({
      configFile: fixture('ssm-credentials.yaml'),
      encryption: GuardEncryption.AWS_MANAGED,
      alarmTopic: sns.Topic.fromTopicArn(stack, 'Ops', 'arn:aws:sns:ap-southeast-1:111111111111:ops'),
    }));

    expect(() => logicalId(synth.template, 'AWS::SNS::Topic', 'GuardAlarmTopic')).toThrow();
    for (const alarm of resourcesOf(synth, 'AWS::CloudWatch::Alarm')) {
      expect(alarm.Properties.AlarmActions).toEqual(['arn:aws:sns:ap-southeast-1:111111111111:ops']);
    }
  });

  it('creates no alarm topic when the alarms are off', () => {
    const synth = synthGuard({
      configFile: fixture('ssm-credentials.yaml'),
      encryption: GuardEncryption.AWS_MANAGED,
      alarmsEnabled: false,
    });

    expect(synth.guard.alarmTopic).toBeUndefined();
    synth.template.resourceCountIs('AWS::SNS::Topic', 1);
  });

  it('fails synth when a key is given too, since AWS managed encryption would not use it', () => {
    expect(() =>
      synthGuard((stack) => ({
        configFile: fixture('ssm-credentials.yaml'),
        encryption: GuardEncryption.AWS_MANAGED,
        encryptionKey: kms.Key.fromKeyArn(stack, 'Key', KEY_ARN),
      })),
    ).toThrow(
      'RenewalGuard: encryptionKey is given while encryption is GuardEncryption.AWS_MANAGED, which uses no key ' +
        'of yours; remove one of the two',
    );
  });

  it('keeps the customer managed key by default', () => {
    const synth = synthGuard({ configFile: fixture('ssm-credentials.yaml') });

    synth.template.resourceCountIs('AWS::KMS::Key', 1);
    // alarms have a topic of their own, under the same key (see alarmTopicFor)
    expect(synth.guard.alarmTopic).not.toBe(synth.guard.alertTopic);
    const alarmTopic = logicalId(synth.template, 'AWS::SNS::Topic', 'GuardAlarmTopic');
    expect(synth.template.toJSON().Resources[alarmTopic].Properties.KmsMasterKeyId).toEqual({
      'Fn::GetAtt': [logicalId(synth.template, 'AWS::KMS::Key', 'GuardKey'), 'Arn'],
    });
  });
});
