/**
 * The CLI's registry when no `--table` is given: dynalite (DynamoDB on LevelDB) in this process, on a
 * loopback port, persisting to a directory, so the same DynamoRegistry code runs locally as deployed.
 *
 * One process at a time: LevelDB locks its directory. dynalite does not report a lost lock — its LevelDB
 * opens lazily, the failure is remembered silently, and the first request then throws an uncaught
 * LEVEL_*_NOT_OPEN error inside the HTTP handler and never answers. So the store is opened here, before
 * the server listens, and a held lock is waited for and then reported as StoreBusyError.
 */
import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { checkSeal, writeSealFile, writeSealToDb, type SealDb } from './store-seal';
import { DynamoRegistry } from '../aws/dynamo-registry';
import { ensureRegistryTable } from '../aws/registry/table-definition';

export const DEFAULT_STORE_TABLE = 'renewal-guard-registry';
export const DEFAULT_WAIT_FOR_LOCK_MS = 30_000;

/** Another process (or another open in this one) holds the store's directory. */
export class StoreBusyError extends Error {
  public override readonly name = 'StoreBusyError';
  public readonly retryable = true;

  constructor(
    public readonly dir: string,
    options?: { cause?: unknown },
  ) {
    super(`store ${dir} is in use by another renewal-guard process; retry when it finishes`, options);
  }
}

export interface EmbeddedStoreOptions {
  /** Directory of the LevelDB files; created when missing. */
  readonly dir: string;
  /** @default 'renewal-guard-registry' */
  readonly tableName?: string;
  /** How long to wait for another process to release the directory. @default 30000 */
  readonly waitForLockMs?: number;
  /**
   * Accept a store whose database is behind its seal (see store-seal.ts) as it is, instead of refusing
   * it with a DamagedStoreError: what survived is kept, and the store is sealed anew at close.
   */
  readonly repair?: boolean;
}

export interface EmbeddedStore {
  readonly registry: DynamoRegistry;
  /** `http://127.0.0.1:<port>`: any DynamoDB client may talk to the store while it is open. */
  readonly endpoint: string;
  /** Stops the server and releases the directory. Safe to call twice. */
  close(): Promise<void>;
}

export async function openEmbeddedStore(options: EmbeddedStoreOptions): Promise<EmbeddedStore> {
  const dir = path.resolve(options.dir);
  const tableName = options.tableName ?? DEFAULT_STORE_TABLE;
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new Error(`store ${dir} is a file, not a folder: give --store a folder`, { cause: error });
  }
  const server = await startDynaliteServer({
    path: dir,
    waitForLockMs: options.waitForLockMs ?? DEFAULT_WAIT_FOR_LOCK_MS,
  });
  let generation: number;
  try {
    generation = await checkSeal(server.db, dir, { repair: options.repair === true });
  } catch (error) {
    await server.close();
    throw error;
  }
  const client = localDocumentClient(server.endpoint);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      client.destroy();
      // the database's last write, then the seal file: a log that later loses its tail is caught on open
      await writeSealToDb(server.db, generation + 1);
      await server.close();
      await writeSealFile(dir, generation + 1);
    })());

  try {
    await ensureRegistryTable(client, tableName);
  } catch (error) {
    await close();
    throw error;
  }
  return { registry: new DynamoRegistry({ tableName, client }), endpoint: server.endpoint, close };
}

/** A DocumentClient for a local endpoint: fixed region, fake credentials, nothing read from the environment. */
export function localDocumentClient(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
}

export interface DynaliteServer {
  readonly endpoint: string;
  /** The server's LevelDB handle (for the store's seal; keys outside dynalite's prefixes only). */
  readonly db: SealDb;
  close(): Promise<void>;
}

/**
 * Starts dynalite on 127.0.0.1 with an ephemeral port: in memory, or persisting to `path` (then waiting
 * up to `waitForLockMs` for the directory's lock). Also the base of the tests' dynalite helper.
 */
export async function startDynaliteServer(
  options: { path?: string; waitForLockMs?: number } = {},
): Promise<DynaliteServer> {
  const { server, store } = createDynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path === undefined ? {} : { path: options.path }),
  });
  await openStore(store, options.path, options.waitForLockMs ?? 0);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    db: store.db,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

interface DynaliteSettings {
  readonly path?: string;
  readonly createTableMs: number;
  readonly deleteTableMs: number;
  readonly updateTableMs: number;
}

/** The part of dynalite's internal store used here: its LevelDB handle (abstract-level). */
interface DynaliteStore {
  readonly db: { open(): Promise<void> } & SealDb;
}

interface DynaliteDbModule {
  create(settings: DynaliteSettings): DynaliteStore;
}

// dynalite ships no types, and the CLI bundle keeps it external (native LevelDB binding): load it at run time.
const requireRuntime = createRequire(__filename);

/**
 * dynalite keeps its store private; `dynalite/db`'s `create` is looked up on the module at call time, so
 * wrapping it for the duration of the (synchronous) factory call hands us the store's LevelDB handle.
 */
function createDynalite(settings: DynaliteSettings): { server: Server; store: DynaliteStore } {
  const dynalite = requireRuntime('dynalite') as (settings: DynaliteSettings) => Server;
  const dbModule = requireRuntime('dynalite/db') as DynaliteDbModule;
  const create = dbModule.create;
  let store: DynaliteStore | undefined;
  dbModule.create = (s) => (store = create(s));
  try {
    const server = dynalite(settings);
    if (store === undefined) {
      throw new Error('dynalite did not create its store through dynalite/db: unsupported version');
    }
    return { server, store };
  } finally {
    dbModule.create = create;
  }
}

const LOCK_POLL_MIN_MS = 50;
const LOCK_POLL_MAX_MS = 500;

async function openStore(store: DynaliteStore, dir: string | undefined, waitForLockMs: number): Promise<void> {
  const deadline = performance.now() + waitForLockMs;
  for (let pause = LOCK_POLL_MIN_MS; ; pause = Math.min(pause * 2, LOCK_POLL_MAX_MS)) {
    try {
      await store.db.open();
      return;
    } catch (error) {
      if (dir === undefined) throw new Error(`cannot open store (in memory): ${describe(error)}`, { cause: error });
      // not damage: moving a store aside because of its permissions would send its alerts again
      if (isPermissionError(error)) {
        throw new Error(
          `cannot open store ${dir}: ${describe(error)}. This user may not write to the store (it writes its lock ` +
            `and log even to read): run as the user who owns it, make it writable, or give --store another folder`,
          { cause: error },
        );
      }
      if (!isLockError(error)) {
        throw new Error(
          `cannot open store ${dir}: ${describe(error)}. If its files were damaged, keep them for inspection and ` +
            `start afresh: mv ${dir} ${dir}.damaged (alerts already sent may then be sent again)`,
          { cause: error },
        );
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new StoreBusyError(dir, { cause: error });
      // a failed open leaves the handle closed, so the next open() simply tries again
      await new Promise((resolve) => setTimeout(resolve, Math.min(pause, left)));
    }
  }
}

/** abstract-level wraps the binding's LEVEL_LOCKED in a LEVEL_DATABASE_NOT_OPEN error. */
function isLockError(error: unknown): boolean {
  return causeChain(error).some((e) => e.code === 'LEVEL_LOCKED');
}

/** LevelDB reports an unwritable directory as a LEVEL_IO_ERROR whose message carries the OS's words. */
function isPermissionError(error: unknown): boolean {
  return causeChain(error).some(
    (e) =>
      e.code === 'EACCES' ||
      e.code === 'EPERM' ||
      e.code === 'EROFS' ||
      /Permission denied|Operation not permitted|Read-only file system/.test(String(e.message)),
  );
}

function describe(error: unknown): string {
  const chain = causeChain(error);
  return chain.length > 0 ? chain.map((e) => String(e.message)).join(': ') : String(error);
}

function causeChain(error: unknown): Array<{ code?: unknown; message?: unknown }> {
  const chain: Array<{ code?: unknown; message?: unknown; cause?: unknown }> = [];
  for (let e = error; typeof e === 'object' && e !== null && chain.length < 8; e = chain[chain.length - 1].cause) {
    chain.push(e);
  }
  return chain;
}
