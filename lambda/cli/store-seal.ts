/**
 * The embedded store's integrity check: a damaged store is refused, never silently used as if empty.
 *
 * LevelDB recovers a truncated or torn write-ahead log by dropping what it cannot read, without a
 * word: a store whose log lost its tail opens fine, with the ledger gone, and every alert already sent
 * would fire again. So each close writes a generation number twice: into the database itself, as its
 * very last write, and then into a seal file beside it. On open the database must hold at least the
 * generation the seal recorded. A lost tail loses the last write first, so any truncation of what the
 * last session wrote shows up as a database behind its seal. A process killed mid-command writes
 * neither, so both still agree; killed between the two writes, the database is ahead, which is fine.
 *
 * The key lives in LevelDB outside dynalite's key space (dynalite prefixes every key with
 * `table~`, `item-<table>~`, `index-…~` or `tag-…~`), so no table, query or scan ever sees it.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';

export const SEAL_FILE = 'renewal-guard-seal.json';
export const SEAL_KEY = '~renewal-guard~seal';

/** The part of LevelDB (abstract-level, JSON values) the seal needs. */
export interface SealDb {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
}

/** The store's files were damaged after it was last closed: refused with the way out. */
export class DamagedStoreError extends Error {
  public override readonly name = 'DamagedStoreError';
  public readonly retryable = false;

  constructor(
    public readonly dir: string,
    reason: string,
  ) {
    super(
      `store ${dir} is damaged: ${reason}. Its ledger may have lost alerts already sent, which a check would ` +
        `send again. Keep it for inspection and start afresh: mv ${quote(dir)} ${quote(`${dir}.damaged`)}; or, ` +
        'to go on with what survived (lost alerts may repeat), run renewal-guard check --repair-store once',
    );
  }
}

/** The generation the last clean close recorded, or undefined for a store that was never sealed. */
export async function readSealFile(dir: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, SEAL_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const generation = generationOf(safeJson(text));
  if (generation === undefined) throw new DamagedStoreError(dir, `its seal file ${SEAL_FILE} is unreadable`);
  return generation;
}

/**
 * Compares the database with its seal; returns the generation to carry on from. With `repair`, a
 * database behind its seal is accepted as it is (and resealed at the next close).
 */
export async function checkSeal(db: SealDb, dir: string, options: { repair?: boolean } = {}): Promise<number> {
  const sealed = options.repair ? undefined : await readSealFile(dir);
  const held = generationOf(await db.get(SEAL_KEY));
  if (sealed !== undefined && (held === undefined || held < sealed)) {
    throw new DamagedStoreError(
      dir,
      held === undefined
        ? `it was closed at generation ${sealed}, but its database holds no generation at all (the end of its ` +
            'LevelDB log was lost, e.g. truncated, or its files were replaced or deleted)'
        : `its database holds generation ${held}, but it was closed at generation ${sealed} (the end of its ` +
            'LevelDB log was lost, e.g. truncated)',
    );
  }
  return Math.max(held ?? 0, sealed ?? 0);
}

/** The database's half of a clean close: its last write. */
export async function writeSealToDb(db: SealDb, generation: number): Promise<void> {
  await db.put(SEAL_KEY, { generation });
}

/** The seal file's half, after the database is closed: written whole (temp file, then rename). */
export async function writeSealFile(dir: string, generation: number): Promise<void> {
  const file = path.join(dir, SEAL_FILE);
  await writeFile(`${file}.tmp`, `${JSON.stringify({ generation })}\n`, 'utf8');
  await rename(`${file}.tmp`, file);
}

function generationOf(value: unknown): number | undefined {
  const generation = (value as { generation?: unknown } | null | undefined)?.generation;
  return typeof generation === 'number' && Number.isSafeInteger(generation) && generation >= 0 ? generation : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function quote(p: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(p) ? p : `'${p.replace(/'/g, "'\\''")}'`;
}
