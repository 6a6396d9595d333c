import { Match } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AlertChannel } from '../../src';
import { fixture, logicalId, synthGuard, SynthesizedGuard } from './support/guard-stack';
import { importedSecretArn, secretsReadBy, statementsOf } from './support/policies';

/** The subscriptions on the alert topic, not the guard's alarm topic (alert-channels.test.ts has those). */
function alertSubscriptions(synth: SynthesizedGuard): Array<Record<string, any>> {
  return Object.values(synth.template.findResources('AWS::SNS::Subscription'))
    .map((r) => r.Properties)
    .filter((p) => !/^GuardAlarmTopic/.test(p.TopicArn?.Ref ?? ''));
}

function lambdaSubscriptions(synth: SynthesizedGuard): Array<Record<string, any>> {
  return alertSubscriptions(synth).filter((p) => p.Protocol === 'lambda');
}

describe('the notifier', () => {
  let synth: SynthesizedGuard;
  let notifier: string;
  let queue: string;
  let topic: { Ref: string };
  beforeAll(() => {
    synth = synthGuard((stack) => {
      const secret = (id: string) => secretsmanager.Secret.fromSecretNameV2(stack, id, `renewal-guard/${id}`);
      return {
        configFile: fixture('guard.yaml'),
        channels: [
          AlertChannel.dingTalk({ channelId: 'team-chat', secret: secret('dingtalk') }),
          AlertChannel.slack({ channelId: 'ops-slack', secret: secret('slack') }),
          AlertChannel.pagerDuty({ channelId: 'oncall', secret: secret('pagerduty') }),
        ],
      };
    });
    notifier = logicalId(synth.template, 'AWS::Lambda::Function', 'GuardNotifier');
    queue = logicalId(synth.template, 'AWS::SQS::Queue', 'GuardNotifierDeadLetterQueue');
    topic = { Ref: logicalId(synth.template, 'AWS::SNS::Topic', 'GuardAlertTopic') };
  });

  it('is subscribed once to the alert topic, for exactly the chat, webhook and PagerDuty channel ids', () => {
    expect(lambdaSubscriptions(synth)).toEqual([
      {
        Protocol: 'lambda',
        TopicArn: topic,
        Endpoint: { 'Fn::GetAtt': [notifier, 'Arn'] },
        FilterPolicy: { channels: ['team-chat', 'ops-slack', 'oncall'] },
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [queue, 'Arn'] } },
      },
    ]);
  });

  it('leaves the email and SMS channels to their own subscriptions', () => {
    const others = alertSubscriptions(synth).filter((p) => p.Protocol !== 'lambda');

    expect(others.map((p) => [p.Protocol, p.FilterPolicy.channels]).sort()).toEqual([
      ['email', ['ops']],
      ['email', ['ops']],
      ['sms', ['pager']],
    ]);
  });

  it('may be invoked by SNS for the alert topic only', () => {
    synth.template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [notifier, 'Arn'] },
      Principal: 'sns.amazonaws.com',
      SourceArn: topic,
    });
  });

  it('runs notify one at a time, for at most two minutes, with the runtime and logs of the poller', () => {
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'notify/index.handler',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 120,
      ReservedConcurrentExecutions: 1,
      LoggingConfig: {
        LogFormat: 'JSON',
        LogGroup: { Ref: logicalId(synth.template, 'AWS::Logs::LogGroup', 'GuardNotifierLogs') },
      },
    });
  });

  it('shares the code package of the other functions', () => {
    const code = (id: string) => synth.template.toJSON().Resources[id].Properties.Code.S3Key;
    expect(code(notifier)).toBe(code(logicalId(synth.template, 'AWS::Lambda::Function', 'GuardPoller')));
  });

  it('is configured by names only: the registry, the acknowledge base URL and the link secret', () => {
    expect(synth.template.toJSON().Resources[notifier].Properties.Environment.Variables).toEqual({
      RENEWAL_GUARD_REGISTRY_TABLE: { Ref: logicalId(synth.template, 'AWS::DynamoDB::Table', 'GuardRegistry') },
      RENEWAL_GUARD_ACK_BASE_URL: {
        'Fn::GetAtt': [logicalId(synth.template, 'AWS::Lambda::Url', 'GuardLinksFunctionUrl'), 'FunctionUrl'],
      },
      RENEWAL_GUARD_LINK_SECRET_NAME: {
        Ref: logicalId(synth.template, 'AWS::SecretsManager::Secret', 'GuardLinkSecret'),
      },
      POWERTOOLS_SERVICE_NAME: 'renewal-guard',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('dead-letters failed invocations into the queue its subscription redrives to', () => {
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'notify/index.handler',
      DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [queue, 'Arn'] } },
    });
  });

  it('keeps undelivered alerts 14 days in a queue encrypted with the guard key, which only the topic and TLS may reach', () => {
    synth.template.hasResourceProperties('AWS::SQS::Queue', {
      KmsMasterKeyId: { 'Fn::GetAtt': [logicalId(synth.template, 'AWS::KMS::Key', 'GuardKey'), 'Arn'] },
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
    synth.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queue }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          {
            Effect: 'Allow',
            Principal: { Service: 'sns.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: { 'Fn::GetAtt': [queue, 'Arn'] },
            Condition: { ArnEquals: { 'aws:SourceArn': topic } },
          },
        ]),
      },
    });
  });

  it('is exposed with its dead-letter queue', () => {
    expect(synth.stack.resolve(synth.guard.notifierFunction!.functionArn)).toEqual({
      'Fn::GetAtt': [notifier, 'Arn'],
    });
    expect(synth.stack.resolve(synth.guard.notifierDeadLetterQueue!.queueArn)).toEqual({
      'Fn::GetAtt': [queue, 'Arn'],
    });
  });
});

describe('notifier options and scale', () => {
  it('is not created when the config has only email and SMS channels', () => {
    const synth = synthGuard({ channels: [AlertChannel.email({ channelId: 'ops', to: ['a@example.com'] })] });

    synth.template.resourcePropertiesCountIs('AWS::Lambda::Function', { Handler: 'notify/index.handler' }, 0);
    expect(lambdaSubscriptions(synth)).toEqual([]);
    expect(synth.guard.notifierFunction).toBeUndefined();
    expect(synth.guard.notifierDeadLetterQueue).toBeUndefined();
  });

  it('delivers to a chat channel declared in the config file, reading its secret by name', () => {
    const synth = synthGuard({ configFile: fixture('dingtalk.yaml') });

    expect(lambdaSubscriptions(synth).map((s) => s.FilterPolicy)).toEqual([{ channels: ['team-chat'] }]);
    expect(secretsReadBy(synth, 'GuardNotifierRole')).toEqual([
      importedSecretArn('renewal-guard/dingtalk-team'),
      { Ref: logicalId(synth.template, 'AWS::SecretsManager::Secret', 'GuardLinkSecret') },
    ]);
  });

  it('reads a channel secret created next to the guard, with the key that encrypts it', () => {
    let keyId = '';
    let secretId = '';
    const synth = synthGuard((stack) => {
      const key = new kms.Key(stack, 'ChannelKey', { enableKeyRotation: true });
      const secret = new secretsmanager.Secret(stack, 'TeamsSecret', {
        secretName: 'renewal-guard/teams',
        encryptionKey: key,
      });
      keyId = stack.getLogicalId(key.node.defaultChild as kms.CfnKey);
      secretId = stack.getLogicalId(secret.node.defaultChild as secretsmanager.CfnSecret);
      return { channels: [AlertChannel.teams({ channelId: 'teams', secret })] };
    });

    const role = logicalId(synth.template, 'AWS::IAM::Role', 'GuardNotifierRole');
    expect(secretsReadBy(synth, 'GuardNotifierRole')).toContainEqual({ Ref: secretId });
    expect(synth.template.toJSON().Resources[keyId].Properties.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({ Action: 'kms:Decrypt', Principal: { AWS: { 'Fn::GetAtt': [role, 'Arn'] } } }),
    );
    expect(statementsOf(synth, 'GuardPollerRole').map((s) => JSON.stringify(s.Resource))).not.toContain(
      JSON.stringify({ Ref: secretId }),
    );
  });

  it('subscribes to a topic brought by the user', () => {
    const synth = synthGuard((stack) => ({
      alertTopic: sns.Topic.fromTopicArn(stack, 'Alerts', 'arn:aws:sns:ap-southeast-1:111111111111:team-alerts'),
      channels: [
        AlertChannel.weCom({
          channelId: 'wecom',
          secret: secretsmanager.Secret.fromSecretNameV2(stack, 'WeCom', 'renewal-guard/wecom'),
        }),
      ],
    }));

    expect(lambdaSubscriptions(synth).map((s) => s.TopicArn)).toEqual([
      'arn:aws:sns:ap-southeast-1:111111111111:team-alerts',
    ]);
  });

  it('adds no resource for more chat channels: one subscription filters on all of them', () => {
    const types = (count: number) => {
      const synth = synthGuard((stack) => ({
        channels: Array.from({ length: count }, (_, i) =>
          AlertChannel.webhook({
            channelId: `hook-${i}`,
            secret: secretsmanager.Secret.fromSecretNameV2(stack, `Hook${i}`, `renewal-guard/hook-${i}`),
          }),
        ),
      }));
      return Object.values(synth.template.toJSON().Resources as Record<string, { Type: string }>)
        .map((r) => r.Type)
        .sort();
    };

    expect(types(20)).toEqual(types(1));
  });

  it('refuses more chat channels than one SNS filter policy takes', () => {
    const channels = (stack: import('aws-cdk-lib').Stack) =>
      Array.from({ length: 151 }, (_, i) =>
        AlertChannel.slack({
          channelId: `slack-${i}`,
          secret: secretsmanager.Secret.fromSecretNameV2(stack, `Slack${i}`, 'renewal-guard/slack'),
        }),
      );

    expect(() => synthGuard((stack) => ({ channels: channels(stack) }))).toThrow(
      "invalid RenewalGuard config:\n  channels: 151 chat, webhook and pagerduty channels; the notifier's SNS filter policy takes at most 150",
    );
  });
});
