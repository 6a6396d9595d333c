/**
 * The lean profile's link secret end to end through the shipped bundles, against moto's SSM: the
 * registry-sync custom resource creates the SecureString parameter on Create, leaves an existing one
 * untouched on every later Create or Update, and the links function reads it.
 */
import * as fs from 'fs';
import {
  DeleteParameterCommand,
  DescribeParametersCommand,
  GetParameterCommand,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { invokeBundle, localAwsEnv, pinnedClock, stageCode, type PinnedClock } from './bundle-runner';
import { functionUrlGet } from './link-events';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { signAckToken } from '../../lambda/core/ack';
import { ENV_LINK_PARAMETER_NAME } from '../../src/shared/link-parameter';
import { ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { guardConfig } from '../app/cycle-fixtures';
import { startMotoServer, type MotoServer } from '../emulated/support/moto-server';
import {
  customResourceEvent,
  startCfnResponseReceiver,
  type CfnResponseReceiver,
} from '../support/cfn-response-receiver';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const NOW = new Date('2026-09-30T01:30:00Z');
const URL_BASE = 'https://abc123.lambda-url.ap-east-1.on.aws/';
const KEY = 'live-rtc:expiry:2026-10-09:7';

let moto: MotoServer;
let dynamo: LocalDynamo;
let cloudFormation: CfnResponseReceiver;
let ssm: SSMClient;
let codeRoot: string;
let clock: PinnedClock;
let table: string;
let parameters = 0;
const config = guardConfig();

beforeAll(async () => {
  [moto, dynamo, cloudFormation] = await Promise.all([startMotoServer(), startDynalite(), startCfnResponseReceiver()]);
  ssm = new SSMClient({
    endpoint: moto.endpoint,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-endpoints-only' },
  });
  codeRoot = stageCode(['sync-registry', 'ack-and-calendar'], config);
  clock = pinnedClock();
  table = await dynamo.createRegistryTable();
}, 60_000);

afterAll(async () => {
  await Promise.all([moto?.stop(), dynamo?.stop(), cloudFormation?.stop()]);
  if (codeRoot) fs.rmSync(codeRoot, { recursive: true, force: true });
  clock?.dispose();
});

/** A fresh parameter name per test: the tests share one moto. */
function freshName(): string {
  return `/renewal-guard/guard-under-test-${++parameters}/links`;
}

function env(parameter: string): NodeJS.ProcessEnv {
  return {
    ...localAwsEnv({ dynamodb: dynamo.endpoint }),
    AWS_ENDPOINT_URL_SSM: moto.endpoint,
    [ENV_REGISTRY_TABLE]: table,
    [ENV_LINK_PARAMETER_NAME]: parameter,
  };
}

/** Runs the bundled sync for one CloudFormation event; returns CloudFormation's answer and the output. */
async function sync(type: 'Create' | 'Update', parameter: string) {
  const before = cloudFormation.answers.length;
  const event = customResourceEvent(type, cloudFormation.url(type.toLowerCase()), {
    ConfigHash: 'a'.repeat(64),
    LinkParameter: parameter,
  });
  const result = await invokeBundle(codeRoot, 'sync-registry', event, env(parameter));
  const answers = cloudFormation.answers.slice(before);
  expect(answers).toHaveLength(1);
  return { answer: answers[0]!.body, output: result.output };
}

async function stored(parameter: string) {
  const found = (await ssm.send(new GetParameterCommand({ Name: parameter, WithDecryption: true }))).Parameter!;
  return { type: found.Type, version: found.Version, value: found.Value! };
}

describe('the bundled sync-registry handler with the SSM store', () => {
  it('creates the link secret on Create: a standard SecureString with both values generated, letters and digits', async () => {
    const parameter = freshName();

    const { answer, output } = await sync('Create', parameter);

    expect(answer).toMatchObject({ Status: 'SUCCESS', Data: { LinkParameter: 'created' } });
    const created = await stored(parameter);
    expect(created.type).toBe('SecureString');
    const { linkSigningKey, feedToken, ...rest } = JSON.parse(created.value) as Record<string, string>;
    expect(linkSigningKey).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(feedToken).toMatch(/^[A-Za-z0-9]{48}$/);
    expect(rest).toEqual({});
    const described = await ssm.send(
      new DescribeParametersCommand({ ParameterFilters: [{ Key: 'Name', Values: [parameter] }] }),
    );
    expect(described.Parameters?.map((p) => p.Tier)).toEqual(['Standard']);
    // neither value reaches the log or CloudFormation's answer
    expect(output).not.toContain(linkSigningKey);
    expect(output).not.toContain(feedToken);
    expect(JSON.stringify(answer)).not.toContain(feedToken);
  }, 60_000);

  it('leaves an existing value untouched on a second Create and on Update', async () => {
    const parameter = freshName();
    await sync('Create', parameter);
    const first = await stored(parameter);

    const again = await sync('Create', parameter);
    const updated = await sync('Update', parameter);

    expect(again.answer).toMatchObject({ Status: 'SUCCESS', Data: { LinkParameter: 'kept' } });
    expect(updated.answer).toMatchObject({ Status: 'SUCCESS', Data: { LinkParameter: 'kept' } });
    expect(await stored(parameter)).toEqual(first);
  }, 60_000);

  it('keeps a value the operator put (a rotation) instead of generating one', async () => {
    const parameter = freshName();
    const rotated = JSON.stringify({ linkSigningKey: 'k'.repeat(64), feedToken: 'f'.repeat(48) });
    await ssm.send(new PutParameterCommand({ Name: parameter, Value: rotated, Type: 'SecureString' }));

    const { answer } = await sync('Update', parameter);

    expect(answer).toMatchObject({ Status: 'SUCCESS', Data: { LinkParameter: 'kept' } });
    expect(await stored(parameter)).toEqual({ type: 'SecureString', version: 1, value: rotated });
  }, 60_000);

  it('fails the deploy, naming the parameter, when a plain String holds the name, and leaves it alone', async () => {
    const parameter = freshName();
    await ssm.send(new PutParameterCommand({ Name: parameter, Value: 'not encrypted', Type: 'String' }));

    const { answer } = await sync('Create', parameter);

    expect(answer).toMatchObject({ Status: 'FAILED' });
    expect(answer.Reason).toContain(`parameter "${parameter}" exists as a String, not a SecureString`);
    expect(await stored(parameter)).toEqual({ type: 'String', version: 1, value: 'not encrypted' });
    await ssm.send(new DeleteParameterCommand({ Name: parameter }));
  }, 60_000);
});

describe('the bundled links function with the SSM store', () => {
  async function open(parameter: string, target: string) {
    const { outcome } = await invokeBundle(codeRoot, 'ack-and-calendar', functionUrlGet(target, NOW), {
      ...env(parameter),
      ...clock.env(NOW),
    });
    if (!outcome.startsWith('RESULT ')) throw new Error(`the bundle failed: ${outcome}`);
    return JSON.parse(outcome.slice('RESULT '.length)) as { statusCode: number; headers: Record<string, string> };
  }

  it('opens the feed with the token the sync generated and the confirm page of a link it signed', async () => {
    const parameter = freshName();
    await sync('Create', parameter);
    await new DynamoRegistry({ tableName: table, client: dynamo.client }).syncDeclaredServices(
      config.services,
      NOW.toISOString(),
    );
    const { linkSigningKey, feedToken } = JSON.parse((await stored(parameter)).value) as Record<string, string>;
    const token = signAckToken(
      { key: KEY, expiresAt: new Date('2026-10-10T00:00:00Z'), action: 'ack' },
      linkSigningKey!,
    );

    const feed = await open(parameter, `${URL_BASE}calendar.ics?token=${feedToken}`);
    const wrong = await open(parameter, `${URL_BASE}calendar.ics?token=${'x'.repeat(48)}`);
    const page = await open(parameter, `${URL_BASE}ack?t=${token}`);

    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(wrong.statusCode).toBe(403);
    expect(page.statusCode).toBe(200);
  }, 60_000);
});
