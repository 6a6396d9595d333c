/**
 * The guard's own CloudWatch alarms through the SHIPPED notifier bundle: an SNS record carrying
 * CloudWatch's notification (a JSON body, no message attributes, as the alarm topic hands it to the
 * notifier) becomes an `alarm` alert for the operators' chat and webhook channels, rendered like any
 * alert in each channel's language: ALARM as critical, OK as an info notice that it cleared.
 */
import * as fs from 'fs';
import { invokeBundle, localAwsEnv, stageCode } from './bundle-runner';
import type { FakeAws } from './fake-aws';
import { startNotifierPlatform, stopNotifierPlatform } from './notifier-fixtures';
import { ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { guardConfig } from '../app/cycle-fixtures';
import type { LocalDynamo } from '../support/dynalite';
import type { PlatformReceivers } from '../support/receivers';

let dynamo: LocalDynamo;
let aws: FakeAws;
let receivers: PlatformReceivers;
let codeRoot: string;
let table: string;

const ALARM_NAME = 'RenewalGuardStack-Guard-DeadMansSwitch';

/** The body CloudWatch publishes when an alarm changes state (only the fields it always sends). */
function cloudWatchNotification(newState: 'ALARM' | 'OK', oldState: 'ALARM' | 'OK', at: string): string {
  return JSON.stringify({
    AlarmName: ALARM_NAME,
    AlarmDescription: 'RenewalGuard has not completed a daily check in 26 hours. Check the poller logs.',
    AWSAccountId: '111111111111',
    AlarmConfigurationUpdatedTimestamp: '2026-09-01T00:00:00.000+0000',
    NewStateValue: newState,
    NewStateReason: 'Threshold Crossed: no datapoints were received for 26 periods.',
    StateChangeTime: at,
    Region: 'Asia Pacific (Singapore)',
    AlarmArn: `arn:aws:cloudwatch:ap-southeast-1:111111111111:alarm:${ALARM_NAME}`,
    OldStateValue: oldState,
    OKActions: [],
    AlarmActions: ['arn:aws:sns:ap-southeast-1:111111111111:alarms'],
    InsufficientDataActions: [],
    Trigger: { Period: 3600, EvaluationPeriods: 26, ComparisonOperator: 'LessThanThreshold', Threshold: 1 },
  });
}

/** As SNS invokes a Lambda subscription of the alarm topic: no MessageAttributes at all. */
function alarmEvent(message: string, subject: string) {
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        Sns: {
          Type: 'Notification',
          MessageId: 'alarm-1',
          TopicArn: 'arn:aws:sns:ap-southeast-1:111111111111:alarms',
          Subject: subject,
          Message: message,
          Timestamp: '2026-09-30T05:00:01.000Z',
          MessageAttributes: {},
        },
      },
    ],
  };
}

beforeAll(async () => {
  ({ dynamo, aws, receivers } = await startNotifierPlatform());
  const config = guardConfig({
    language: 'zh-CN',
    channels: [
      { id: 'ops', type: 'email', to: ['ops@example.com'] },
      // the operators' robot reads English, the team's Chinese; the team's is no operators channel
      { id: 'robot', type: 'dingtalk', secret: 'renewal-guard/dingtalk', operators: true, language: 'en' },
      { id: 'hooks', type: 'webhook', secret: 'renewal-guard/webhook', operators: true },
      { id: 'team', type: 'dingtalk', secret: 'renewal-guard/dingtalk', minSeverity: 'emergency' },
    ],
  });
  codeRoot = stageCode(['notify'], config);
  table = await dynamo.createRegistryTable();
}, 60_000);

afterAll(async () => {
  await stopNotifierPlatform({ dynamo, aws, receivers });
  fs.rmSync(codeRoot, { recursive: true, force: true });
});

async function invoke(event: unknown): Promise<string> {
  const env = {
    ...localAwsEnv({ dynamodb: dynamo.endpoint, secretsManager: aws.endpoint }),
    [ENV_REGISTRY_TABLE]: table,
  };
  return (await invokeBundle(codeRoot, 'notify', event, env)).outcome;
}

function markdownText(body: unknown): string {
  return (body as { markdown: { title: string; text: string } }).markdown.text;
}

describe('the bundled notifier, given a CloudWatch alarm notification', () => {
  it("posts it to the operators' chat and webhook channels as a critical alarm alert, not to the others", async () => {
    const before = { ding: receivers.accepted('dingtalk').length, hook: receivers.accepted('webhook').length };

    const outcome = await invoke(
      alarmEvent(
        cloudWatchNotification('ALARM', 'OK', '2026-09-30T05:00:00.000+0000'),
        `ALARM: "${ALARM_NAME}" in Asia Pacific (Singapore)`,
      ),
    );

    expect(outcome).toBe('RESULT {"delivered":2}');
    const ding = receivers.accepted('dingtalk').slice(before.ding);
    const hook = receivers.accepted('webhook').slice(before.hook);
    expect(ding).toHaveLength(1); // robot, not team
    expect(hook).toHaveLength(1);
    const text = markdownText(ding[0]!.body);
    expect(text).toContain(`[Critical] Guard alarm: ${ALARM_NAME}`);
    expect(text).toContain('OK → ALARM');
    expect(text).toContain('Threshold Crossed: no datapoints were received for 26 periods.');
    expect(text).toContain('has not completed a daily check in 26 hours');
    expect(text).toContain("Follow the alarm's description below");
    expect(hook[0]!.body).toMatchObject({
      kind: 'alarm',
      severity: 'critical',
      key: `_guard:alarm:${ALARM_NAME}:alarm:2026-09-30T05:00:00.000Z`,
      channels: ['robot', 'hooks'],
    });
  }, 60_000);

  it('says an alarm back to OK as an info notice, in Chinese on a channel of the document language', async () => {
    const before = receivers.accepted('webhook').length;
    const beforeDing = receivers.accepted('dingtalk').length;

    const outcome = await invoke(
      alarmEvent(
        cloudWatchNotification('OK', 'ALARM', '2026-10-01T02:00:00.000+0000'),
        `OK: "${ALARM_NAME}" in Asia Pacific (Singapore)`,
      ),
    );

    expect(outcome).toBe('RESULT {"delivered":2}');
    const hook = receivers.accepted('webhook').slice(before);
    expect(hook[0]!.body).toMatchObject({
      kind: 'alarm',
      severity: 'info',
      title: expect.stringContaining(`监控告警已恢复正常：${ALARM_NAME}`),
    });
    const text = markdownText(receivers.accepted('dingtalk').slice(beforeDing)[0]!.body);
    expect(text).toContain(`[Info] Guard alarm back to OK: ${ALARM_NAME}`);
    expect(text).toContain('No action needed.');
  }, 60_000);
});
