import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { openEmbeddedStore, StoreBusyError, type EmbeddedStore } from '../../lambda/cli/embedded-store';
import { alert, ledgerEntry, NOW, service } from '../aws/registry-fixtures';

let root: string;
const opened: EmbeddedStore[] = [];

async function open(dir: string, waitForLockMs?: number): Promise<EmbeddedStore> {
  const store = await openEmbeddedStore({ dir, ...(waitForLockMs === undefined ? {} : { waitForLockMs }) });
  opened.push(store);
  return store;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'renewal-guard-store-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  rmSync(root, { recursive: true, force: true });
});

describe('openEmbeddedStore', () => {
  it('creates the directory and an empty registry table on first open', async () => {
    // Act
    const store = await open(path.join(root, 'nested', '.renewal-guard'));

    // Assess
    expect(store.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(store.registry).toBeInstanceOf(DynamoRegistry);
    expect(await store.registry.listServices({ includeRetired: true })).toEqual([]);
  });

  it('keeps services and the alert ledger across close and reopen', async () => {
    // Prepare
    const dir = path.join(root, '.renewal-guard');
    const first = await open(dir);
    await first.registry.syncDeclaredServices([service('live-rtc')], NOW);
    const entry = ledgerEntry(alert('live-rtc'));
    await first.registry.claimAlert(entry);
    await first.close();

    // Act
    const second = await open(dir);

    // Assess
    expect(await second.registry.listServices()).toEqual([
      { service: service('live-rtc'), retired: false, updatedAt: NOW, lastAlertKeys: { expiry: entry.alert.key } },
    ]);
    expect(await second.registry.getAlert(entry.alert.key)).toEqual(entry);
    expect(await second.registry.claimAlert(entry)).toBe(false);
  });

  it('fails with StoreBusyError naming the directory when it stays held past waitForLockMs', async () => {
    // Prepare
    const dir = path.join(root, '.renewal-guard');
    await open(dir);

    // Act
    const second = open(dir, 150);

    // Assess
    await expect(second).rejects.toThrow(
      `store ${dir} is in use by another renewal-guard process; retry when it finishes`,
    );
    await expect(second).rejects.toBeInstanceOf(StoreBusyError);
    await expect(second).rejects.toMatchObject({ name: 'StoreBusyError', dir, retryable: true });
  });

  it('waits for the holder to close and then opens the same data', async () => {
    // Prepare
    const dir = path.join(root, '.renewal-guard');
    const holder = await open(dir);
    await holder.registry.syncDeclaredServices([service('live-rtc')], NOW);

    // Act
    const waiting = open(dir, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await holder.close();
    const second = await waiting;

    // Assess
    expect((await second.registry.listServices()).map((r) => r.service.id)).toEqual(['live-rtc']);
  });

  it('releases the directory on close, and a second close is harmless', async () => {
    // Prepare
    const dir = path.join(root, '.renewal-guard');
    const first = await open(dir);

    // Act
    await first.close();
    await first.close();

    // Assess
    const again = await open(dir, 0);
    expect(await again.registry.listServices()).toEqual([]);
  });

  it('says the store is a file, not a folder, when its path names a file', async () => {
    // Prepare
    const file = path.join(root, 'store.json');
    writeFileSync(file, '{}');

    // Act
    const opening = open(file);

    // Assess
    await expect(opening).rejects.toThrow(`store ${file} is a file, not a folder: give --store a folder`);
  });

  it('keeps separate stores in separate directories apart', async () => {
    // Prepare
    const a = await open(path.join(root, 'a'));
    const b = await open(path.join(root, 'b'));

    // Act
    await a.registry.syncDeclaredServices([service('only-in-a')], NOW);

    // Assess
    expect(await b.registry.listServices()).toEqual([]);
  });
});

describe('a store held by another process', () => {
  let holder: ChildProcess | undefined;

  afterEach(async () => {
    if (holder && holder.exitCode === null) {
      const exited = new Promise((resolve) => holder?.once('exit', resolve));
      holder.stdin?.end();
      await exited;
    }
    holder = undefined;
  });

  /** A child process that opens the LevelDB directory the way dynalite does and holds it until stdin ends. */
  async function holdInAnotherProcess(dir: string): Promise<void> {
    const script = `
      const path = require('node:path');
      const { Level } = require(require.resolve('level', { paths: [path.dirname(require.resolve('dynalite'))] }));
      const db = new Level(process.argv[1], { valueEncoding: 'json' });
      db.open().then(() => process.stdout.write('held\\n'), (e) => { console.error(e); process.exit(1); });
      process.stdin.on('end', () => db.close().then(() => process.exit(0)));
      process.stdin.resume();
    `;
    holder = spawn(process.execPath, ['-e', script, dir], { cwd: path.resolve(__dirname, '../..') });
    await new Promise<void>((resolve, reject) => {
      holder?.stdout?.once('data', () => resolve());
      holder?.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
    });
  }

  it('is reported busy once waitForLockMs has passed', async () => {
    // Prepare
    const dir = path.join(root, '.renewal-guard');
    await holdInAnotherProcess(dir);

    // Act
    const opening = open(dir, 100);

    // Assess
    await expect(opening).rejects.toThrow(
      `store ${dir} is in use by another renewal-guard process; retry when it finishes`,
    );
    await expect(opening).rejects.toBeInstanceOf(StoreBusyError);
  });

  it('opens as soon as the other process exits', async () => {
    // Prepare
    const dir = path.join(root, '.renewal-guard');
    await holdInAnotherProcess(dir);

    // Act
    const opening = open(dir, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    holder?.stdin?.end();
    const store = await opening;

    // Assess
    expect(await store.registry.listServices()).toEqual([]);
  });
});
