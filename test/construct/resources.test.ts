import { RemovalPolicy } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { fixture, logicalId, synthGuard, SynthesizedGuard } from './support/guard-stack';

describe('the resources a guard creates', () => {
  let synth: SynthesizedGuard;
  let keyId: string;
  beforeAll(() => {
    synth = synthGuard({ configFile: fixture('guard.yaml') });
    keyId = logicalId(synth.template, 'AWS::KMS::Key', 'GuardKey');
  });

  describe('the registry table', () => {
    it('is billed per request, recovers to a point in time and is encrypted with the guard key', () => {
      synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
      });
    });

    it('has the key schema, TTL attribute and outbox index the handlers use', () => {
      synth.template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith([
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'outboxPk', AttributeType: 'S' },
          { AttributeName: 'claimedAt', AttributeType: 'S' },
        ]),
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        GlobalSecondaryIndexes: [
          {
            IndexName: 'outbox',
            KeySchema: [
              { AttributeName: 'outboxPk', KeyType: 'HASH' },
              { AttributeName: 'claimedAt', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      });
    });

    it('is retained when it leaves the stack', () => {
      synth.template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    });
  });

  describe('the encryption key', () => {
    it('rotates and is retained with the registry', () => {
      synth.template.hasResource('AWS::KMS::Key', {
        Properties: Match.objectLike({ EnableKeyRotation: true }),
        DeletionPolicy: 'Retain',
      });
    });

    it('lets CloudWatch alarms in this account publish to the encrypted topic', () => {
      synth.template.hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            {
              Sid: 'AllowCloudWatchAlarmsToPublishToTheAlertTopic',
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
              Resource: '*',
              Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
            },
          ]),
        },
      });
    });
  });

  describe('the alert topic', () => {
    it('is encrypted with the guard key', () => {
      synth.template.hasResourceProperties('AWS::SNS::Topic', {
        KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      });
    });

    it('refuses requests that do not use TLS', () => {
      synth.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sns:Publish',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      });
    });
  });

  describe('the event bus', () => {
    it('is named after the stack and the construct, so two stacks never collide', () => {
      synth.template.hasResourceProperties('AWS::Events::EventBus', {
        Name: Match.stringLikeRegexp('^GuardStack-Guard-[0-9A-F]{8}$'),
      });
    });
  });

  describe('the poller function', () => {
    it('runs poll-and-evaluate on Node.js 24 on arm64 with five minutes and 512 MB', () => {
      synth.template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'poll-and-evaluate/index.handler',
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 512,
        Timeout: 300,
      });
    });

    it('logs JSON into its own log group, kept for a year by default', () => {
      const logGroup = logicalId(synth.template, 'AWS::Logs::LogGroup', 'GuardPollerLogs');
      synth.template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'poll-and-evaluate/index.handler',
        LoggingConfig: { LogFormat: 'JSON', LogGroup: { Ref: logGroup } },
      });
      synth.template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    });

    it('is configured by resource names only: table, topic, bus, guard name, links, metrics setting, service name and source maps', () => {
      const fn = synth.template.toJSON().Resources[logicalId(synth.template, 'AWS::Lambda::Function', 'GuardPoller')];
      expect(fn.Properties.Environment.Variables).toEqual({
        RENEWAL_GUARD_REGISTRY_TABLE: { Ref: logicalId(synth.template, 'AWS::DynamoDB::Table', 'GuardRegistry') },
        RENEWAL_GUARD_ALERT_TOPIC_ARN: { Ref: logicalId(synth.template, 'AWS::SNS::Topic', 'GuardAlertTopic') },
        RENEWAL_GUARD_EVENT_BUS_NAME: { Ref: logicalId(synth.template, 'AWS::Events::EventBus', 'GuardEventBus') },
        RENEWAL_GUARD_NAME: 'GuardStack-Guard-8E431075',
        RENEWAL_GUARD_DETAILED_METRICS: 'false',
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

    it('sends invocations that keep failing to the dead-letter queue', () => {
      const queue = logicalId(synth.template, 'AWS::SQS::Queue', 'GuardDeadLetterQueue');
      synth.template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'poll-and-evaluate/index.handler',
        DeadLetterConfig: { TargetArn: { 'Fn::GetAtt': [queue, 'Arn'] } },
      });
    });
  });

  describe('the registry sync', () => {
    it('runs sync-registry with the same runtime, architecture and JSON logs as the poller', () => {
      synth.template.hasResourceProperties('AWS::Lambda::Function', {
        Handler: 'sync-registry/index.handler',
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        LoggingConfig: Match.objectLike({ LogFormat: 'JSON' }),
        Environment: {
          Variables: {
            RENEWAL_GUARD_REGISTRY_TABLE: { Ref: logicalId(synth.template, 'AWS::DynamoDB::Table', 'GuardRegistry') },
            POWERTOOLS_SERVICE_NAME: 'renewal-guard',
            NODE_OPTIONS: '--enable-source-maps',
          },
        },
      });
    });

    it('is a custom resource served by the sync function itself, carrying the config hash so every config change re-syncs', () => {
      synth.template.hasResourceProperties('Custom::RenewalGuardRegistrySync', {
        ServiceToken: {
          'Fn::GetAtt': [logicalId(synth.template, 'AWS::Lambda::Function', 'GuardRegistrySync'), 'Arn'],
        },
        ConfigHash: Match.stringLikeRegexp('^[0-9a-f]{64}$'),
      });
    });

    it('needs no Provider framework: the guard’s own functions are the only functions, all on nodejs24.x', () => {
      // no chat channel here, so no notifier: poller, links and sync
      const functions = Object.values(synth.template.findResources('AWS::Lambda::Function'));
      expect(functions.map((f) => f.Properties.Handler).sort()).toEqual([
        'ack-and-calendar/index.handler',
        'poll-and-evaluate/index.handler',
        'sync-registry/index.handler',
      ]);
      expect(new Set(functions.map((f) => f.Properties.Runtime))).toEqual(new Set(['nodejs24.x']));
      expect(synth.template.toJSON().Mappings ?? {}).not.toHaveProperty('LatestNodeRuntimeMap');
    });
  });

  describe('the daily schedule', () => {
    it('runs at checkTime in the config time zone', () => {
      synth.template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(30 9 * * ? *)',
        ScheduleExpressionTimezone: 'Asia/Shanghai',
        State: 'ENABLED',
      });
    });

    it('invokes the poller, retries twice within an hour, then dead-letters', () => {
      const queue = logicalId(synth.template, 'AWS::SQS::Queue', 'GuardDeadLetterQueue');
      synth.template.hasResourceProperties('AWS::Scheduler::Schedule', {
        Target: {
          Arn: { 'Fn::GetAtt': [logicalId(synth.template, 'AWS::Lambda::Function', 'GuardPoller'), 'Arn'] },
          RoleArn: { 'Fn::GetAtt': [logicalId(synth.template, 'AWS::IAM::Role', 'GuardSchedulerRole'), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queue, 'Arn'] } },
        },
      });
    });

    it('dead-letters into a queue encrypted with the guard key, TLS only, kept 14 days', () => {
      synth.template.hasResourceProperties('AWS::SQS::Queue', {
        KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
      synth.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    });
  });

  it('creates no role or resource outside its own scope', () => {
    const outside = Object.keys(synth.template.toJSON().Resources).filter((id) => !id.startsWith('Guard'));
    expect(outside).toEqual([]);
  });
});

describe('guard settings', () => {
  it('destroys the registry and its key with the stack when registryRemovalPolicy says so', () => {
    const { template } = synthGuard({
      registryRemovalPolicy: RemovalPolicy.DESTROY,
      logRetention: logs.RetentionDays.ONE_MONTH,
    });

    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete' });
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Delete' });
    // the poller's and the sync function's: with no config there are no links, and no Provider framework
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 30 }, 2);
  });

  it('runs at 09:00 UTC and keeps the registry empty when given no config at all', () => {
    const { template } = synthGuard();

    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 9 * * ? *)',
      ScheduleExpressionTimezone: 'UTC',
    });
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
