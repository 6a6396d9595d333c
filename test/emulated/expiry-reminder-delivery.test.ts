/**
 * The synthesized guard deployed on moto and dynalite, walked over a few days of its daily schedule:
 * the schedule fires the shipped poller bundle, which polls the vendor sandbox and publishes to the
 * alert topic on moto; moto evaluates each subscription's synthesized filter policy; the email
 * subscription's stand-in queue and the notifier bundle (through its own Lambda subscription) get what
 * passes; the notifier posts to a local webhook receiver that verifies the signature.
 */
import { GetScheduleCommand } from '@aws-sdk/client-scheduler';
import { GetSubscriptionAttributesCommand } from '@aws-sdk/client-sns';
import { GetQueueUrlCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { alertAttributes, snsMessage } from '../../lambda/aws/sns-alert-publisher';
import type { Alert } from '../../lambda/core/model';
import type { VendorSandbox } from '../../lambda/sandbox';
import type { PlatformReceivers } from '../support/receivers';
import type { EmulatedDeployment } from './support/emulated-deployment';
import { DAYS } from './support/guard-story';
import { deployGuardStory, stopStoryDeployment, type StoryDeployment } from './support/story-deployment';

let now = new Date(`${DAYS.deploy}T02:00:00Z`);
let story: StoryDeployment | undefined;
let sandbox: VendorSandbox;
let receivers: PlatformReceivers;
let deployment: EmulatedDeployment;

beforeAll(async () => {
  story = await deployGuardStory(() => now);
  ({ sandbox, receivers, deployment } = story);
}, 60_000);

afterAll(() => stopStoryDeployment(story));

/** The queue URL on moto of a queue CloudFormation answered with its (AWS-shaped) URL. */
async function queueUrl(physicalUrl: string): Promise<string> {
  const { QueueUrl } = await deployment.clients.sqs.send(
    new GetQueueUrlCommand({ QueueName: physicalUrl.split('/').pop()! }),
  );
  return QueueUrl!;
}

/** Fires the daily check on a local date, then lets SNS deliver to the subscribed functions. */
async function dailyCheck(localDate: string) {
  const fired = await deployment.fireSchedule('GuardDailyCheck', localDate);
  if (!fired) throw new Error(`the daily check does not fire on ${localDate}`);
  now = fired.at;
  const notified = await deployment.deliverToFunctions(new Date(fired.at.getTime() + 1_000));
  return { ...fired, notified };
}

const attributesOf = (severity: Alert['severity'], channels: string[]) => {
  const alert: Alert = {
    key: `live-rtc:expiry:2027-03-17:${severity}`,
    kind: 'expiry',
    severity,
    serviceId: 'live-rtc',
    project: 'live-app',
    tier: 7,
    daysLeft: 7,
    expiresOn: '2027-03-17',
    date: '2027-03-10',
    owners: ['alice@example.com'],
    channels,
    message: 'Live app RTC expires on 2027-03-17.',
  };
  // the poller's own message and attributes (lambda/aws/sns-alert-publisher), published by the harness
  return {
    Message: snsMessage(alert, alert.message, alert.message),
    MessageStructure: 'json',
    Subject: `[${severity.toUpperCase()}] live-rtc`,
    MessageAttributes: alertAttributes(alert),
  };
};

/**
 * For a synthesized filter policy (exact-string rules): the poller's message for an alert to 'ops' that
 * passes it (the lowest severity it allows), and for each of its keys a message failing only that key —
 * with a real value where there is one (a severity below the filter's, another channel).
 */
function probesFor(filter: Record<string, unknown[]>) {
  for (const [key, rules] of Object.entries(filter)) {
    if (!rules.every((r) => typeof r === 'string')) {
      throw new Error(`filter key ${key} is not exact strings; extend probesFor`);
    }
  }
  const allowed = (filter.severity as Alert['severity'][] | undefined) ?? ['warning'];
  const passing = attributesOf(allowed[0]!, ['ops']);
  const outside: Record<string, string> = {
    severity: (['info', 'warning', 'critical', 'emergency'] as const).find((s) => !allowed.includes(s)) ?? 'unheard-of',
    channels: JSON.stringify(['pager']),
  };
  const failing = Object.keys(filter).map((key) => {
    const current = passing.MessageAttributes[key];
    const DataType = current?.DataType ?? 'String';
    const StringValue = outside[key] ?? (DataType === 'String.Array' ? '["excluded-by-test"]' : 'excluded-by-test');
    return {
      key,
      input: { ...passing, MessageAttributes: { ...passing.MessageAttributes, [key]: { DataType, StringValue } } },
    };
  });
  return { passing, failing };
}

// One deployment walked forward in time: the tests run in order, each on a later day than the last.
describe('the emulated deployment of a guard, walked day by day', () => {
  it('registered the declared service through the custom resource, which answered SUCCESS', () => {
    const responses = [...deployment.customResourceResponses.values()];
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ Status: 'SUCCESS', Data: { Added: 1, Updated: 0 } });
  });

  it('subscribed each synthesized subscription on moto with its filter policy exactly as synthesized', async () => {
    const synthesized = Object.entries(deployment.stack.template.Resources).filter(
      ([, r]) => r.Type === 'AWS::SNS::Subscription',
    );
    expect(synthesized.map(([, r]) => r.Properties!.Protocol)).toEqual(
      expect.arrayContaining(['email', 'sms', 'lambda']),
    );
    for (const [id, resource] of synthesized) {
      const standIn = deployment.standIns.find((s) => s.logicalId === id)!;
      const { Attributes = {} } = await deployment.clients.sns.send(
        new GetSubscriptionAttributesCommand({ SubscriptionArn: standIn.subscriptionArn }),
      );
      const topicArn = await deployment.values.resolveString(resource.Properties!.TopicArn, id);
      const filter = Attributes.FilterPolicy ? JSON.parse(Attributes.FilterPolicy) : undefined;
      expect([id, Attributes.TopicArn, Attributes.Protocol]).toEqual([id, topicArn, 'sqs']);
      expect([id, filter]).toEqual([id, resource.Properties!.FilterPolicy]);
    }
  });

  it('created the daily schedule in moto as synthesized, targeting the poller', async () => {
    const id = deployment.logicalId('AWS::Scheduler::Schedule', 'GuardDailyCheck');
    const synthesized = deployment.stack.template.Resources[id]!.Properties!;
    const schedule = await deployment.clients.scheduler.send(
      new GetScheduleCommand({ Name: deployment.ref('AWS::Scheduler::Schedule', 'GuardDailyCheck') }),
    );
    expect(schedule).toMatchObject({
      ScheduleExpression: synthesized.ScheduleExpression,
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      State: 'ENABLED',
      Target: { Arn: deployment.fn('GuardPoller').arn, RetryPolicy: synthesized.Target.RetryPolicy },
    });
  });

  it('lets the 30-day reminder (info) reach the webhook but not the email channel, whose minSeverity is warning', async () => {
    const webhookBefore = receivers.accepted('webhook').length;

    const info = await dailyCheck(DAYS.thirtyDaysBefore);

    expect(info.invocation.result).toMatchObject({ alerts: 1, failedAccounts: [] });
    expect(await deployment.drain('GuardChannelsops')).toEqual([]);
    expect(info.notified.map((n) => n.attempts.map((a) => a.result))).toEqual([[{ delivered: 1 }]]);
    const posted = receivers.accepted('webhook').slice(webhookBefore);
    expect(posted.map((r) => (r.body as Alert).key)).toEqual(['live-rtc:expiry:2027-03-17:30']);
  }, 60_000);

  it("evaluates the email subscription's synthesized filter on each key: failing any one keeps a message out", async () => {
    const id = deployment.logicalId('AWS::SNS::Subscription', 'GuardChannelsops');
    const filter = deployment.stack.template.Resources[id]!.Properties!.FilterPolicy as Record<string, unknown[]>;
    const probe = await deployment.tap('GuardAlertTopic'); // no filter: sees every publish
    const { passing, failing } = probesFor(filter);

    const admitted = await deployment.publish('GuardAlertTopic', passing);
    const refused: string[] = [];
    for (const one of failing) refused.push(await deployment.publish('GuardAlertTopic', one.input));

    const onTopic = await probe();
    const received = await deployment.drain('GuardChannelsops');
    // the notifier's subscription filters on channels too: none of these is for 'hooks'
    const notified = await deployment.deliverToFunctions(now);
    await deployment.drain('GuardChannelspager'); // the probe for another channel may be the pager's

    expect(failing.map((f) => f.key)).toEqual(expect.arrayContaining(['channels']));
    expect(onTopic.map((d) => d.messageId).sort()).toEqual([admitted, ...refused].sort());
    expect(received.map((d) => d.messageId)).toEqual([admitted]);
    expect(notified).toEqual([]);
  }, 30_000);

  it('delivers the 7-day expiry reminder to the email subscription and to the signed webhook, once', async () => {
    // Prepare: the day before the tier, nothing is due
    const quiet = await dailyCheck(DAYS.eightDaysBefore);
    expect(quiet.invocation.result).toMatchObject({ alerts: 0, failedAccounts: [] });
    expect(quiet.notified).toEqual([]);
    const webhookBefore = receivers.accepted('webhook').length;
    const agoraBefore = sandbox.requests('agora').length;

    // Act
    const due = await dailyCheck(DAYS.sevenDaysBefore);

    // Assess: fired at 09:30 in Asia/Shanghai; one alert; the sandbox's Agora account polled fine
    expect(due.at.toISOString()).toBe('2027-03-10T01:30:00.000Z');
    expect(due.invocation.result).toMatchObject({ alerts: 1, failedAccounts: [] });
    expect(sandbox.requests('agora').slice(agoraBefore).length).toBeGreaterThan(0);
    // the poller's SDK reached moto through AWS_ENDPOINT_URL_SNS (the recorder sits there)
    expect(deployment.recorder.publishes.filter((p) => p.subject?.match(/critical/i))).toHaveLength(1);
    // the email subscription's filter let it through, with the email variant and the filter attributes
    const emails = await deployment.drain('GuardChannelsops');
    expect(emails).toHaveLength(1);
    // (the wording is the formatters' business, tested with them; here: the right alert, as email text)
    expect(emails[0]!.subject).toMatch(/critical/i);
    expect(emails[0]!.subject).toMatch(/Live app RTC|live-rtc/);
    expect(emails[0]!.message).toContain('Live app RTC');
    expect(emails[0]!.message).toContain('2027-03-17');
    expect(emails[0]!.messageAttributes.severity).toEqual({ Type: 'String', Value: 'critical' });
    expect(JSON.parse(emails[0]!.messageAttributes.channels!.Value)).toEqual(['ops', 'hooks']);
    // the SMS channel is not among the service's channels: its filter keeps the alert out
    expect(await deployment.drain('GuardChannelspager')).toEqual([]);
    // the notifier got the SNS event through its own subscription and posted once, signature verified
    expect(due.notified.map((n) => n.attempts.map((a) => a.result))).toEqual([[{ delivered: 1 }]]);
    const posted = receivers.accepted('webhook').slice(webhookBefore);
    expect(posted.map((r) => r.body)).toEqual([
      expect.objectContaining({ key: 'live-rtc:expiry:2027-03-17:7', severity: 'critical' }),
    ]);
  }, 60_000);

  it('delivers nothing new when the check runs again the same day, nor at the next firing', async () => {
    const webhookBefore = receivers.received('webhook').length;

    const again = await deployment.invoke('GuardPoller', {}, new Date(now.getTime() + 3_600_000));
    const againNotified = await deployment.deliverToFunctions(new Date(now.getTime() + 3_601_000));
    const next = await dailyCheck(DAYS.sixDaysBefore);

    expect(again.result).toMatchObject({ alerts: 0, failedAccounts: [] });
    expect(againNotified).toEqual([]);
    expect(next.invocation.result).toMatchObject({ alerts: 0, failedAccounts: [] });
    expect(next.notified).toEqual([]);
    expect(await deployment.drain('GuardChannelsops')).toEqual([]);
    expect(receivers.received('webhook').length).toBe(webhookBefore);
  }, 60_000);

  it('retries the notifier twice when the webhook keeps failing, then keeps the event in its dead-letter queue', async () => {
    // (the last test of the walk: the scripted failures outlast it)
    receivers.failNext('webhook', { times: 1_000, status: 400 });

    const due = await dailyCheck(DAYS.dayBefore);

    expect(due.invocation.result).toMatchObject({ alerts: 1, failedAccounts: [] });
    expect((await deployment.drain('GuardChannelsops')).map((d) => d.subject)).toEqual([
      expect.stringMatching(/emergency/i),
    ]);
    expect(due.notified).toHaveLength(1);
    expect(due.notified[0]!.attempts.map((a) => a.error?.split(':')[0])).toEqual([
      'DeliveryError',
      'DeliveryError',
      'DeliveryError',
    ]);
    expect(due.notified[0]!.deadLettered).toBe(true);
    const dlq = deployment.ref('AWS::SQS::Queue', 'GuardNotifierDeadLetterQueue');
    const { Messages = [] } = await deployment.clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: await queueUrl(dlq), MaxNumberOfMessages: 10 }),
    );
    expect(Messages.map((m) => JSON.parse(m.Body!).Records[0].Sns.MessageId)).toEqual([
      due.notified[0]!.delivery.messageId,
    ]);
  }, 90_000);
});
