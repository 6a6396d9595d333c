import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AlertChannel, RenewalGuard } from '../../src';
import { fixture, logicalId, synthGuard, type SynthesizedGuard } from './support/guard-stack';

const KEY_ARN = 'arn:aws:kms:ap-southeast-1:111111111111:key/00000000-0000-4000-8000-000000000000';

function withNotifier(encryptionKey?: (stack: any) => kms.IKey): SynthesizedGuard {
  return synthGuard((stack) => ({
    configFile: fixture('guard.yaml'),
    channels: [
      AlertChannel.slack({
        channelId: 'ops-slack',
        secret: secretsmanager.Secret.fromSecretNameV2(stack, 'Slack', 'renewal-guard/slack'),
      }),
    ],
    ...(encryptionKey && { encryptionKey: encryptionKey(stack) }),
  }));
}

describe('encryption at rest with the guard key', () => {
  let synth: SynthesizedGuard;
  let key: string;
  beforeAll(() => {
    synth = withNotifier();
    key = logicalId(synth.template, 'AWS::KMS::Key', 'GuardKey');
  });

  it('encrypts every log group of the guard with its key', () => {
    const groups = Object.values(synth.template.findResources('AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThanOrEqual(4); // poller, sync, links, notifier
    for (const group of groups) {
      expect(group.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [key, 'Arn'] });
      expect(group.DependsOn).toContain(key);
    }
  });

  it('lets CloudWatch Logs use the key only for this account’s log groups in this region', () => {
    const statements = synth.template.toJSON().Resources[key].Properties.KeyPolicy.Statement;
    expect(statements).toContainEqual({
      Sid: 'AllowCloudWatchLogsForTheGuardsLogGroups',
      Effect: 'Allow',
      // logs.<region>.amazonaws.com, or .amazonaws.com.cn in the China regions
      Principal: { Service: { 'Fn::Join': ['', ['logs.ap-southeast-1.', { Ref: 'AWS::URLSuffix' }]] } },
      Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
      Resource: '*',
      Condition: {
        ArnLike: {
          'kms:EncryptionContext:aws:logs:arn': {
            'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:ap-southeast-1:111111111111:log-group:*']],
          },
        },
      },
    });
  });

  it('encrypts both dead-letter queues with the key, and lets SNS use it only for this account’s topics', () => {
    const queues = Object.values(synth.template.findResources('AWS::SQS::Queue'));
    expect(queues.map((q) => q.Properties.KmsMasterKeyId)).toEqual([
      { 'Fn::GetAtt': [key, 'Arn'] },
      { 'Fn::GetAtt': [key, 'Arn'] },
    ]);
    const statements = synth.template.toJSON().Resources[key].Properties.KeyPolicy.Statement;
    expect(statements).toContainEqual({
      Sid: 'AllowSnsToKeepUndeliveredAlertsInTheNotifierDeadLetterQueue',
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:SourceAccount': '111111111111' },
        ArnLike: {
          'aws:SourceArn': {
            'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:ap-southeast-1:111111111111:*']],
          },
        },
      },
    });
  });

  it('lets the notifier put a failed invocation into its encrypted dead-letter queue', () => {
    const role = logicalId(synth.template, 'AWS::IAM::Role', 'GuardNotifierRole');
    synth.template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: role }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
            Resource: { 'Fn::GetAtt': [key, 'Arn'] },
          }),
        ]),
      },
    });
  });
});

describe('encryption with a key the user brings as a construct of the app', () => {
  it('lets CloudWatch alarms of this account use it, since it encrypts the topic the guard’s alarms notify', () => {
    // Prepare
    let keyId = '';

    // Act
    const synth = withNotifier((stack) => {
      const key = new kms.Key(stack, 'TeamKey', { enableKeyRotation: true });
      keyId = stack.getLogicalId(key.node.defaultChild as kms.CfnKey);
      return key;
    });

    // Assess
    const alarmTopic = logicalId(synth.template, 'AWS::SNS::Topic', 'GuardAlarmTopic');
    expect(synth.template.toJSON().Resources[alarmTopic].Properties.KmsMasterKeyId).toEqual({
      'Fn::GetAtt': [keyId, 'Arn'],
    });
    expect(synth.template.toJSON().Resources[keyId].Properties.KeyPolicy.Statement).toContainEqual({
      Sid: 'AllowCloudWatchAlarmsToPublishToTheAlertTopic',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
    });
  });
});

describe('encryption with a key imported by ARN, whose policy the app cannot amend', () => {
  it('leaves log groups to CloudWatch Logs’ own encryption and the notifier’s queue to SQS, rather than fail to deploy', () => {
    const synth = withNotifier((stack) => kms.Key.fromKeyArn(stack, 'Imported', KEY_ARN));

    for (const group of Object.values(synth.template.findResources('AWS::Logs::LogGroup'))) {
      expect(group.Properties.KmsKeyId).toBeUndefined();
    }
    synth.template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    // the daily check's queue is written by Lambda and the scheduler with roles granted on the key
    synth.template.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: KEY_ARN });
  });

  it('warns that its policy must let CloudWatch alarms use it, since the guard’s alarm topic is under it', () => {
    // Act
    const synth = withNotifier((stack) => kms.Key.fromKeyArn(stack, 'Imported', KEY_ARN));

    // Assess
    synth.template.hasResourceProperties('AWS::SNS::Topic', {
      DisplayName: 'RenewalGuard alarms',
      KmsMasterKeyId: KEY_ARN,
    });
    const warnings = Annotations.fromStack(synth.stack)
      .findWarning('/GuardStack/Guard', Match.stringLikeRegexp('^encryptionKey: '))
      .map((w) => w.entry.data);
    expect(warnings).toEqual([
      "encryptionKey: the key is imported, so its policy is not the app's to amend, and the alert topic and " +
        "the guard's alarm topic are encrypted with it: its policy must let cloudwatch.amazonaws.com use " +
        'kms:Decrypt and kms:GenerateDataKey* (with aws:SourceAccount = this account), or no alarm can notify, ' +
        "the dead-man's switch included [ack: renewal-guard:imported-key-alarms]",
    ]);
  });

  it('does not warn when the user brings the alert topic, which then takes the alarms', () => {
    // Act
    const synth = synthGuard((stack) => ({
      encryptionKey: kms.Key.fromKeyArn(stack, 'Imported', KEY_ARN),
      alertTopic: sns.Topic.fromTopicArn(stack, 'Alerts', 'arn:aws:sns:ap-southeast-1:111111111111:team-alerts'),
    }));

    // Assess
    expect(Annotations.fromStack(synth.stack).findWarning('*', Match.stringLikeRegexp('^encryptionKey: '))).toEqual([]);
  });
});

describe('encryption with a key of another stack of the app', () => {
  it('synthesizes without a cycle: the link secret’s readers get the key in their own policies, through Secrets Manager', () => {
    // Prepare
    const app = new App();
    const env = { account: '111111111111', region: 'ap-southeast-1' };
    const shared = new Stack(app, 'Shared', { env });
    const key = new kms.Key(shared, 'Key', { enableKeyRotation: true });
    const guardStack = new Stack(app, 'GuardStack', { env });
    new RenewalGuard(guardStack, 'Guard', {
      encryptionKey: key,
      channels: [AlertChannel.email({ channelId: 'ops', to: ['ops@example.com'] })],
    });

    // Act
    const assembly = app.synth();

    // Assess
    expect(assembly.getStackByName('GuardStack').dependencies.map((d) => d.id)).toContain('Shared');
    const keyPolicy = JSON.stringify(Template.fromStack(shared).findResources('AWS::KMS::Key'));
    expect(keyPolicy).not.toMatch(/GuardStack|ImportValue/);
    const guard = Template.fromStack(guardStack);
    const links = logicalId(guard, 'AWS::IAM::Role', 'GuardLinksRole');
    const linkSecret = logicalId(guard, 'AWS::SecretsManager::Secret', 'GuardLinkSecret');
    const statements = Object.values(guard.findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: links }]))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        Resource: { Ref: linkSecret },
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 'kms:Decrypt',
        Resource: { 'Fn::ImportValue': expect.stringMatching(/^Shared:ExportsOutputFnGetAttKey/) },
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.ap-southeast-1.amazonaws.com' } },
      }),
    );
  });
});
