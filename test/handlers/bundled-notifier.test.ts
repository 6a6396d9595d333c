/**
 * The bundled notifier as Lambda runs it: an SNS event carrying the alert object (the `lambda` variant
 * of the poller's message), channel secrets from Secrets Manager, deliveries recorded in the registry
 * ledger so a retried invocation never posts twice, and a failing channel that fails the invocation
 * without stopping the others.
 */
import * as fs from 'fs';
import { invokeBundle, localAwsEnv, stageCode } from './bundle-runner';
import { startFakeAws, type FakeAws } from './fake-aws';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { alertMessage } from '../../lambda/aws/sns-alert-publisher';
import type { Alert } from '../../lambda/core/model';
import { ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { guardConfig } from '../app/cycle-fixtures';
import { startDynalite, type LocalDynamo } from '../support/dynalite';
import { PlatformReceivers } from '../support/receivers';

let dynamo: LocalDynamo;
let aws: FakeAws;
let receivers: PlatformReceivers;
let codeRoot: string;

const alert: Alert = {
  key: 'live-rtc:expiry:2026-10-09:7',
  kind: 'expiry',
  severity: 'critical',
  serviceId: 'live-rtc',
  project: 'live-app',
  tier: 7,
  daysLeft: 9,
  expiresOn: '2026-10-09',
  date: '2026-09-30',
  owners: ['alice@example.com'],
  channels: ['ops', 'robot', 'hooks'],
  message: 'Live app RTC (live-rtc, project live-app) expires on 2026-10-09 (9 days left).',
};

beforeAll(async () => {
  [dynamo, aws, receivers] = await Promise.all([
    startDynalite(),
    startFakeAws(),
    PlatformReceivers.start({ now: () => Date.now() }),
  ]);
  aws.putSecret('renewal-guard/dingtalk', receivers.secrets.dingtalk);
  aws.putSecret('renewal-guard/webhook', receivers.secrets.webhook);
  const config = guardConfig({
    channels: [
      { id: 'ops', type: 'email', to: ['ops@example.com'] },
      { id: 'robot', type: 'dingtalk', secret: 'renewal-guard/dingtalk' },
      { id: 'hooks', type: 'webhook', secret: 'renewal-guard/webhook' },
    ],
  });
  codeRoot = stageCode(['notify'], config);
}, 60_000);

afterAll(async () => {
  await Promise.all([dynamo.stop(), aws.stop(), receivers.close()]);
  fs.rmSync(codeRoot, { recursive: true, force: true });
});

/** An SNS event as Lambda receives it: the subscription's protocol variant of the message. */
function snsEvent(a: Alert) {
  const message = JSON.parse(alertMessage(a)).lambda as string;
  return { Records: [{ EventSource: 'aws:sns', Sns: { MessageId: 'm-1', Message: message } }] };
}

async function invoke(table: string, event: unknown): Promise<string> {
  const env = {
    ...localAwsEnv({ dynamodb: dynamo.endpoint, secretsManager: aws.endpoint }),
    [ENV_REGISTRY_TABLE]: table,
  };
  return (await invokeBundle(codeRoot, 'notify', event, env)).outcome;
}

async function claimed(): Promise<{ table: string; registry: DynamoRegistry }> {
  const table = await dynamo.createRegistryTable();
  const registry = new DynamoRegistry({ tableName: table, client: dynamo.client });
  await registry.claimAlert({
    alert,
    cycleId: 'c',
    claimedAt: new Date().toISOString(),
    pendingTargets: ['sns'],
    deliveredTargets: [],
  });
  return { table, registry };
}

describe('the bundled notifier', () => {
  it("delivers to the guard's own channels once, recording each in the ledger, and never again on a retry", async () => {
    const { table, registry } = await claimed();
    const before = { ding: receivers.accepted('dingtalk').length, hook: receivers.accepted('webhook').length };

    const first = await invoke(table, snsEvent(alert));
    const retried = await invoke(table, snsEvent(alert));

    expect([first, retried]).toEqual(['RESULT {"delivered":2}', 'RESULT {"delivered":0}']);
    expect(receivers.accepted('dingtalk').length - before.ding).toBe(1);
    expect(receivers.accepted('webhook').length - before.hook).toBe(1);
    expect((await registry.getAlert(alert.key))?.deliveredTargets).toEqual(
      expect.arrayContaining(['channel:robot', 'channel:hooks']),
    );
  }, 60_000);

  it('fails the invocation when a channel keeps failing, after delivering to the others', async () => {
    const { table, registry } = await claimed();
    receivers.failNext('webhook', { times: 100, status: 500 });
    const before = receivers.accepted('dingtalk').length;

    const outcome = await invoke(table, snsEvent(alert));

    expect(outcome).toMatch(
      /^ERROR DeliveryError: 1 channel deliveries failed: live-rtc:expiry:2026-10-09:7 → channel:hooks/,
    );
    expect(receivers.accepted('dingtalk').length - before).toBe(1);
    expect((await registry.getAlert(alert.key))?.deliveredTargets).toEqual(expect.arrayContaining(['channel:robot']));
    expect(outcome).not.toContain(receivers.secrets.webhook.signingSecret);
  }, 120_000);
});
