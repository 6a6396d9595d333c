import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG, tempDir, writeConfig } from '../cli/cli-harness';

// The shipped entry point, bin/renewal-guard → the esbuild bundle (npm test bundles before jest): the
// issue's own reproductions, run the way a user runs them.
const BIN = path.join(__dirname, '..', '..', 'bin', 'renewal-guard');

function runBin(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH } });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

let dir: string;
beforeEach(() => {
  dir = tempDir();
  writeConfig(dir, CONFIG);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the adversarial suite, through the shipped command', () => {
  it.each([
    ['0000-01-01', /services\[0\]\.expiresOn: "0000-01-01" is outside the supported years 2000 to 2199/],
    ['9999-12-31', /services\[0\]\.expiresOn: "9999-12-31" is outside the supported years 2000 to 2199/],
  ])(
    'validate refuses an expiry on %s with its path (exit 2, not a crash)',
    async (date, message) => {
      writeConfig(dir, CONFIG.replace('expiresOn: 2026-10-09', `expiresOn: ${date}`));

      const run = await runBin(['validate', '--config', 'renewal-guard.yaml'], dir);

      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    },
    30_000,
  );

  it('check refuses --now 2026-02-30T09:30:00Z and creates no store', async () => {
    const run = await runBin(
      ['check', '--config', 'renewal-guard.yaml', '--store', 'store', '--now', '2026-02-30T09:30:00Z'],
      dir,
    );

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--now: "2026-02-30T09:30:00Z" is not a real instant');
    expect(fs.existsSync(path.join(dir, 'store'))).toBe(false);
  }, 30_000);

  it('ack refuses a key with a newline and creates no store', async () => {
    const run = await runBin(['ack', 'live-rtc:expiry:2026-10-09:7\nx', '--config', 'renewal-guard.yaml'], dir);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('"live-rtc:expiry:2026-10-09:7\\nx" is not an alert key');
    expect(fs.existsSync(path.join(dir, '.renewal-guard'))).toBe(false);
  }, 30_000);

  it('preview --store <missing> fails naming the folder', async () => {
    const run = await runBin(['preview', '--config', 'renewal-guard.yaml', '--store', 'missing'], dir);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--store: .*missing does not exist/);
  }, 30_000);
});
