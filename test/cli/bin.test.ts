import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir, writeConfig } from './cli-harness';

// The shipped entry point: bin/renewal-guard → the esbuild bundle (built by `npm test` before jest).
const BIN = path.join(__dirname, '..', '..', 'bin', 'renewal-guard');

function runBin(
  args: string[],
  cwd: string,
  as: { uid?: number; gid?: number } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH }, ...as });
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

  it('says a store this user may not write is not writable, instead of calling it damaged and advising to move it aside', async () => {
    // Prepare: a store made by one check; then it is read-only to whoever runs the next (root ignores
    // file modes, so as root the next check runs as nobody, for whom root's files are read-only)
    const config = writeConfig(dir);
    const made = await runBin(['check', '--config', config, '--now', '2026-09-30T09:30:00+08:00'], dir);
    const store = path.join(dir, '.renewal-guard');
    const asRoot = process.getuid?.() === 0;
    if (asRoot) fs.chmodSync(dir, 0o755);
    else for (const name of ['', ...fs.readdirSync(store)]) fs.chmodSync(path.join(store, name), name ? 0o444 : 0o555);

    // Act
    const run = await runBin(
      ['check', '--config', config, '--now', '2026-09-30T10:30:00+08:00'],
      dir,
      asRoot ? { uid: NOBODY, gid: NOBODY } : {},
    );

    // Assess
    if (!asRoot) fs.chmodSync(store, 0o755);
    expect(made.code).toBe(0);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`renewal-guard: cannot open store ${store}: `);
    expect(run.stderr).toContain(': Permission denied. This user may not write to the store (it writes its lock');
    expect(run.stderr).not.toContain('damaged');
    expect(run.stderr).not.toContain('mv ');
  }, 30_000);
});

/** The conventional uid and gid of `nobody` on Linux. */
const NOBODY = 65534;
