/**
 * A full deployed cycle against every vendor of the sandbox — healthy, throttled, failing
 * authentication and answering garbage — with credentials read from (a stand-in for) Secrets Manager:
 * no credential value may appear in any log line, metric line, SNS message or event.
 */
import * as fs from 'fs';
import { invokeBundle, localAwsEnv, pinnedClock, stageCode, type PinnedClock } from './bundle-runner';
import { startFakeAws, type FakeAws } from './fake-aws';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { demoAccounts, demoFixtures, startVendorSandbox, type VendorSandbox } from '../../lambda/sandbox';
import { ENV_GUARD_NAME } from '../../src/shared/metrics-schema';
import { ENV_ALERT_TOPIC_ARN, ENV_EVENT_BUS_NAME, ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { guardConfig } from '../app/cycle-fixtures';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

let dynamo: LocalDynamo;
let aws: FakeAws;
let sandbox: VendorSandbox;
let codeRoot: string;
let secretValues: string[];
let table: string;
let clock: PinnedClock;
/** A Tuesday, a working day: a blind spot decided on a non-working day would wait for the next one. */
const now = new Date('2026-12-08T02:30:00Z');

beforeAll(async () => {
  [dynamo, aws] = await Promise.all([startDynalite(), startFakeAws()]);
  clock = pinnedClock({ random: 0 });
  sandbox = await startVendorSandbox({ fixtures: demoFixtures(now) });
  const vendor = demoAccounts(sandbox, now);
  for (const [name, fields] of Object.entries(vendor.secrets)) aws.putSecret(name, fields);
  // every field of every secret, as the strings an accidental log or message would carry
  secretValues = Object.values(vendor.secrets).flatMap((fields) => Object.values(fields));
  const config = guardConfig({
    accounts: [
      ...vendor.accounts.map(({ options, ...a }) => ({ ...a, ...options, balance: { minRunwayDays: 400 } })),
      { id: 'contracts', vendor: 'manual' },
    ],
  });
  codeRoot = stageCode(['poll-and-evaluate'], config);
  table = await dynamo.createRegistryTable();
  await new DynamoRegistry({ tableName: table, client: dynamo.client }).syncDeclaredServices(
    config.services,
    now.toISOString(),
  );
}, 60_000);

afterAll(async () => {
  await Promise.all([dynamo.stop(), aws.stop(), sandbox.stop()]);
  clock.dispose();
  fs.rmSync(codeRoot, { recursive: true, force: true });
});

async function cycle(requestId: string): Promise<string> {
  const invocation = await invokeBundle(
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
      [ENV_REGISTRY_TABLE]: table,
      [ENV_ALERT_TOPIC_ARN]: 'arn:aws:sns:ap-east-1:123456789012:alerts',
      [ENV_EVENT_BUS_NAME]: 'renewal-guard-bus',
      [ENV_GUARD_NAME]: 'guard-under-test',
      ...clock.env(now),
    },
    requestId,
  );
  return invocation.output;
}

describe('a full cycle', () => {
  it('leaks no credential into logs, metrics, SNS messages or events, through successes and failures', async () => {
    // Prepare: one vendor refuses authentication, one throttles then answers, one answers garbage
    sandbox.inject('twilio', { kind: 'auth-failure' });
    sandbox.inject('tencent', { kind: 'throttle', times: 1, retryAfterSeconds: 0 });
    sandbox.inject('vonage', { kind: 'malformed', times: 10 });

    // Act: two cycles, so the failing accounts become blind spots and raise alerts too
    const first = await cycle('cycle-1');
    const second = await cycle('cycle-2');

    // Assess
    const output = [first, second, JSON.stringify(aws.published), JSON.stringify(aws.events)].join('\n');
    expect(output).toContain('twilio account twilio-video'); // the failures really were logged and alerted
    expect(aws.published.some((p) => p.attributes.kind?.StringValue === 'blind-spot')).toBe(true);
    expect(secretValues.length).toBeGreaterThan(10);
    expect(secretValues.every((secret) => secret.length >= 8)).toBe(true);
    // name a leaked secret by its position only: the failure message must not print it either
    expect(secretValues.flatMap((secret, i) => (output.includes(secret) ? [i] : []))).toEqual([]);
  }, 90_000);
});
