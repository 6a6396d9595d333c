/**
 * The bundled notifier as Lambda runs it: an SNS event carrying the alert object (the `lambda` variant
 * of the poller's message), channel secrets from Secrets Manager, deliveries recorded in the registry
 * ledger so a retried invocation never posts twice, and a failing channel that fails the invocation
 * without stopping the others.
 */
import * as fs from 'fs';
import { invokeBundle, localAwsEnv, stageCode } from './bundle-runner';
import type { FakeAws } from './fake-aws';
import { claimForSns, expiryAlert, snsEvent, startNotifierPlatform, stopNotifierPlatform } from './notifier-fixtures';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { guardConfig } from '../app/cycle-fixtures';
import type { LocalDynamo } from '../support/dynalite';
import type { PlatformReceivers } from '../support/receivers';

let dynamo: LocalDynamo;
let aws: FakeAws;
let receivers: PlatformReceivers;
let codeRoot: string;

const alert = expiryAlert(['ops', 'robot', 'hooks']);

beforeAll(async () => {
  ({ dynamo, aws, receivers } = await startNotifierPlatform());
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
  await stopNotifierPlatform({ dynamo, aws, receivers });
  fs.rmSync(codeRoot, { recursive: true, force: true });
});

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
  await claimForSns(registry, alert, new Date().toISOString());
  return { table, registry };
}

describe('the bundled notifier', () => {
  it("delivers to the guard's own channels once, recording each in the ledger, and never again on a retry", async () => {
    const { table, registry } = await claimed();
    const before = { ding: receivers.accepted('dingtalk').length, hook: receivers.accepted('webhook').length };

    const first = await invoke(table, snsEvent([alert]));
    const retried = await invoke(table, snsEvent([alert]));

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

    const outcome = await invoke(table, snsEvent([alert]));

    expect(outcome).toMatch(
      /^ERROR DeliveryError: 1 channel deliveries failed: live-rtc:expiry:2026-10-09:7 → channel:hooks/,
    );
    expect(receivers.accepted('dingtalk').length - before).toBe(1);
    expect((await registry.getAlert(alert.key))?.deliveredTargets).toEqual(expect.arrayContaining(['channel:robot']));
    expect(outcome).not.toContain(receivers.secrets.webhook.signingSecret);
  }, 120_000);
});
