/**
 * What happens today to a CloudWatch alarm notification on the guard's alert topic, deployed on moto:
 * CloudWatch publishes a JSON body with no message attributes, and every subscription of the topic
 * filters on attributes (`channels`, `severity`), so it reaches nobody — no email, no SMS, no chat.
 *
 * This records today's behaviour on purpose. Issue #12 ("Delivery in one home", point 5) is to make
 * alarm notifications reach people; when it does, these expectations flip, and `alarmNotification()`
 * (support/alarm-notification.ts) with `EmulatedDeployment.fireAlarm()` is the way to publish one.
 */
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { demoFixtures, startVendorSandbox, type VendorSandbox } from '../../lambda/sandbox';
import { PlatformReceivers } from '../support/receivers';
import { EmulatedDeployment } from './support/emulated-deployment';
import { DAYS, guardStory } from './support/guard-story';

const now = new Date(`${DAYS.deploy}T02:00:00Z`);
let sandbox: VendorSandbox;
let receivers: PlatformReceivers;
let deployment: EmulatedDeployment;

beforeAll(async () => {
  [sandbox, receivers] = await Promise.all([
    startVendorSandbox({ fixtures: demoFixtures(now), clock: () => now }),
    PlatformReceivers.start({ now: () => now.getTime() }),
  ]);
  const { config, secrets } = guardStory(sandbox, receivers, now);
  deployment = await EmulatedDeployment.start({ config, secrets, deployedAt: now });
  await deployment.provision();
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([deployment?.stop(), sandbox?.stop(), receivers?.close()]);
});

describe('a CloudWatch alarm notification on the alert topic, today', () => {
  it('starts from every synthesized alarm in moto, with its actions on the alert topic', async () => {
    const synthesized = Object.values(deployment.stack.template.Resources).filter(
      (r) => r.Type === 'AWS::CloudWatch::Alarm',
    );
    const { MetricAlarms = [] } = await deployment.clients.cloudwatch.send(new DescribeAlarmsCommand({}));

    expect(MetricAlarms.map((a) => a.AlarmName).sort()).toEqual(synthesized.map((r) => r.Properties!.AlarmName).sort());
    const topicArn = deployment.ref('AWS::SNS::Topic', 'GuardAlertTopic');
    expect(MetricAlarms.every((a) => a.AlarmActions?.length === 1 && a.AlarmActions[0] === topicArn)).toBe(true);
  });

  it('is published as CloudWatch publishes it and reaches no channel: every subscription filters on attributes', async () => {
    // Prepare: a probe with no filter, to prove the notification is on the topic
    const probe = await deployment.tap('GuardAlertTopic');
    const at = new Date(`${DAYS.thirtyDaysBefore}T05:00:00Z`);

    // Act: the dead-man's switch goes off
    const { notification, messageIds } = await deployment.fireAlarm(
      'GuardDeadMansSwitchAlarm',
      'ALARM',
      at,
      'Threshold Crossed: no datapoints were received for 26 periods and 26 missing datapoints were treated as [Breaching].',
    );

    // Assess: one publish to the alert topic, JSON with the alarm's name and state, no attributes
    const alarmName = deployment.ref('AWS::CloudWatch::Alarm', 'GuardDeadMansSwitchAlarm');
    expect(messageIds).toHaveLength(1);
    expect(notification.subject).toBe(`ALARM: "${alarmName}" in US East (N. Virginia)`);
    const onTopic = await probe();
    expect(onTopic.map((d) => [d.messageId, d.subject, d.messageAttributes])).toEqual([
      [messageIds[0], notification.subject, {}],
    ]);
    expect(JSON.parse(onTopic[0]!.message)).toMatchObject({
      AlarmName: alarmName,
      NewStateValue: 'ALARM',
      AlarmActions: [deployment.ref('AWS::SNS::Topic', 'GuardAlertTopic')],
      Trigger: { EvaluationPeriods: 26, TreatMissingData: 'breaching' },
    });
    const { MetricAlarms = [] } = await deployment.clients.cloudwatch.send(
      new DescribeAlarmsCommand({ AlarmNames: [alarmName] }),
    );
    expect(MetricAlarms[0]?.StateValue).toBe('ALARM');

    // today (issue #12, point 5, will flip these): no email, no SMS, no notifier invocation, no webhook
    expect(await deployment.drain('GuardChannelsops')).toEqual([]);
    expect(await deployment.drain('GuardChannelspager')).toEqual([]);
    expect(await deployment.deliverToFunctions(at)).toEqual([]);
    expect(receivers.received('webhook')).toEqual([]);
  }, 30_000);
});
