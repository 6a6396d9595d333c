import * as fs from 'fs';
import { invokeBundle, localAwsEnv, stageCode } from './bundle-runner';
import { startFakeAws, type FakeAws } from './fake-aws';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { verifyAckToken } from '../../lambda/core/ack';
import { ENV_GUARD_NAME } from '../../src/shared/metrics-schema';
import {
  ENV_ACK_BASE_URL,
  ENV_ALERT_TOPIC_ARN,
  ENV_EVENT_BUS_NAME,
  ENV_LINK_SECRET_NAME,
  ENV_REGISTRY_TABLE,
} from '../../src/shared/registry-schema';
import { guardConfig } from '../app/cycle-fixtures';
import {
  customResourceEvent,
  startCfnResponseReceiver,
  type CfnResponseReceiver,
} from '../support/cfn-response-receiver';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const TOPIC = 'arn:aws:sns:ap-east-1:123456789012:renewal-guard-alerts';

let dynamo: LocalDynamo;
let aws: FakeAws;
let cloudFormation: CfnResponseReceiver;
let codeRoot: string;
let CREATE: Record<string, unknown>;
beforeAll(async () => {
  [dynamo, aws, cloudFormation] = await Promise.all([startDynalite(), startFakeAws(), startCfnResponseReceiver()]);
  // weekends, not CN: the bundle runs on the real clock, and from each November CN's notice that next
  // year's holidays are provisional would add an alert; the expiry emergencies below need no calendar
  codeRoot = stageCode(['poll-and-evaluate', 'sync-registry'], guardConfig({ calendar: 'weekends' }));
  CREATE = customResourceEvent('Create', cloudFormation.url('create'), { ConfigHash: 'a'.repeat(64) });
});
afterAll(async () => {
  await Promise.all([dynamo.stop(), aws.stop(), cloudFormation.stop()]);
  fs.rmSync(codeRoot, { recursive: true, force: true });
});

/** Invokes a bundled handler in a fresh Node.js process, as Lambda would, with the construct's env. */
function invoke(name: string, event: unknown, table: string, requestId = 'request-1') {
  return invokeBundle(
    codeRoot,
    name,
    event,
    {
      ...localAwsEnv({ dynamodb: dynamo.endpoint, sns: aws.endpoint, eventbridge: aws.endpoint }),
      POWERTOOLS_SERVICE_NAME: 'renewal-guard',
      [ENV_REGISTRY_TABLE]: table,
      [ENV_ALERT_TOPIC_ARN]: TOPIC,
      [ENV_EVENT_BUS_NAME]: 'renewal-guard-bus',
      [ENV_GUARD_NAME]: 'guard-under-test',
    },
    requestId,
  );
}

describe('the bundled sync-registry handler', () => {
  it('puts the declared services into the registry on create, keeps them on delete, and answers CloudFormation each time', async () => {
    const table = await dynamo.createRegistryTable();
    const registry = new DynamoRegistry({ tableName: table, client: dynamo.client });
    const before = cloudFormation.answers.length;

    await invoke('sync-registry', CREATE, table);
    await invoke('sync-registry', customResourceEvent('Delete', cloudFormation.url('delete')), table);

    const [created, deleted] = cloudFormation.answers.slice(before);
    expect(created!.path).toBe('/cfn-responses/create?X-Amz-Signature=presigned-secret');
    expect(created!.body).toEqual({
      Status: 'SUCCESS',
      StackId: CREATE.StackId,
      RequestId: 'request-create',
      LogicalResourceId: 'GuardRegistrySyncOnDeploy1A2B3C4D',
      PhysicalResourceId: 'renewal-guard-registry-sync',
      Data: { Added: 2, Updated: 0, Retired: 0, Restored: 0 },
    });
    // the URL's signature covers no content type: an empty one, as AWS's own cfn-response sends
    expect(created!.headers['content-type']).toBe('');
    expect(deleted!.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'renewal-guard-registry-sync' });
    expect((await registry.listServices()).map((r) => r.service.id)).toEqual(['live-rtc', 'voice-room']);
  }, 30_000);

  it('answers FAILED with the reason when the registry cannot be written, so the deploy fails at once instead of waiting an hour', async () => {
    const before = cloudFormation.answers.length;

    const result = await invoke('sync-registry', CREATE, 'no-such-table');

    expect(result.outcome).toMatch(/^RESULT \{"Status":"FAILED"/);
    const answer = cloudFormation.answers.slice(before)[0]!;
    expect(answer.body).toMatchObject({
      Status: 'FAILED',
      RequestId: 'request-create',
      PhysicalResourceId: 'GuardRegistrySyncOnDeploy1A2B3C4D',
    });
    expect(answer.body.Reason).toMatch(/no-such-table|Requested resource not found/);
    // Powertools writes errors to stderr; the signed query of the response URL is in no log line
    expect(result.output).toMatch(/"level":"ERROR","message":"registry sync failed"/);
    expect(result.output).not.toContain('presigned-secret');
  }, 30_000);

  it('tries the answer again when the response URL refuses it once', async () => {
    const table = await dynamo.createRegistryTable();
    const before = cloudFormation.answers.length;
    cloudFormation.refuse(1);

    const result = await invoke('sync-registry', CREATE, table);

    expect(result.outcome).toMatch(/^RESULT \{"Status":"SUCCESS"/);
    expect(cloudFormation.answers.slice(before).map((a) => a.body.Status)).toEqual(['SUCCESS']);
  }, 30_000);
});

describe('the bundled poll-and-evaluate handler', () => {
  it('publishes each due alert to SNS with the filter attributes and to EventBridge, once', async () => {
    // Prepare: the registry as a deploy leaves it. The bundle runs on the real clock; every day from
    // 2026-10-21 on, both services are past expiry, so the expectations below hold on any later day
    const table = await dynamo.createRegistryTable();
    await invoke('sync-registry', CREATE, table);
    const before = aws.published.length;

    // Act
    const first = await invoke('poll-and-evaluate', {}, table, 'request-1');
    const second = await invoke('poll-and-evaluate', {}, table, 'request-2');

    // Assess: today is past both expiries (2026-10-09, 2026-10-20), so each owes its expiry emergency
    expect(first.outcome).toBe('RESULT {"cycleId":"request-1","alerts":2,"failedAccounts":[]}');
    expect(second.outcome).toBe('RESULT {"cycleId":"request-2","alerts":0,"failedAccounts":[]}');
    // alerts of different services are published side by side, in no particular order
    const sent = aws.published
      .slice(before)
      .sort((a, b) => a.attributes.serviceId.StringValue.localeCompare(b.attributes.serviceId.StringValue));
    expect(sent.map((p) => [p.topicArn, p.subject, p.attributes])).toEqual([
      [
        TOPIC,
        // the subject is the message's headline, in the guard's language (the bundle runs on the real clock)
        expect.stringMatching(/^\[Emergency\] Live app RTC expired \d+ days ago$/),
        {
          severity: { DataType: 'String', StringValue: 'emergency' },
          kind: { DataType: 'String', StringValue: 'expiry' },
          channels: { DataType: 'String.Array', StringValue: '["ops"]' },
          project: { DataType: 'String', StringValue: 'live-app' },
          serviceId: { DataType: 'String', StringValue: 'live-rtc' },
        },
      ],
      [
        TOPIC,
        expect.stringMatching(/^\[Emergency\] Voice room expired \d+ days ago$/),
        {
          severity: { DataType: 'String', StringValue: 'emergency' },
          kind: { DataType: 'String', StringValue: 'expiry' },
          channels: { DataType: 'String.Array', StringValue: '["ops"]' },
          project: { DataType: 'String', StringValue: 'voice' },
          serviceId: { DataType: 'String', StringValue: 'voice-room' },
        },
      ],
    ]);
    // each protocol gets its variant: text for people, the alert object for the notifier Lambda
    expect(sent[0].messageStructure).toBe('json');
    const variants = JSON.parse(sent[0].message);
    expect(variants.email).toBe(variants.default);
    expect(variants.email).toContain('Service: Live app RTC (live-rtc)\nProject: live-app\nExpires on: 2026-10-09');
    expect(variants.sms).toMatch(/^RenewalGuard \[Emergency\] Live app RTC expired \d+ days ago/);
    expect(JSON.parse(variants.lambda)).toMatchObject({ key: 'live-rtc:expiry:2026-10-09:0', channels: ['ops'] });
    const event = aws.events.find((e) => JSON.parse(e.Detail as string).serviceId === 'live-rtc')!;
    expect(event).toMatchObject({
      Source: 'renewal-guard',
      DetailType: 'Renewal Reminder',
      EventBusName: 'renewal-guard-bus',
    });
    expect(JSON.parse(event.Detail as string)).toMatchObject({
      key: 'live-rtc:expiry:2026-10-09:0',
      project: 'live-app',
      owners: ['alice@example.com'],
      expiresOn: '2026-10-09',
      accountId: 'contracts',
    });
    expect(first.logs.find((l) => l.message === 'cycle completed')).toMatchObject({
      level: 'INFO',
      service: 'renewal-guard',
    });
  }, 30_000);

  it('fails the invocation when SNS is down, leaving the alert in the outbox for the retry', async () => {
    const table = await dynamo.createRegistryTable();
    await invoke('sync-registry', CREATE, table);
    aws.failSnsPublishes(100);

    const failed = await invoke('poll-and-evaluate', {}, table);
    aws.failSnsPublishes(0);

    expect(failed.outcome).toMatch(/^ERROR CycleIncompleteError: 2 deliveries failed and stay in the outbox: /);
    expect(failed.logs.some((l) => l.CycleCompleted !== undefined)).toBe(false);
    const registry = new DynamoRegistry({ tableName: table, client: dynamo.client });
    expect((await registry.listOutbox()).map((e) => e.pendingTargets)).toEqual([['sns'], ['sns']]);
  }, 30_000);

  it('names the missing variable when the function is misconfigured', async () => {
    const result = await invoke('poll-and-evaluate', {}, '');

    expect(result.outcome).toBe(
      `ERROR Error: environment variable ${ENV_REGISTRY_TABLE} is not set; the RenewalGuard construct sets it on the function`,
    );
  }, 30_000);
});

describe('the bundled poll-and-evaluate handler with the links function deployed', () => {
  it('ends each email with an acknowledge link signed with the link secret, and never logs the key', async () => {
    // Prepare
    const table = await dynamo.createRegistryTable();
    await invoke('sync-registry', CREATE, table);
    const signingKey = 'poller-link-signing-key-0123456789abcdef';
    aws.putSecret('renewal-guard/links', { linkSigningKey: signingKey });
    const before = aws.published.length;

    // Act
    const run = await invokeBundle(
      codeRoot,
      'poll-and-evaluate',
      {},
      {
        ...localAwsEnv({
          dynamodb: dynamo.endpoint,
          sns: aws.endpoint,
          eventbridge: aws.endpoint,
          secretsManager: aws.endpoint,
        }),
        POWERTOOLS_SERVICE_NAME: 'renewal-guard',
        [ENV_REGISTRY_TABLE]: table,
        [ENV_ALERT_TOPIC_ARN]: TOPIC,
        [ENV_EVENT_BUS_NAME]: 'renewal-guard-bus',
        [ENV_GUARD_NAME]: 'guard-under-test',
        [ENV_ACK_BASE_URL]: 'https://abc123.lambda-url.ap-east-1.on.aws/',
        [ENV_LINK_SECRET_NAME]: 'renewal-guard/links',
      },
    );

    // Assess: every email (and default) text links its own alert's acknowledge page; SMS stays short
    const sent = aws.published.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    for (const publish of sent) {
      const variants = JSON.parse(publish.message) as Record<string, string>;
      const alert = JSON.parse(variants.lambda!) as { key: string };
      const link = /Acknowledge: (https:\S+)/.exec(variants.email!)?.[1] ?? '';
      const token = new URL(link).searchParams.get('t') ?? '';
      expect(link.startsWith('https://abc123.lambda-url.ap-east-1.on.aws/ack?t=')).toBe(true);
      expect(verifyAckToken(token, signingKey, new Date())).toMatchObject({ ok: true, claims: { key: alert.key } });
      expect(variants.sms).not.toContain('https://');
    }
    expect(run.output).not.toContain(signingKey);
  }, 30_000);
});
