/**
 * The emulated deployment's own rules, without moto: when a schedule fires, how template values resolve,
 * what a generated secret looks like, what CloudWatch's notification holds, which names moto needs given.
 */
import { alarmNotification } from './support/alarm-notification';
import { generateSecretString } from './support/generated-secret';
import { withNameWithinLimit } from './support/moto-cloudformation';
import { firingOn } from './support/schedule-clock';
import { TemplateValues, UnresolvedValueError } from './support/template-values';

const ENV = {
  account: '123456789012',
  region: 'us-east-1',
  partition: 'aws',
  stackName: 'S',
  stackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/S/1',
  urlSuffix: 'amazonaws.com',
};

describe('a schedule firing', () => {
  it('happens at the expression’s wall-clock time in the schedule’s time zone', () => {
    expect(firingOn('cron(30 9 * * ? *)', 'Asia/Shanghai', '2027-03-10')?.toISOString()).toBe(
      '2027-03-10T01:30:00.000Z',
    );
  });

  it('follows daylight saving time', () => {
    expect(firingOn('cron(0 9 * * ? *)', 'Europe/Berlin', '2027-03-26')?.toISOString()).toBe(
      '2027-03-26T08:00:00.000Z',
    );
    expect(firingOn('cron(0 9 * * ? *)', 'Europe/Berlin', '2027-03-29')?.toISOString()).toBe(
      '2027-03-29T07:00:00.000Z',
    );
  });

  it('happens only on the weekdays a weekly expression names', () => {
    expect(firingOn('cron(0 8 ? * MON *)', 'UTC', '2027-03-16')).toBeUndefined();
    expect(firingOn('cron(0 8 ? * MON *)', 'UTC', '2027-03-15')?.toISOString()).toBe('2027-03-15T08:00:00.000Z');
    expect(firingOn('cron(0 8 ? * 2 *)', 'UTC', '2027-03-15')?.toISOString()).toBe('2027-03-15T08:00:00.000Z');
  });

  it('names an expression it cannot fire instead of guessing', () => {
    expect(() => firingOn('rate(1 day)', 'UTC', '2027-03-15')).toThrow('schedule expression rate(1 day) is beyond');
    expect(() => firingOn('cron(0 8 1 * ? *)', 'UTC', '2027-03-15')).toThrow('cron(0 8 1 * ? *)');
  });
});

describe('template values', () => {
  const values = new TemplateValues(ENV, async (id) => (id.endsWith(':secret:seed-AbC123') ? 'seed-value' : '{}'));
  values.define('Topic', { ref: 'arn:aws:sns:us-east-1:123456789012:t', attributes: { TopicName: 't' } });
  values.define('Seed', { ref: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:seed-AbC123', attributes: {} });

  it('resolves Ref, GetAtt, Join, Sub and the pseudo parameters as CloudFormation does', async () => {
    const resolved = await values.resolve(
      {
        a: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] },
        b: { 'Fn::Sub': '${Topic.TopicName}@${AWS::Region}/${Topic}' },
        c: { 'Fn::Sub': ['${x}-${AWS::StackName}', { x: { 'Fn::GetAtt': ['Topic', 'TopicName'] } }] },
        d: { 'Fn::Select': [1, { 'Fn::Split': [':', { Ref: 'Topic' }] }] },
      },
      'Test',
    );
    expect(resolved).toEqual({
      a: 'arn:aws:iam::123456789012:root',
      b: 't@us-east-1/arn:aws:sns:us-east-1:123456789012:t',
      c: 't-S',
      d: 'aws',
    });
  });

  it('resolves a secretsmanager dynamic reference, colons of the ARN included', async () => {
    const template = {
      'Fn::Join': ['', ['{"feedToken":"{{resolve:secretsmanager:', { Ref: 'Seed' }, ':SecretString:::}}"}']],
    };
    expect(await values.resolve(template, 'Test')).toBe('{"feedToken":"seed-value"}');
  });

  it('says which resource is missing, and names a function it does not know with its path', async () => {
    await expect(values.resolve({ Ref: 'Later' }, 'Resources.X')).rejects.toBeInstanceOf(UnresolvedValueError);
    await expect(values.resolve({ x: { 'Fn::ImportValue': 'e' } }, 'Resources.X')).rejects.toThrow(
      'Resources.X.x.Fn::ImportValue: the emulated deployment does not resolve Fn::ImportValue',
    );
    await expect(values.resolve({ 'Fn::GetAtt': ['Topic', 'Nope'] }, 'Resources.X')).rejects.toThrow(
      'Topic has no attribute Nope',
    );
  });
});

describe('a generated secret', () => {
  it('has the length and characters asked for, under its key in the template object', () => {
    const value = JSON.parse(
      generateSecretString(
        {
          PasswordLength: 64,
          ExcludePunctuation: true,
          IncludeSpace: false,
          GenerateStringKey: 'k',
          SecretStringTemplate: '{"a":"b"}',
        },
        'Test',
      ),
    );
    expect(value.a).toBe('b');
    expect(value.k).toMatch(/^[A-Za-z0-9]{64}$/);
  });

  it('refuses fields it does not know', () => {
    expect(() => generateSecretString({ Bogus: 1 } as never, 'Resources.S.GenerateSecretString')).toThrow(
      'Resources.S.GenerateSecretString: GenerateSecretString has unknown fields Bogus',
    );
  });
});

describe("CloudWatch's alarm notification", () => {
  it('is a JSON body named after the alarm and its new state, for a plain publish', () => {
    const at = new Date('2027-03-10T02:00:00.000Z');
    const { subject, message } = alarmNotification(
      {
        AlarmName: 'g-DeadLetters',
        AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:g-DeadLetters',
        AlarmActions: ['arn:aws:sns:us-east-1:123456789012:t'],
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Statistic: 'Maximum',
        Dimensions: [{ Name: 'QueueName', Value: 'q' }],
        Period: 300,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        Threshold: 1,
        TreatMissingData: 'notBreaching',
      },
      {
        newState: 'ALARM',
        oldState: 'OK',
        reason: 'Threshold Crossed',
        at,
        account: '123456789012',
        region: 'us-east-1',
      },
    );
    expect(subject).toBe('ALARM: "g-DeadLetters" in US East (N. Virginia)');
    expect(JSON.parse(message)).toMatchObject({
      AlarmName: 'g-DeadLetters',
      NewStateValue: 'ALARM',
      OldStateValue: 'OK',
      StateChangeTime: '2027-03-10T02:00:00.000+0000',
      Region: 'US East (N. Virginia)',
      Trigger: { Statistic: 'MAXIMUM', StatisticType: 'Statistic', Dimensions: [{ value: 'q', name: 'QueueName' }] },
    });
  });
});

describe('names moto would make too long', () => {
  it('get the name CloudFormation generates, truncated to the limit; other resources stay as synthesized', () => {
    const env = { ...ENV, stackName: 'AVeryLongStackNameForTheRenewalGuardEmulation' };
    const role = withNameWithinLimit(
      'GuardRegistrySyncProviderRoleECB790BB',
      { Type: 'AWS::IAM::Role', Properties: {} },
      env,
    );
    const named = { Type: 'AWS::IAM::Role', Properties: { RoleName: 'mine' } };
    const short = { Type: 'AWS::IAM::Role', Properties: {} };

    expect(role.Properties!.RoleName).toMatch(/^AVeryLongStackNameForTheRenewalGuardEmulation-Guard-[A-F0-9]{12}$/);
    expect(role.Properties!.RoleName.length).toBe(64);
    expect(withNameWithinLimit('R', named, env)).toBe(named);
    expect(withNameWithinLimit('R', short, ENV)).toBe(short);
  });
});
