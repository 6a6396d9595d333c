/**
 * Combines a config document read from a file with a partial document built from typed construct
 * props. Props win: top-level values replace the file's; `services`, `accounts` and `channels` entries
 * replace the file's entry with the same `id` and are otherwise appended. Nothing is validated here:
 * the merged document is validated as a whole, and `originOf` tells, for a path of the merged document,
 * which side it came from and its path there, so each problem can name where the user wrote it.
 */
const MERGED_BY_ID = ['services', 'accounts', 'channels'] as const;

/** `file`: the base document (a config file); `overrides`: the partial document that wins (typed props). */
export type DocumentSide = 'file' | 'overrides';

/** Where a path of the merged document was written: the side and the path in that side's document. */
export interface PathOrigin {
  readonly side: DocumentSide;
  readonly path: string;
}

export interface MergedDocument {
  readonly document: unknown;
  /**
   * The origin of a merged path (`services[2].expiresOn` -> overrides' `services[0].expiresOn`), or
   * undefined for a path both sides make up (`channels` itself, when both give entries) or neither gives
   * (no `services` at all: either side could list them).
   */
  originOf(path: string): PathOrigin | undefined;
}

export function mergeDocuments(base: unknown, overrides: unknown): unknown {
  return mergeWithOrigins(base, overrides).document;
}

export function mergeWithOrigins(base: unknown, overrides: unknown): MergedDocument {
  if (overrides === undefined || overrides === null) return whole(base, 'file');
  if (base === undefined || base === null) return whole(overrides, 'overrides');
  if (!isPlainObject(base) || !isPlainObject(overrides)) return whole(overrides, 'overrides');

  const merged: Record<string, unknown> = { ...base };
  const keys = new Map<string, DocumentSide | 'both'>(Object.keys(base).map((key) => [key, 'file']));
  const entries = new Map<string, PathOrigin[]>();
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const listKey = MERGED_BY_ID.find((k) => k === key);
    if (listKey && Array.isArray(base[key]) && Array.isArray(value)) {
      const { list, origins } = mergeById(base[key] as unknown[], value, key);
      merged[key] = list;
      entries.set(key, origins);
      keys.set(key, origins.some((o) => o.side === 'file') ? 'both' : 'overrides');
    } else {
      // a malformed list on either side is left for validation to report at its own path
      merged[key] = value;
      keys.set(key, 'overrides');
    }
  }
  return { document: merged, originOf: (path) => locate(path, keys, entries) };
}

/** One side is the whole document; what it does not set (`version` of props alone) has no origin. */
function whole(document: unknown, side: DocumentSide): MergedDocument {
  if (!isPlainObject(document)) return { document, originOf: (path) => ({ side, path }) };
  const keys = new Map(Object.keys(document).map((key) => [key, side]));
  return { document, originOf: (path) => locate(path, keys, new Map()) };
}

function mergeById(base: unknown[], overrides: unknown[], key: string): { list: unknown[]; origins: PathOrigin[] } {
  const list = [...base];
  const origins: PathOrigin[] = base.map((_, i) => ({ side: 'file', path: `${key}[${i}]` }));
  const replaced = new Set<number>();
  overrides.forEach((entry, n) => {
    const id = isPlainObject(entry) ? entry.id : undefined;
    const origin: PathOrigin = { side: 'overrides', path: `${key}[${n}]` };
    // only the file's entries are replaced: two overrides with one id both stay, so validation names
    // the duplicate instead of one silently winning
    const at = id === undefined ? -1 : base.findIndex((e, i) => !replaced.has(i) && isPlainObject(e) && e.id === id);
    if (at >= 0) {
      list[at] = entry;
      origins[at] = origin;
      replaced.add(at);
    } else {
      list.push(entry);
      origins.push(origin);
    }
  });
  return { list, origins };
}

function locate(
  path: string,
  keys: ReadonlyMap<string, DocumentSide | 'both'>,
  entries: ReadonlyMap<string, readonly PathOrigin[]>,
): PathOrigin | undefined {
  const match = /^([A-Za-z][A-Za-z0-9]*)(?:\[(\d+)\])?(.*)$/.exec(path);
  // the root, `(document)`, is named for a document that is not a mapping: then one side is the whole
  if (!match) return { side: 'file', path };
  const [, key, index, rest] = match;
  const entry = index === undefined ? undefined : entries.get(key!)?.[Number(index)];
  if (entry) return { side: entry.side, path: `${entry.path}${rest}` };
  const side = keys.get(key!);
  return side === undefined || side === 'both' ? undefined : { side, path };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
