/**
 * The guard's events on the emulated deployment, as a rule on a bus would see them: the schedule fires
 * the shipped poller with the template's environment, the poller puts its events on moto's EventBridge,
 * and moto matches each rule's pattern and delivers to its SQS target. A rule that names the guard by its
 * stack output `GuardName` gets the guard's events; a rule naming another guard gets none.
 */
import { PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import type { EmulatedDeployment } from './support/emulated-deployment';
import { DAYS } from './support/guard-story';
import { deployGuardStory, stopStoryDeployment, type StoryDeployment } from './support/story-deployment';

const now = new Date(`${DAYS.deploy}T02:00:00Z`);
let story: StoryDeployment | undefined;
let deployment: EmulatedDeployment;

beforeAll(async () => {
  story = await deployGuardStory(() => now);
  ({ deployment } = story);
}, 60_000);

afterAll(() => stopStoryDeployment(story));

/** A queue on moto that a rule on the guard's bus matching `guard` delivers to. */
async function ruleFor(name: string, guard: string): Promise<string> {
  const { sqs, events } = deployment.clients;
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
  const EventBusName = deployment.ref('AWS::Events::EventBus', 'GuardEventBus');
  await events.send(
    new PutRuleCommand({
      Name: name,
      EventBusName,
      EventPattern: JSON.stringify({ source: ['renewal-guard'], detail: { guard: [guard] } }),
    }),
  );
  await events.send(
    new PutTargetsCommand({ Rule: name, EventBusName, Targets: [{ Id: 'queue', Arn: Attributes!.QueueArn! }] }),
  );
  return QueueUrl!;
}

async function received(queueUrl: string): Promise<Array<{ 'detail-type': string; detail: Record<string, unknown> }>> {
  const { Messages } = await deployment.clients.sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
  );
  return (Messages ?? []).map((m) => JSON.parse(m.Body!));
}

describe("the guard's events on a bus", () => {
  it('reach a rule that names the guard by its stack output GuardName, and no rule naming another guard', async () => {
    // Prepare: the name a user reads from the stack's outputs, and a rule for it and one for another guard
    const guardName = deployment.stack.template.Outputs?.GuardName?.Value;
    expect(typeof guardName).toBe('string');
    const ours = await ruleFor('our-guard-events', guardName as string);
    const theirs = await ruleFor('other-guard-events', 'OtherStack-Guard-0000');

    // Act: the daily check 30 days before the expiry
    const fired = await deployment.fireSchedule('GuardDailyCheck', DAYS.thirtyDaysBefore);

    // Assess
    expect(fired?.invocation.outcome).toMatch(/^RESULT /);
    const events = await received(ours);
    expect(events.map((e) => [e['detail-type'], e.detail.key, e.detail.guard])).toEqual([
      ['Renewal Reminder', 'live-rtc:expiry:2027-03-17:30', guardName],
    ]);
    expect(await received(theirs)).toEqual([]);
  }, 60_000);
});
