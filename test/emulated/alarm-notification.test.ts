/**
 * Who hears what on the emulated deployment (moto SNS holding the template's own subscriptions and filter
 * policies, the shipped notifier bundle invoked as Lambda invokes it), under default props:
 *
 * - a CloudWatch alarm notification, published as CloudWatch publishes it (a JSON body, no message
 *   attributes) to the alarm topic the alarms notify, reaches every operators channel: the email and SMS
 *   recipients' unfiltered subscriptions on that topic, and the webhook through the notifier, as an alert;
 *   nothing reaches the alert topic's subscriptions;
 * - each alert reaches exactly the subscriptions its `channels` match (moto evaluates each filter);
 * - a resolving notice (info) reaches a channel whose minSeverity is above info when routing sent it there.
 *
 * moto is looser than SNS in one way that matters here, which is why the alarms have a topic of their own:
 * it matches `{"exists": false}` against a message without attributes, which SNS never does.
 */
import { DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { snsPublications } from '../../lambda/aws/sns-alert-publisher';
import type { Alert, ChannelConfig } from '../../lambda/core/model';
import type { PlatformReceivers } from '../support/receivers';
import type { EmulatedDeployment } from './support/emulated-deployment';
import { DAYS } from './support/guard-story';
import type { SnsDelivery } from './support/stand-in-subscriptions';
import { deployGuardStory, stopStoryDeployment, type StoryDeployment } from './support/story-deployment';

const now = new Date(`${DAYS.deploy}T02:00:00Z`);
let story: StoryDeployment | undefined;
let receivers: PlatformReceivers;
let deployment: EmulatedDeployment;
let channels: ChannelConfig[];

beforeAll(async () => {
  story = await deployGuardStory(() => now);
  ({ receivers, deployment } = story);
  const declared = story.config.channels as Array<Omit<ChannelConfig, 'options' | 'to'> & { to?: string[] }>;
  channels = declared.map((c) => ({ ...c, to: c.to ?? [], options: {} }));
}, 60_000);

afterAll(() => stopStoryDeployment(story));

/** The logical id of the one stand-in subscribed with `protocol` to the topic whose logical id starts with `topic`. */
function subscriptionOn(topic: string, protocol: string, endpoint?: string): string {
  const topicArn = deployment.ref('AWS::SNS::Topic', topic);
  const found = deployment.standIns.filter(
    (s) => s.topicArn === topicArn && s.protocol === protocol && (endpoint === undefined || s.endpoint === endpoint),
  );
  if (found.length !== 1) throw new Error(`expected one ${protocol} subscription on ${topic}, found ${found.length}`);
  return found[0]!.logicalId;
}

const drainOn = (topic: string, protocol: string, endpoint?: string): Promise<SnsDelivery[]> =>
  deployment.drain(subscriptionOn(topic, protocol, endpoint));

/** Everything now waiting on every subscription of the alert topic, by channel stand-in. */
async function alertTopicDeliveries(): Promise<Record<string, string[]>> {
  const keys = async (protocol: string, endpoint?: string) =>
    (await drainOn('GuardAlertTopic', protocol, endpoint)).map((d) => d.messageAttributes.channels?.Value ?? '-');
  return {
    ops: await keys('email', 'ops@example.com'),
    pager: await keys('sms', '+8613800000000'),
    notifier: await keys('lambda'),
  };
}

describe('under default props, a CloudWatch alarm notification', () => {
  it("reaches the operators' email and SMS through the alarm topic, and their webhook through the notifier", async () => {
    // on the receivers' clock, which checks the webhook signature's age
    const at = new Date(now.getTime() + 60_000);
    const webhookBefore = receivers.accepted('webhook').length;

    // Act: the dead-man's switch goes off, and CloudWatch publishes to the alarm's action
    const { notification, messageIds } = await deployment.fireAlarm(
      'GuardDeadMansSwitchAlarm',
      'ALARM',
      at,
      'Threshold Crossed: no datapoints were received for 26 periods and 26 missing datapoints were treated as [Breaching].',
    );

    // Assess: published once, to the guard's alarm topic, without attributes
    const alarmName = deployment.ref('AWS::CloudWatch::Alarm', 'GuardDeadMansSwitchAlarm');
    expect(messageIds).toHaveLength(1);
    const { MetricAlarms = [] } = await deployment.clients.cloudwatch.send(
      new DescribeAlarmsCommand({ AlarmNames: [alarmName] }),
    );
    expect(MetricAlarms[0]?.AlarmActions).toEqual([deployment.ref('AWS::SNS::Topic', 'GuardAlarmTopic')]);

    // the email and SMS recipients get CloudWatch's notification itself, as SNS hands it over
    const email = await drainOn('GuardAlarmTopic', 'email', 'ops@example.com');
    const sms = await drainOn('GuardAlarmTopic', 'sms', '+8613800000000');
    for (const got of [email, sms]) {
      expect(got.map((d) => [d.messageId, d.subject, d.messageAttributes])).toEqual([
        [messageIds[0], notification.subject, {}],
      ]);
      expect(JSON.parse(got[0]!.message)).toMatchObject({ AlarmName: alarmName, NewStateValue: 'ALARM' });
    }

    // the webhook (a channel the notifier delivers to) gets it as an alarm alert, once
    const invoked = await deployment.deliverToFunctions(at);
    expect(invoked.map((i) => [i.function, i.attempts.map((a) => a.error ?? 'ok'), i.deadLettered])).toEqual([
      [expect.stringMatching(/^GuardNotifier/), ['ok'], false],
    ]);
    const posted = receivers.accepted('webhook').slice(webhookBefore);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toMatchObject({
      kind: 'alarm',
      severity: 'critical',
      channels: ['ops', 'pager', 'hooks'],
      title: `[Critical] Guard alarm: ${alarmName}`,
    });

    // nothing leaked to the alert topic, whose subscriptions all filter on channels
    expect(await alertTopicDeliveries()).toEqual({ ops: [], pager: [], notifier: [] });
  }, 60_000);
});

describe('alerts on the alert topic, through the filter policies moto evaluates', () => {
  const base: Omit<Alert, 'key' | 'severity' | 'channels' | 'kind'> = {
    serviceId: 'live-rtc',
    project: 'live-app',
    date: DAYS.thirtyDaysBefore,
    owners: ['alice@example.com'],
    message: 'Live app RTC expires on 2027-03-17.',
    expiresOn: '2027-03-17',
  };
  const publish = async (alert: Alert): Promise<void> => {
    for (const p of snsPublications(alert, undefined, { channels, services: [] })) {
      await deployment.publish('GuardAlertTopic', p);
    }
  };

  it('each reaches exactly the subscriptions its channels match', async () => {
    await publish({
      ...base,
      key: 'live-rtc:expiry:2027-03-17:30',
      kind: 'expiry',
      severity: 'warning',
      channels: ['ops'],
    });
    await publish({
      ...base,
      key: 'live-rtc:expiry:2027-03-17:7',
      kind: 'expiry',
      severity: 'critical',
      channels: ['pager'],
    });
    await publish({
      ...base,
      key: 'live-rtc:expiry:2027-03-17:1',
      kind: 'expiry',
      severity: 'critical',
      channels: ['hooks'],
    });

    expect(await alertTopicDeliveries()).toEqual({ ops: ['["ops"]'], pager: ['["pager"]'], notifier: ['["hooks"]'] });
    // and nothing of theirs on the alarm topic
    expect(await drainOn('GuardAlarmTopic', 'email', 'ops@example.com')).toEqual([]);
  }, 60_000);

  it('a resolving notice reaches a channel whose minSeverity is above info, once routing sent it there', async () => {
    // the pager takes critical and above; the renewal's confirmation (info) follows the reminder it resolves
    await publish({
      ...base,
      key: 'live-rtc:renewal-confirmed:2027-03-17',
      kind: 'renewal-confirmed',
      severity: 'info',
      channels: ['ops', 'pager'],
      resolves: ['live-rtc:expiry:2027-03-17:7'],
    });

    const delivered = await alertTopicDeliveries();
    expect(delivered).toEqual({ ops: ['["ops","pager"]'], pager: ['["ops","pager"]'], notifier: [] });
  }, 60_000);
});
