/**
 * The same promise under AWS managed encryption (the lean profile's choice): CloudWatch cannot publish
 * under the `aws/sns` key, so the alarms' topic is the guard's unencrypted, TLS-only alarm topic — and the
 * operators still hear every alarm there, by email, SMS and through the notifier.
 */
import { GuardEncryption } from '../../src';
import type { PlatformReceivers } from '../support/receivers';
import type { EmulatedDeployment } from './support/emulated-deployment';
import { DAYS } from './support/guard-story';
import { deployGuardStory, stopStoryDeployment, type StoryDeployment } from './support/story-deployment';

const now = new Date(`${DAYS.deploy}T02:00:00Z`);
let story: StoryDeployment | undefined;
let receivers: PlatformReceivers;
let deployment: EmulatedDeployment;

beforeAll(async () => {
  story = await deployGuardStory(() => now, {
    props: (p) => ({ ...p, encryption: GuardEncryption.AWS_MANAGED }),
  });
  ({ receivers, deployment } = story);
}, 60_000);

afterAll(() => stopStoryDeployment(story));

function subscriptionOn(protocol: string, endpoint?: string): string {
  const topicArn = deployment.ref('AWS::SNS::Topic', 'GuardAlarmTopic');
  const found = deployment.standIns.filter(
    (s) => s.topicArn === topicArn && s.protocol === protocol && (endpoint === undefined || s.endpoint === endpoint),
  );
  if (found.length !== 1) {
    throw new Error(`expected one ${protocol} subscription on the alarm topic, found ${found.length}`);
  }
  return found[0]!.logicalId;
}

describe('with AWS managed encryption, a CloudWatch alarm notification', () => {
  it("reaches the operators' email, SMS and webhook through the unencrypted alarm topic", async () => {
    const at = new Date(now.getTime() + 60_000);
    const webhookBefore = receivers.accepted('webhook').length;

    const { messageIds } = await deployment.fireAlarm('GuardPollerErrorsAlarm', 'ALARM', at);

    expect(messageIds).toHaveLength(1);
    const email = await deployment.drain(subscriptionOn('email', 'ops@example.com'));
    const sms = await deployment.drain(subscriptionOn('sms', '+8613800000000'));
    expect([email.map((d) => d.messageId), sms.map((d) => d.messageId)]).toEqual([messageIds, messageIds]);
    const invoked = await deployment.deliverToFunctions(at);
    expect(invoked.map((i) => [i.attempts.map((a) => a.error ?? 'ok'), i.deadLettered])).toEqual([[['ok'], false]]);
    expect(
      receivers
        .accepted('webhook')
        .slice(webhookBefore)
        .map((r) => (r.body as { kind: string }).kind),
    ).toEqual(['alarm']);
  }, 60_000);
});
