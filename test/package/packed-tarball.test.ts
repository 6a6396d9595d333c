/**
 * The package as a consumer gets it: jsii-compiled, packed with `npm pack`, installed into a separate
 * CDK app that has neither esbuild nor Docker, then synthesized — the prebuilt handler bundles and the
 * synth-time config loader must be all it needs. The installed `renewal-guard` command must run too.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';

const exec = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const NODE_ONLY_PATH = path.dirname(process.execPath); // no esbuild, no docker on PATH
const CDK_VERSION: string = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'node_modules', 'aws-cdk-lib', 'package.json'), 'utf8'),
).version;

let app: string;

beforeAll(async () => {
  // Prepare: compile src/ as `projen compile` does, pack, install into a fresh app from the npm cache
  await exec('npx', ['jsii', '--silence-warnings=reserved-word'], { cwd: ROOT });
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-consumer-'));
  const { stdout } = await exec('npm', ['pack', '--pack-destination', app, '--silent'], { cwd: ROOT });
  const tarball = path.join(app, stdout.trim().split('\n').pop()!);
  fs.writeFileSync(
    path.join(app, 'package.json'),
    JSON.stringify({
      private: true,
      dependencies: { 'cdk-renewal-guard': `file:${tarball}`, 'aws-cdk-lib': CDK_VERSION, constructs: '^10.0.0' },
    }),
  );
  await exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app });
  fs.writeFileSync(
    path.join(app, 'renewal-guard.yaml'),
    [
      'version: 1',
      'timeZone: Asia/Shanghai',
      'calendar: CN',
      'services:',
      '  - { id: live-rtc, name: Live RTC, project: live, kind: subscription, expiresOn: 2026-10-09, owners: [a@example.com] }',
      'channels:',
      '  - { id: ops, type: email, to: [ops@example.com] }',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(app, 'app.js'),
    `const { App, Stack } = require('aws-cdk-lib');
const { RenewalGuard } = require('cdk-renewal-guard');
const app = new App({ outdir: 'cdk.out' });
const stack = new Stack(app, 'Consumer', { env: { account: '123456789012', region: 'ap-east-1' } });
new RenewalGuard(stack, 'Guard', { configFile: 'renewal-guard.yaml' });
const template = app.synth().getStackByName('Consumer').template;
process.stdout.write(JSON.stringify(Object.values(template.Resources).map((r) => r.Type)));
`,
  );
}, 600_000);

afterAll(() => app && fs.rmSync(app, { recursive: true, force: true }));

describe('the packed npm package', () => {
  it('has no esbuild to lean on in the consumer app', () => {
    expect(() => require.resolve('esbuild', { paths: [app] })).toThrow();
  });

  it('synthesizes a guard in a separate CDK app without esbuild or Docker', async () => {
    const { stdout } = await exec(process.execPath, ['app.js'], { cwd: app, env: { PATH: NODE_ONLY_PATH } });

    const types: string[] = JSON.parse(stdout);
    expect(types).toEqual(
      expect.arrayContaining([
        'AWS::DynamoDB::Table',
        'AWS::SNS::Topic',
        'AWS::Events::EventBus',
        'AWS::Lambda::Function',
        'AWS::Scheduler::Schedule',
        'AWS::SQS::Queue',
        'AWS::KMS::Key',
      ]),
    );
    const staged = fs.readdirSync(path.join(app, 'cdk.out')).filter((f) => f.startsWith('asset.'));
    expect(staged.some((dir) => fs.existsSync(path.join(app, 'cdk.out', dir, 'poll-and-evaluate', 'index.js')))).toBe(
      true,
    );
  }, 120_000);

  it('rejects an invalid config at synth time with every problem listed', async () => {
    fs.writeFileSync(path.join(app, 'bad.yaml'), 'version: 1\ntimeZone: Mars/Base\nreminderDays: [7, -1]\n');
    const script = fs.readFileSync(path.join(app, 'app.js'), 'utf8').replace("'renewal-guard.yaml'", "'bad.yaml'");
    fs.writeFileSync(path.join(app, 'bad-app.js'), script);

    const result = await exec(process.execPath, ['bad-app.js'], { cwd: app, env: { PATH: NODE_ONLY_PATH } }).catch(
      (e) => e,
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('timeZone: "Mars/Base" is not an IANA time zone');
    expect(result.stderr).toContain('reminderDays[1]');
  }, 120_000);

  it('installs a working renewal-guard command', async () => {
    const { stdout } = await exec(
      process.execPath,
      [path.join(app, 'node_modules', '.bin', 'renewal-guard'), 'validate', '--config', 'renewal-guard.yaml'],
      { cwd: app, env: { PATH: NODE_ONLY_PATH } },
    );

    expect(stdout).toBe(
      'renewal-guard.yaml is valid: 1 service, 0 accounts, 1 channel; calendar CN, time zone Asia/Shanghai, daily check at 09:00\n',
    );
  }, 60_000);
});
