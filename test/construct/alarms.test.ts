import { Match } from 'aws-cdk-lib/assertions';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { fixture, logicalId, synthGuard, SynthesizedGuard } from './support/guard-stack';

const TOPIC_ARN = 'arn:aws:sns:ap-southeast-1:111111111111:ops-alarms';

describe('the default alarms', () => {
  let synth: SynthesizedGuard;
  let topic: { Ref: string };
  beforeAll(() => {
    synth = synthGuard();
    topic = { Ref: logicalId(synth.template, 'AWS::SNS::Topic', 'GuardAlarmTopic') };
  });

  it('are four without a notifier, exposed as alarms and one by one', () => {
    const { guard } = synth;

    synth.template.resourceCountIs('AWS::CloudWatch::Alarm', 4);
    expect(guard.notifierErrorsAlarm).toBeUndefined();
    expect(guard.alarms).toEqual([
      guard.deadMansSwitchAlarm,
      guard.pollerErrorsAlarm,
      guard.deadLetterQueueAlarm,
      guard.pollFailuresAlarm,
    ]);
    expect(guard.alarms.every((a) => a !== undefined)).toBe(true);
  });

  it("dead-man's switch: ALARM when 26 hourly sums of completed cycles, missing data breaching, are all below 1", () => {
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${synth.guard.guardName}-DeadMansSwitch`,
      ComparisonOperator: 'LessThanThreshold',
      Threshold: 1,
      EvaluationPeriods: 26,
      DatapointsToAlarm: 26,
      TreatMissingData: 'breaching',
      Metrics: [
        Match.objectLike({ Expression: 'FILL(cycles, 0)' }),
        {
          Id: 'cycles',
          ReturnData: false,
          MetricStat: {
            Metric: {
              Namespace: 'RenewalGuard',
              MetricName: 'CycleCompleted',
              Dimensions: [{ Name: 'Guard', Value: synth.guard.guardName }],
            },
            Period: 3600,
            Stat: 'Sum',
          },
        },
      ],
      AlarmActions: [topic],
    });
  });

  it('poller errors: ALARM for an hour with at least one error of the poller function, missing data not breaching', () => {
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${synth.guard.guardName}-PollerErrors`,
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [
        { Name: 'FunctionName', Value: { Ref: logicalId(synth.template, 'AWS::Lambda::Function', 'GuardPoller') } },
      ],
      Statistic: 'Sum',
      Period: 3600,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
    });
  });

  it('dead letters: ALARM while the dead-letter queue holds a message, missing data not breaching', () => {
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${synth.guard.guardName}-DeadLetters`,
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [
        {
          Name: 'QueueName',
          Value: { 'Fn::GetAtt': [logicalId(synth.template, 'AWS::SQS::Queue', 'GuardDeadLetterQueue'), 'QueueName'] },
        },
      ],
      Statistic: 'Maximum',
      Period: 300,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
    });
  });

  it('poll failures: ALARM for an hour after a check that could not poll an account, missing data not breaching', () => {
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${synth.guard.guardName}-PollFailures`,
      Namespace: 'RenewalGuard',
      MetricName: 'PollFailures',
      Dimensions: [{ Name: 'Guard', Value: synth.guard.guardName }],
      Statistic: 'Sum',
      Period: 3600,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
    });
  });

  it('each say what the state means and what to do', () => {
    const descriptions = Object.values(synth.template.findResources('AWS::CloudWatch::Alarm')).map((a) =>
      JSON.stringify(a.Properties.AlarmDescription),
    );

    expect(descriptions).toEqual([
      expect.stringMatching(/has not completed a daily check in 26 hours.*invoke the poller once/),
      expect.stringMatching(/failed in the last hour.*invoke the function once/),
      expect.stringMatching(/dead-lettered.*purge the queue/),
      expect.stringMatching(/could not read at least one vendor account.*credentials/),
    ]);
  });

  describe("notifying through the guard's own encrypted alarm topic", () => {
    function resource(ref: unknown) {
      const id =
        (ref as { Ref?: string; 'Fn::GetAtt'?: string[] }).Ref ?? (ref as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0];
      return synth.template.toJSON().Resources[id];
    }

    it("can use the topic's key: its key policy lets CloudWatch in this account decrypt and generate data keys", () => {
      const alarms = Object.values(synth.template.findResources('AWS::CloudWatch::Alarm'));
      expect(alarms).toHaveLength(4);
      for (const alarm of alarms) {
        const alarmTopic = resource(alarm.Properties.AlarmActions[0]);
        const key = resource(alarmTopic.Properties.KmsMasterKeyId);

        expect(alarmTopic.Type).toBe('AWS::SNS::Topic');
        expect(key.Type).toBe('AWS::KMS::Key');
        expect(key.Properties.KeyPolicy.Statement).toContainEqual(
          expect.objectContaining({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']),
            Resource: '*',
            Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
          }),
        );
      }
    });

    it("may publish: the topic's policy, which replaces the SNS default, lets this account's alarms publish", () => {
      synth.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [topic],
        PolicyDocument: {
          Statement: Match.arrayWith([
            {
              Sid: 'AllowCloudWatchAlarmsOfThisAccountToPublish',
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Action: 'sns:Publish',
              Resource: topic,
              Condition: {
                StringEquals: { 'aws:SourceAccount': '111111111111' },
                ArnLike: {
                  'aws:SourceArn': {
                    'Fn::Join': [
                      '',
                      ['arn:', { Ref: 'AWS::Partition' }, ':cloudwatch:ap-southeast-1:111111111111:alarm:*'],
                    ],
                  },
                },
              },
            },
          ]),
        },
      });
    });
  });
});

describe('alarm options', () => {
  it('creates no alarm with alarmsEnabled false, and exposes none', () => {
    const synth = synthGuard({ alarmsEnabled: false });

    synth.template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    expect(synth.guard.alarms).toEqual([]);
    expect(synth.guard.deadMansSwitchAlarm).toBeUndefined();
    expect(synth.guard.pollFailuresAlarm).toBeUndefined();
  });

  it('notifies alarmTopic instead of the alert topic when one is given', () => {
    const synth = synthGuard((stack) => ({ alarmTopic: sns.Topic.fromTopicArn(stack, 'Ops', TOPIC_ARN) }));

    const alarms = Object.values(synth.template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.map((a) => a.Properties.AlarmActions)).toEqual([[TOPIC_ARN], [TOPIC_ARN], [TOPIC_ARN], [TOPIC_ARN]]);
  });

  it('leaves the policy of an alert topic it does not own alone, and notifies it: the guard creates no topic', () => {
    const synth = synthGuard((stack) => ({ alertTopic: sns.Topic.fromTopicArn(stack, 'Alerts', TOPIC_ARN) }));

    synth.template.resourceCountIs('AWS::SNS::TopicPolicy', 0);
    synth.template.resourceCountIs('AWS::SNS::Topic', 0);
    expect(Object.values(synth.template.findResources('AWS::CloudWatch::Alarm'))[0].Properties.AlarmActions).toEqual([
      TOPIC_ARN,
    ]);
  });

  it('adds actions of the consumer to every default alarm', () => {
    const synth = synthGuard(
      {},
      {
        beforeSynth: (stack, guard) =>
          guard.addAlarmAction(new cloudwatchActions.SnsAction(sns.Topic.fromTopicArn(stack, 'Pager', TOPIC_ARN))),
      },
    );

    const alarms = Object.values(synth.template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.map((a) => a.Properties.AlarmActions[1])).toEqual([TOPIC_ARN, TOPIC_ARN, TOPIC_ARN, TOPIC_ARN]);
  });
});

describe('the notifier alarms', () => {
  let synth: SynthesizedGuard;
  let topic: { Ref: string };
  beforeAll(() => {
    synth = synthGuard({ configFile: fixture('dingtalk.yaml') });
    topic = { Ref: logicalId(synth.template, 'AWS::SNS::Topic', 'GuardAlarmTopic') };
  });

  it('join the default alarms when the guard has a notifier, exposed as alarms and one by one', () => {
    const { guard } = synth;

    synth.template.resourceCountIs('AWS::CloudWatch::Alarm', 6);
    expect(guard.alarms).toEqual([
      guard.deadMansSwitchAlarm,
      guard.pollerErrorsAlarm,
      guard.deadLetterQueueAlarm,
      guard.pollFailuresAlarm,
      guard.notifierErrorsAlarm,
      guard.notifierDeadLetterQueueAlarm,
    ]);
    expect(guard.alarms.every((a) => a !== undefined)).toBe(true);
  });

  it('notifier errors: ALARM for an hour with at least one error of the notifier, missing data not breaching', () => {
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${synth.guard.guardName}-NotifierErrors`,
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [
        { Name: 'FunctionName', Value: { Ref: logicalId(synth.template, 'AWS::Lambda::Function', 'GuardNotifier') } },
      ],
      Statistic: 'Sum',
      Period: 3600,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
    });
  });

  it("notifier dead letters: ALARM while the notifier's dead-letter queue holds an alert", () => {
    const queue = logicalId(synth.template, 'AWS::SQS::Queue', 'GuardNotifierDeadLetterQueue');
    synth.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: `${synth.guard.guardName}-NotifierDeadLetters`,
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
      Statistic: 'Maximum',
      Period: 300,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Threshold: 1,
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [topic],
    });
  });

  it('say what failed and what to do', () => {
    const description = (suffix: string) =>
      JSON.stringify(
        Object.values(synth.template.findResources('AWS::CloudWatch::Alarm')).find(
          (a) => a.Properties.AlarmName === `${synth.guard.guardName}-${suffix}`,
        )?.Properties.AlarmDescription,
      );

    expect(description('NotifierErrors')).toMatch(/could not deliver an alert.*channel secret/);
    expect(description('NotifierDeadLetters')).toMatch(/someone may not have been told.*purge the queue/);
  });

  it('receive the actions added to the default alarms', () => {
    const withAction = synthGuard(
      { configFile: fixture('dingtalk.yaml') },
      {
        beforeSynth: (stack, guard) =>
          guard.addAlarmAction(new cloudwatchActions.SnsAction(sns.Topic.fromTopicArn(stack, 'Pager', TOPIC_ARN))),
      },
    );

    const alarms = Object.values(withAction.template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(6);
    expect(alarms.map((a) => a.Properties.AlarmActions[1])).toEqual(Array(6).fill(TOPIC_ARN));
  });

  it('are not created with alarmsEnabled false', () => {
    const quiet = synthGuard({ configFile: fixture('dingtalk.yaml'), alarmsEnabled: false });

    quiet.template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    expect(quiet.guard.notifierErrorsAlarm).toBeUndefined();
    expect(quiet.guard.notifierDeadLetterQueueAlarm).toBeUndefined();
  });
});
