/**
 * The golden files show what production sends (house style, habit 20): the shipped poller bundle runs
 * the contract's example cycle (2026-09-30 09:30 Asia/Shanghai, live-rtc's 7-day reminder and the
 * digest owed since Monday) against local stand-ins, and the shipped notifier bundle delivers what SNS
 * hands it to a receiver per platform. Email and SMS are the SNS message's variants, EventBridge its
 * event detail, every other channel the body its platform received. Nothing here calls a formatter.
 *
 * Regenerate after an intended change with UPDATE_GOLDEN=1 (bundles rebuilt first: `npx projen bundle`),
 * then review the diff like code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { LANGUAGES, type Alert, type ChannelType, type Language } from '../../lambda/core/model';
import { ENV_GUARD_NAME } from '../../src/shared/metrics-schema';
import {
  ENV_ACK_BASE_URL,
  ENV_ALERT_TOPIC_ARN,
  ENV_EVENT_BUS_NAME,
  ENV_LINK_SECRET_NAME,
  ENV_REGISTRY_TABLE,
} from '../../src/shared/registry-schema';
import { guardConfig } from '../app/cycle-fixtures';
import { invokeBundle, localAwsEnv, pinnedClock, stageCode, type PinnedClock } from '../handlers/bundle-runner';
import { startFakeAws, type FakeAws } from '../handlers/fake-aws';
import { startDynalite, type LocalDynamo } from '../support/dynalite';
import { PLATFORMS, PlatformReceivers, type Platform } from '../support/receivers';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GOLDEN = { reminder: path.join(__dirname, 'golden'), digest: path.join(__dirname, 'golden-digest') };
const NOW = new Date('2026-09-30T01:30:00Z');
const TOPIC = 'arn:aws:sns:ap-east-1:123456789012:renewal-guard-alerts';
const LINKS_URL = 'https://abc123.lambda-url.ap-east-1.on.aws/';
const REMINDER = 'live-rtc:expiry:2026-10-09:7';
const DIGEST = '_guard:digest:2026-09-28';
/** What each story's golden files hold, per file: the channel types, then the EventBridge detail. */
const FILES = [...PLATFORMS, 'email', 'sms', 'eventbridge'] as const;

interface Story {
  /** Per file name: what that carrier received for each alert key. */
  readonly received: Record<(typeof FILES)[number], Record<string, unknown[]>>;
}

let dynamo: LocalDynamo;
let aws: FakeAws;
let receivers: PlatformReceivers;
let clock: PinnedClock;
let receiverTime = NOW.getTime();
const stories = new Map<Language, Story>();

function config(language: Language) {
  const secret = (type: string) => `renewal-guard/${type}`;
  return guardConfig({
    language,
    digest: { weekday: 'MON', time: '10:00' },
    channels: [
      { id: 'email', type: 'email', to: ['ops@example.com'] },
      { id: 'sms', type: 'sms', to: ['+8613800000000'] },
      { id: 'dingtalk', type: 'dingtalk', secret: secret('dingtalk'), options: { atMobiles: ['13800000000'] } },
      ...(['feishu', 'wecom', 'slack', 'teams', 'webhook', 'pagerduty'] as const).map((type) => ({
        id: type,
        type,
        secret: secret(type),
      })),
    ],
  });
}

/** One cycle of the bundled poller, then the bundled notifier on what SNS gave its subscription. */
async function runStory(language: Language): Promise<Story> {
  const guard = config(language);
  const root = stageCode(['poll-and-evaluate', 'notify'], guard);
  const table = await dynamo.createRegistryTable();
  await new DynamoRegistry({ tableName: table, client: dynamo.client }).syncDeclaredServices(
    guard.services,
    NOW.toISOString(),
  );
  const env = {
    ...localAwsEnv({
      dynamodb: dynamo.endpoint,
      sns: aws.endpoint,
      eventbridge: aws.endpoint,
      secretsManager: aws.endpoint,
    }),
    ...clock.env(NOW),
    [ENV_REGISTRY_TABLE]: table,
    [ENV_ALERT_TOPIC_ARN]: TOPIC,
    [ENV_EVENT_BUS_NAME]: 'renewal-guard-bus',
    [ENV_GUARD_NAME]: 'guard-under-test',
    [ENV_ACK_BASE_URL]: LINKS_URL,
    [ENV_LINK_SECRET_NAME]: 'renewal-guard/links',
  };
  const published = aws.published.length;
  const events = aws.events.length;
  const exchanges = Object.fromEntries(PLATFORMS.map((p) => [p, receivers.accepted(p).length]));
  try {
    const poll = await invokeBundle(root, 'poll-and-evaluate', {}, env);
    if (!poll.outcome.startsWith('RESULT')) throw new Error(`poller: ${poll.outcome}\n${poll.output}`);
    const sent = aws.published.slice(published);
    // the notifier's subscription: messages whose channels name one of its channels, the lambda variant
    const records = sent
      .filter((p) =>
        (JSON.parse(p.attributes.channels!.StringValue) as string[]).some((c) => PLATFORMS.includes(c as Platform)),
      )
      .map((p, i) => ({ EventSource: 'aws:sns', Sns: { MessageId: `m-${i}`, Message: JSON.parse(p.message).lambda } }));
    const notify = await invokeBundle(root, 'notify', { Records: records }, env);
    if (!notify.outcome.startsWith('RESULT')) throw new Error(`notifier: ${notify.outcome}\n${notify.output}`);

    const received = Object.fromEntries(FILES.map((f) => [f, {}])) as Story['received'];
    const add = (file: (typeof FILES)[number], key: string, value: unknown) => (received[file][key] ??= []).push(value);
    for (const p of sent) {
      const variants = JSON.parse(p.message) as Record<string, string>;
      const key = (JSON.parse(variants.lambda!) as Alert).key;
      add('email', key, { subject: p.subject, text: variants.email });
      add('sms', key, { text: variants.sms });
    }
    for (const e of aws.events.slice(events)) {
      const detail = JSON.parse(e.Detail as string) as Alert;
      add('eventbridge', detail.key, { DetailType: e.DetailType, Detail: detail });
    }
    const keys = sent.map((p) => (JSON.parse(JSON.parse(p.message).lambda) as Alert).key);
    for (const platform of PLATFORMS) {
      for (const request of receivers.accepted(platform).slice(exchanges[platform])) {
        add(platform, keyOf(platform, request.body, keys), request.body);
      }
    }
    return { received };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** Which alert a platform's body is about: its key shows in every payload (footer, dedup_key, key). */
function keyOf(platform: Platform, body: unknown, keys: readonly string[]): string {
  const text = JSON.stringify(body);
  const key = keys.find((k) => text.includes(k));
  if (key === undefined) {
    throw new Error(`${platform} received a message about no published alert: ${text.slice(0, 200)}`);
  }
  return key;
}

beforeAll(async () => {
  [dynamo, aws, receivers] = await Promise.all([
    startDynalite(),
    startFakeAws(),
    // the receivers' clock moves a little at each look, so their per-second limits see the sends spread
    PlatformReceivers.start({ now: () => (receiverTime += 1_100) }),
  ]);
  clock = pinnedClock({ random: 0 });
  aws.putSecret('renewal-guard/links', { linkSigningKey: 'golden-link-signing-key-0123456789abcdef' });
  for (const platform of PLATFORMS) aws.putSecret(`renewal-guard/${platform}`, receivers.secrets[platform]);
  for (const language of LANGUAGES) stories.set(language, await runStory(language));
}, 180_000);

afterAll(async () => {
  clock.dispose();
  await Promise.all([dynamo.stop(), aws.stop(), receivers.close()]);
});

/** Received bodies carry the receivers' ephemeral port: the golden files name it `<receiver>`. */
function stable(value: unknown): string {
  return `${JSON.stringify(value, null, 2).split(receivers.baseUrl).join('<receiver>')}\n`;
}

describe.each(LANGUAGES)('what production sends in %s', (language) => {
  describe.each([
    ['the contract example reminder', REMINDER, GOLDEN.reminder],
    ['the weekly digest', DIGEST, GOLDEN.digest],
  ])('for %s', (_story, key, dir) => {
    it.each(FILES)('matches the golden file for %s', (file) => {
      // Prepare
      const golden = path.join(dir, `${file}.${language}.json`);

      // Act
      const text = stable(stories.get(language)!.received[file][key] ?? []);

      // Assess
      if (UPDATE) fs.writeFileSync(golden, text);
      expect(text).toBe(fs.readFileSync(golden, 'utf8'));
    });
  });

  it('reaches every channel: each chat platform once per alert, PagerDuty only for the reminder', () => {
    const { received } = stories.get(language)!;
    const counts = Object.fromEntries(
      FILES.map((f) => [f, [received[f][REMINDER]?.length ?? 0, received[f][DIGEST]?.length ?? 0]]),
    );
    expect(counts).toEqual({
      ...Object.fromEntries(PLATFORMS.map((p) => [p, [1, 1]])),
      pagerduty: [1, 0],
      email: [1, 1],
      sms: [1, 1],
      eventbridge: [1, 1],
    });
  });
});

describe('the golden files', () => {
  it('exist for every carrier and language, in both stories, and for nothing else', () => {
    const expected = FILES.flatMap((f) => LANGUAGES.map((l) => `${f}.${l}.json`)).sort();
    expect(fs.readdirSync(GOLDEN.reminder).sort()).toEqual(expected);
    expect(fs.readdirSync(GOLDEN.digest).sort()).toEqual(expected);
  });

  it.each([...PLATFORMS, 'email', 'sms'] as ChannelType[])('are Chinese in zh-CN and English in en for %s', (type) => {
    const zh = fs.readFileSync(path.join(GOLDEN.reminder, `${type}.zh-CN.json`), 'utf8');
    const en = fs.readFileSync(path.join(GOLDEN.reminder, `${type}.en.json`), 'utf8');
    if (type !== 'webhook' && type !== 'pagerduty') expect(zh).toMatch(/天后到期/);
    expect(en).toMatch(/expires in 9 days/);
  });
});
