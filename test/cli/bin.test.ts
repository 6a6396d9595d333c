import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir, writeConfig } from './cli-harness';

// The shipped entry point: bin/renewal-guard → the esbuild bundle (built by `npm test` before jest).
const BIN = path.join(__dirname, '..', '..', 'bin', 'renewal-guard');

function runBin(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
beforeAll(() => {
  if (!fs.existsSync(path.join(__dirname, '..', '..', 'assets', 'lambda', 'cli', 'main', 'index.js'))) {
    throw new Error('the CLI bundle is missing: run `npx projen bundle` (npm test does) before these tests');
  }
});
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the renewal-guard command (bundled)', () => {
  it('fires each key once when two checks run at the same time on one store', async () => {
    // Prepare
    const config = writeConfig(dir);
    const args = ['check', '--config', config, '--now', '2026-09-30T09:30:00+08:00', '--json'];

    // Act: two processes race for the store; the second waits for the first's lock
    const runs = await Promise.all([runBin(args, dir), runBin(args, dir)]);

    // Assess
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    const fired = runs.flatMap((r) => JSON.parse(r.stdout).alerts.map((a: { key: string }) => a.key)).sort();
    // two tiers and, on the eve of National Day, live-app's readiness notice: each once between the two
    expect(fired).toEqual([
      '_guard:holiday-readiness:2026-10-01:live-app',
      'live-rtc:expiry:2026-10-09:7',
      'voice-room:expiry:2026-10-20:15',
    ]);
  }, 60_000);

  it('exits non-zero with one line on stderr for a broken config', async () => {
    const config = writeConfig(dir, 'version: 1\nservices: {}\n');

    const run = await runBin(['check', '--config', config], dir);

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n').pop()).toBe('renewal-guard: renewal-guard.yaml is invalid (1 problem)');
  }, 30_000);
});
