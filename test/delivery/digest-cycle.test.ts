/**
 * A 3,000-service digest, end to end through the cycle on dynalite: claimed in the ledger (DynamoDB's
 * 400 KB item limit: it used to fail here), published by the production SNS and EventBridge publishers
 * (256 KB each: it used to be 467 KB at 1,000 services), every message in the readers' language and
 * within its carrier's limits, and the cycle completes.
 */
import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import { DIGEST_NOW, digestWorld } from './digest-fixtures';
import { runCycle } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { EventBusPublisher } from '../../lambda/aws/event-bus-publisher';
import { SnsAlertPublisher, SNS_MESSAGE_BYTES } from '../../lambda/aws/sns-alert-publisher';
import { DINGTALK_LIMITS } from '../../lambda/channels/formatters';
import { smsCost } from '../../lambda/channels/text/sms-encoding';
import { utf8Length } from '../../lambda/channels/text/truncate';
import type { Alert, ChannelConfig } from '../../lambda/core/model';
import { render } from '../../lambda/delivery/render';
import { offlineDeps } from '../app/cycle-fixtures';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const EVENT_BYTES = 256 * 1024;
const REPORT = 'https://links.example/report?t=signed';

const CHANNELS: ChannelConfig[] = [
  { id: 'ops', type: 'email', to: ['ops@example.com'], minSeverity: 'info', options: {} },
  { id: 'ops-en', type: 'email', to: ['abroad@example.com'], minSeverity: 'info', language: 'en', options: {} },
  { id: 'pager', type: 'sms', to: ['+8613800000000'], minSeverity: 'info', options: {} },
  { id: 'team', type: 'dingtalk', to: [], minSeverity: 'info', secret: 'renewal-guard/team', options: {} },
];

/** An SNS client that answers as SNS does: a message over 256 KB is refused. */
function fakeSns() {
  const published: PublishCommand['input'][] = [];
  const client = {
    send: async (command: PublishCommand) => {
      const size = utf8Length(command.input.Message!) + utf8Length(JSON.stringify(command.input.MessageAttributes));
      if (size > SNS_MESSAGE_BYTES) throw new Error(`InvalidParameter: Message too long (${size} bytes)`);
      published.push(command.input);
      return { MessageId: `m-${published.length}` };
    },
  };
  return { published, client: client as unknown as SNSClient };
}

/** An EventBridge client that refuses an entry over 256 KB, as PutEvents does. */
function fakeEvents() {
  const details: string[] = [];
  const client = {
    send: async (command: PutEventsCommand) => {
      const entry = command.input.Entries![0]!;
      if (utf8Length(entry.Detail!) > EVENT_BYTES) {
        return { FailedEntryCount: 1, Entries: [{ ErrorCode: 'ValidationException', ErrorMessage: 'too large' }] };
      }
      details.push(entry.Detail!);
      return { FailedEntryCount: 0, Entries: [{ EventId: 'e' }] };
    },
  };
  return { details, client: client as unknown as EventBridgeClient };
}

let dynamo: LocalDynamo;
beforeAll(async () => (dynamo = await startDynalite()), 30_000);
afterAll(() => dynamo.stop());

describe('a 3,000-service digest through the cycle', () => {
  it('is claimed, published within every limit in each reader language, and the cycle completes', async () => {
    // Prepare: 3,000 services in 300 projects, names as long as people write them, a zh-CN guard
    const { config: world, services } = digestWorld({ services: 3000, projects: 300, accounts: 20 }, CHANNELS);
    const config = {
      ...world,
      language: 'zh-CN' as const,
      accounts: [{ id: 'contracts', vendor: 'manual' as const, options: {} }],
    };
    // expiries past the longest tier: the cycle's only alert is the digest, which is what is measured
    const declared = services.map((s, i) => ({
      ...s,
      expiresOn: new Date(Date.UTC(2026, 9, 5 + 61 + (i % 300))).toISOString().slice(0, 10),
      account: 'contracts',
      name: `语音房 TRTC 实时音视频套餐 ${s.id}`,
      channels: CHANNELS.map((c) => c.id),
    }));
    const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
    await registry.syncDeclaredServices(declared, DIGEST_NOW.toISOString());
    const sns = fakeSns();
    const events = fakeEvents();
    const links = { ackUrl: (a: Alert) => `https://links.example/ack?key=${a.key}`, reportUrl: () => REPORT };
    const publishers = [
      new SnsAlertPublisher({
        topicArn: 'arn:aws:sns:ap-east-1:1:alerts',
        client: sns.client,
        links,
        config: { ...config, services: declared },
      }),
      new EventBusPublisher({ eventBusName: 'bus', client: events.client, config }),
    ];

    // Act
    const report = await runCycle(
      { ...config, services: declared },
      offlineDeps(registry, publishers),
      DIGEST_NOW,
      'cycle-1',
    );

    // Assess: the cycle completed, the digest among what it delivered
    const digestKey = '_guard:digest:2026-10-05';
    expect(report.alerts.map((a) => a.key)).toEqual([digestKey]);
    expect(report.deliveries.filter((d) => d.status === 'failed')).toEqual([]);
    expect(
      report.deliveries
        .filter((d) => d.key === digestKey)
        .map((d) => d.target)
        .sort(),
    ).toEqual(['eventbridge', 'sns']);
    const entry = await registry.getAlert(digestKey);
    expect(utf8Length(JSON.stringify(entry))).toBeLessThan(100 * 1024);

    // one SNS message per language: the document's (zh-CN) with the chat channel, English for ops-en
    const digests = sns.published.filter((p) => p.MessageAttributes!.kind!.StringValue === 'digest');
    expect(digests.map((p) => p.MessageAttributes!.channels!.StringValue)).toEqual([
      '["ops","pager","team"]',
      '["ops-en"]',
    ]);
    const [zh, en] = digests.map((p) => JSON.parse(p.Message!) as Record<string, string>);
    expect(zh!.email).toContain('3000 项服务');
    expect(zh!.email).toContain(`完整报告：${REPORT}`);
    expect(smsCost(zh!.sms!).segments).toBeLessThanOrEqual(2);
    expect(en!.email).toContain('3000 services in 300 projects');
    expect(events.details.some((d) => d.includes('续费摘要'))).toBe(true);

    // what the notifier receives renders to DingTalk messages within its limits, each with the report link
    const sent = JSON.parse(zh!.lambda!) as Alert;
    const parts = render(sent, { ...CHANNELS[3]!, type: 'dingtalk' as const }, 'zh-CN', { reportUrl: REPORT });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(utf8Length(part.markdown.text)).toBeLessThanOrEqual(DINGTALK_LIMITS.textBytes);
      expect(part.markdown.text).toContain(REPORT);
    }
  }, 120_000);
});
