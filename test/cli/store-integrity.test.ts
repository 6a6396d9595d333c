import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, CONFIG, tempDir, writeConfig } from './cli-harness';
import { openEmbeddedStore } from '../../lambda/cli/embedded-store';
import { SEAL_FILE } from '../../lambda/cli/store-seal';

// 7 days before live-rtc's expiry on 2026-10-09: its 7-day reminder is due
const NOW = '2026-10-02T09:30:00+08:00';
const LATER = '2026-10-02T09:31:00+08:00';
const KEY = 'live-rtc:expiry:2026-10-09:7';

/** The write-ahead log LevelDB is appending to: the newest `*.log` of the store. */
function logFile(store: string): string {
  const logs = fs
    .readdirSync(store)
    .filter((f) => /^\d+\.log$/.test(f))
    .sort();
  return path.join(store, logs[logs.length - 1]!);
}

/** Cuts the last `bytes` off a file: what a full disk, a crash of the machine or a bad copy leaves. */
function truncateTail(file: string, bytes: number): void {
  fs.truncateSync(file, Math.max(0, fs.statSync(file).size - bytes));
}

describe('a damaged embedded store', () => {
  let dir: string;
  let config: string;
  beforeEach(() => {
    dir = tempDir();
    config = writeConfig(dir, CONFIG);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const check = (...extra: string[]) =>
    cli(['check', '--config', config, '--store', 'store', '--json', ...extra], { cwd: dir, now: LATER });

  it('is refused with a clear error and a way out when its log lost its tail, instead of firing the same alerts again', async () => {
    // Prepare: a check that records the 7-day reminder in the ledger
    const first = await cli(['check', '--config', config, '--store', 'store', '--json'], { cwd: dir, now: NOW });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).alerts.map((a: { key: string }) => a.key)).toContain(KEY);
    truncateTail(logFile(path.join(dir, 'store')), 600);

    // Act
    const second = await check();

    // Assess
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toMatch(/store .*store is damaged/);
    expect(second.stderr).toContain('(the end of its LevelDB log was lost');
    expect(second.stderr).toContain(`mv ${path.join(dir, 'store')} ${path.join(dir, 'store')}.damaged`);
    expect(second.stderr).toContain('--repair-store');
  });

  it("is refused when a later session's writes are lost from the log, the first session's kept", async () => {
    // Prepare: two clean sessions, then the second one's tail lost
    await cli(['check', '--config', config, '--store', 'store'], { cwd: dir, now: NOW });
    await cli(['ack', KEY, '--config', config, '--store', 'store', '--by', 'alice'], { cwd: dir, now: NOW });
    truncateTail(logFile(path.join(dir, 'store')), 100);

    // Act
    const run = await check();

    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/its database holds generation \d+, but it was closed at generation \d+/);
  });

  it('stays refused on every later open until it is repaired or moved aside', async () => {
    // Prepare
    await cli(['check', '--config', config, '--store', 'store'], { cwd: dir, now: NOW });
    truncateTail(logFile(path.join(dir, 'store')), 600);
    await check();

    // Act
    const again = await cli(['preview', '--config', config, '--store', 'store'], { cwd: dir, now: LATER });

    // Assess
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is damaged');
  });

  it('is accepted as it is with --repair-store, and sealed anew', async () => {
    // Prepare
    await cli(['check', '--config', config, '--store', 'store'], { cwd: dir, now: NOW });
    truncateTail(logFile(path.join(dir, 'store')), 600);

    // Act
    const repaired = await check('--repair-store');
    const next = await check();

    // Assess
    expect(repaired.code).toBe(0);
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout).alerts).toEqual([]);
  });

  it('is refused when its database files are gone but its seal is there', async () => {
    // Prepare
    await cli(['check', '--config', config, '--store', 'store'], { cwd: dir, now: NOW });
    const store = path.join(dir, 'store');
    for (const f of fs.readdirSync(store)) if (f !== SEAL_FILE) fs.rmSync(path.join(store, f));

    // Act
    const run = await check();

    // Assess
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('holds no generation at all');
  });

  it('is not confused with a healthy store: closed cleanly, reopened, the ledger holds and nothing fires twice', async () => {
    // Prepare
    await cli(['check', '--config', config, '--store', 'store'], { cwd: dir, now: NOW });

    // Act
    const second = await check();

    // Assess
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).alerts).toEqual([]);
  });

  it('accepts a store left by a process that died before closing it (the seal is behind, not ahead)', async () => {
    // Prepare: a store sealed once, then opened and written to by a "process" that never closed it
    const storeDir = path.join(dir, 'store');
    await cli(['check', '--config', config, '--store', 'store'], { cwd: dir, now: NOW });
    const crashed = await openEmbeddedStore({ dir: storeDir });
    await crashed.registry.acknowledge({ key: KEY, by: 'alice', at: '2026-10-02T01:31:00.000Z' });
    // what kill -9 leaves: the seal file untouched, the lock released by the OS (here: the server closed
    // without the close() that seals)
    const sealBefore = fs.readFileSync(path.join(storeDir, SEAL_FILE), 'utf8');
    await (crashed as unknown as { close(): Promise<void> }).close();
    fs.writeFileSync(path.join(storeDir, SEAL_FILE), sealBefore);

    // Act
    const run = await check();

    // Assess
    expect(run.code).toBe(0);
  });

  it('accepts a store made before seals existed (no seal file), and seals it', async () => {
    // Prepare
    await cli(['check', '--config', config, '--store', 'store'], { cwd: dir, now: NOW });
    fs.rmSync(path.join(dir, 'store', SEAL_FILE));

    // Act
    const run = await check();

    // Assess
    expect(run.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'store', SEAL_FILE), 'utf8'))).toEqual({
      generation: expect.any(Number),
    });
  });
});
