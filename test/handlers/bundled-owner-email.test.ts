/**
 * Owners hear about their own services, as shipped: the bundled poller emails each owner address of an
 * alert's service through SES v2 SendEmail (a loopback stand-in of its JSON API), one message per owner
 * with a text and an HTML part in the owners' language, and records each owner as a delivery target.
 */
import * as fs from 'fs';
import { invokeBundle, localAwsEnv, stageCode } from './bundle-runner';
import { startFakeAws, type FakeAws } from './fake-aws';
import { startFakeSesV2, type FakeSesV2 } from './fake-sesv2';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { ownerTarget } from '../../lambda/delivery';
import { ENV_GUARD_NAME } from '../../src/shared/metrics-schema';
import { ENV_SES_CONFIGURATION_SET } from '../../src/shared/owner-email-schema';
import { ENV_ALERT_TOPIC_ARN, ENV_EVENT_BUS_NAME, ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { guardConfig } from '../app/cycle-fixtures';
import { OWNED_SERVICES, OWNER_EMAIL_FROM } from '../delivery/owner-email-fixtures';
import {
  customResourceEvent,
  startCfnResponseReceiver,
  type CfnResponseReceiver,
} from '../support/cfn-response-receiver';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

let dynamo: LocalDynamo;
let aws: FakeAws;
let ses: FakeSesV2;
let cloudFormation: CfnResponseReceiver;
let codeRoot: string;
beforeAll(async () => {
  [dynamo, aws, ses, cloudFormation] = await Promise.all([
    startDynalite(),
    startFakeAws(),
    startFakeSesV2(),
    startCfnResponseReceiver(),
  ]);
  // weekends, not CN: the bundle runs on the real clock (see bundled-handlers.test.ts); every day from
  // 2026-10-21 on both services are past expiry, so each owes its expiry emergency
  const config = guardConfig({
    calendar: 'weekends',
    language: 'zh-CN',
    ownerEmail: { from: OWNER_EMAIL_FROM },
    services: OWNED_SERVICES,
  });
  codeRoot = stageCode(['poll-and-evaluate', 'sync-registry'], config);
});
afterAll(async () => {
  await Promise.all([dynamo.stop(), aws.stop(), ses.stop(), cloudFormation.stop()]);
  fs.rmSync(codeRoot, { recursive: true, force: true });
});

function invoke(name: string, event: unknown, table: string, requestId: string) {
  return invokeBundle(
    codeRoot,
    name,
    event,
    {
      ...localAwsEnv({ dynamodb: dynamo.endpoint, sns: aws.endpoint, eventbridge: aws.endpoint }),
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      POWERTOOLS_SERVICE_NAME: 'renewal-guard',
      [ENV_REGISTRY_TABLE]: table,
      [ENV_ALERT_TOPIC_ARN]: 'arn:aws:sns:ap-east-1:123456789012:renewal-guard-alerts',
      [ENV_EVENT_BUS_NAME]: 'renewal-guard-bus',
      [ENV_GUARD_NAME]: 'guard-under-test',
      [ENV_SES_CONFIGURATION_SET]: 'guard-events',
    },
    requestId,
  );
}

async function deployedRegistry(): Promise<string> {
  const table = await dynamo.createRegistryTable();
  const create = customResourceEvent('Create', cloudFormation.url('create'), { ConfigHash: 'a'.repeat(64) });
  await invoke('sync-registry', create, table, 'deploy');
  return table;
}

describe('the bundled poller and owner email', () => {
  it('emails each owner address its service alert through SES, in Chinese, with text and HTML, once', async () => {
    // Prepare
    const table = await deployedRegistry();
    const before = ses.sent.length;

    // Act
    const first = await invoke('poll-and-evaluate', {}, table, 'request-1');
    const second = await invoke('poll-and-evaluate', {}, table, 'request-2');

    // Assess: one SendEmail per owner address (the owner written as a name gets none), none the second time
    expect(first.outcome).toBe('RESULT {"cycleId":"request-1","alerts":2,"failedAccounts":[]}');
    expect(second.outcome).toBe('RESULT {"cycleId":"request-2","alerts":0,"failedAccounts":[]}');
    const sent = ses.sent.slice(before);
    expect(sent.map((r) => r.Destination.ToAddresses).sort()).toEqual([
      ['alice@example.com'],
      ['bob@example.com'],
      ['dave@example.com'],
    ]);
    const bob = sent.find((r) => r.Destination.ToAddresses[0] === 'bob@example.com')!;
    expect(bob).toMatchObject({
      FromEmailAddress: OWNER_EMAIL_FROM,
      ConfigurationSetName: 'guard-events',
      EmailTags: [{ Name: 'renewal-guard-alert', Value: 'voice-room_expiry_2026-10-20_0' }],
    });
    expect(bob.Content.Simple.Subject.Data).toMatch(/^【紧急】语音房 TRTC package/);
    expect(bob.Content.Simple.Body.Text.Data).toContain('语音房 TRTC package');
    expect(bob.Content.Simple.Body.Html.Data).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
    expect(bob.Content.Simple.Body.Html.Data).toContain('<h1>【紧急】语音房 TRTC package');
    // each owner is a target of its own, recorded like the topic and the bus
    const registry = new DynamoRegistry({ tableName: table, client: dynamo.client });
    expect([...((await registry.getAlert('live-rtc:expiry:2026-10-09:0'))?.deliveredTargets ?? [])].sort()).toEqual(
      ['eventbridge', 'sns', ownerTarget('alice@example.com'), ownerTarget('dave@example.com')].sort(),
    );
    // the logs name owners by fingerprint, never by address
    expect(first.output).not.toContain('alice@example.com');
  }, 60_000);

  it('fails the cycle while SES refuses one owner, keeps only that owner owed, and emails it on the retry', async () => {
    // Prepare
    const table = await deployedRegistry();
    ses.reject('dave@example.com');
    const before = ses.sent.length;

    // Act
    const failed = await invoke('poll-and-evaluate', {}, table, 'request-1');
    ses.accept('dave@example.com');
    const retried = await invoke('poll-and-evaluate', {}, table, 'request-1');

    // Assess
    expect(failed.outcome).toMatch(
      new RegExp(
        `^ERROR CycleIncompleteError: 1 deliveries failed .*live-rtc:expiry:2026-10-09:0 → ${ownerTarget('dave@example.com')}`,
      ),
    );
    const sent = ses.sent.slice(before).map((r) => r.Destination.ToAddresses[0]);
    expect(sent.filter((a) => a === 'alice@example.com')).toHaveLength(1);
    expect(sent.filter((a) => a === 'dave@example.com')).toHaveLength(1);
    expect(retried.outcome).toBe('RESULT {"cycleId":"request-1","alerts":0,"failedAccounts":[]}');
    const registry = new DynamoRegistry({ tableName: table, client: dynamo.client });
    expect(await registry.listOutbox()).toEqual([]);
  }, 60_000);
});
