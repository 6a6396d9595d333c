/**
 * Combines a config document read from a file with a partial document built from typed construct
 * props. Props win: top-level values replace the file's; `services`, `accounts` and `channels` entries
 * replace the file's entry with the same `id` and are otherwise appended. Nothing is validated here:
 * the merged document is validated as a whole, so problems keep the paths a user would see in a file.
 */
const MERGED_BY_ID = ['services', 'accounts', 'channels'] as const;

export function mergeDocuments(base: unknown, overrides: unknown): unknown {
  if (overrides === undefined || overrides === null) return base;
  if (base === undefined || base === null) return overrides;
  if (!isPlainObject(base) || !isPlainObject(overrides)) return overrides;

  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    const listKey = MERGED_BY_ID.find((k) => k === key);
    merged[key] = listKey ? mergeById(base[key], value) : value;
  }
  return merged;
}

function mergeById(base: unknown, overrides: unknown): unknown {
  // a malformed list on either side is left for validation to report at its own path
  if (!Array.isArray(base) || !Array.isArray(overrides)) return overrides ?? base;
  const result = [...base];
  const replaced = new Set<number>();
  for (const entry of overrides) {
    const id = isPlainObject(entry) ? entry.id : undefined;
    // only the file's entries are replaced: two overrides with one id both stay, so validation names
    // the duplicate instead of one silently winning
    const at = id === undefined ? -1 : base.findIndex((e, i) => !replaced.has(i) && isPlainObject(e) && e.id === id);
    if (at >= 0) {
      result[at] = entry;
      replaced.add(at);
    } else {
      result.push(entry);
    }
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
