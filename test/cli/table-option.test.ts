/**
 * `--table`: the CLI on a deployed guard's registry, a real DynamoDB table (dynalite here, reached the way
 * the SDK reaches DynamoDB: region and credentials from the environment, the endpoint from
 * AWS_ENDPOINT_URL_DYNAMODB).
 */
import * as fs from 'fs';
import { cli, tempDir, writeConfig } from './cli-harness';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { guardConfig } from '../app/cycle-fixtures';
import { startDynalite, type LocalDynamo } from '../support/dynalite';

const AWS_VARIABLES = [
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_PROFILE',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_ENDPOINT_URL_DYNAMODB',
];

let dynamo: LocalDynamo;
let dir: string;
let saved: Record<string, string | undefined>;

beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());

beforeEach(() => {
  dir = tempDir();
  saved = Object.fromEntries(AWS_VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of AWS_VARIABLES) delete process.env[name];
  // no shared config either: the region can come from nowhere but what each test sets
  process.env.AWS_CONFIG_FILE = `${dir}/no-aws-config`;
  process.env.AWS_SHARED_CREDENTIALS_FILE = `${dir}/no-aws-credentials`;
});

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('--table', () => {
  it('exits 2 before any request when no AWS region is configured, saying how to give one', async () => {
    const config = writeConfig(dir);

    const check = await cli(['check', '--config', config, '--table', 'renewal-guard-registry'], { cwd: dir });
    const exported = await cli(['registry', 'export', '--config', config, '--table', 'renewal-guard-registry'], {
      cwd: dir,
    });

    for (const run of [check, exported]) {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        '--table renewal-guard-registry: no AWS region is configured; set AWS_REGION (or a region in your AWS profile)',
      );
      expect(run.stderr).not.toContain('Region is missing');
    }
  });

  it("runs check on the table in the configured region, with the table's services", async () => {
    // Prepare: the deployed guard's table, its services synced by a deploy
    const tableName = await dynamo.createRegistryTable();
    await new DynamoRegistry({ tableName, client: dynamo.client }).syncDeclaredServices(
      guardConfig().services,
      '2026-09-01T00:00:00Z',
    );
    Object.assign(process.env, {
      AWS_REGION: 'ap-east-1',
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'example-secret-for-dynalite',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    });
    const config = writeConfig(dir);

    const run = await cli(['check', '--config', config, '--table', tableName, '--json'], { cwd: dir });

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { alerts: Array<{ key: string }> };
    expect(report.alerts.map((a) => a.key)).toContain('live-rtc:expiry:2026-10-09:7');
  });
});
