/**
 * The JSON fast path of the config parser. The `yaml` package reads a 1.6 MB JSON registry in ~1.1–1.5 s
 * of CPU, `JSON.parse` in ~25 ms (bench/README.md, synth time from a config file). A document is tried as
 * JSON when its first non-blank character is `{`, whatever the file is called: every config is a
 * mapping, so a JSON one always starts so, and the content decides for `.json`, `.yaml` and stdin alike.
 * A YAML flow mapping (`{version: 1}`) fails `JSON.parse` at its first unquoted key and costs nothing.
 *
 * The fast path answers only when the YAML parser would have answered the same: for JSON, YAML 1.2's
 * core schema gives the same values (YAML 1.2 spec, 1.3 "Relation to JSON": every JSON file is a valid
 * YAML 1.2 file). The one thing JSON.parse hides is a key given twice (it keeps the last); the YAML
 * parser rejects it. So anything the fast path does not accept — a syntax error, a duplicate key — goes
 * to the YAML parser, whose LineCounter names the line and column exactly as before.
 */

/** `{` after blanks only. */
const LOOKS_LIKE_JSON_OBJECT = /^\s*\{/;

/**
 * The document as `JSON.parse` reads it, or `undefined` when the YAML parser must decide: the text is not
 * a JSON object, is not valid JSON, or has a key twice in one object.
 */
export function parseJsonDocument(text: string): { readonly value: unknown } | undefined {
  if (!LOOKS_LIKE_JSON_OBJECT.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  // In valid JSON every `:` outside a string separates one member's name from its value, so fewer members
  // in the parsed value than such colons in the text means a name was repeated and JSON.parse kept one.
  return memberCount(value) === nameSeparatorCount(text) ? { value } : undefined;
}

/** The `:` characters outside strings, in text already known to be valid JSON. */
function nameSeparatorCount(text: string): number {
  const QUOTE = 34;
  const BACKSLASH = 92;
  const COLON = 58;
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === COLON) {
      count++;
    }
  }
  return count;
}

/** The members of every object in a parsed JSON value. */
function memberCount(value: unknown): number {
  if (Array.isArray(value)) {
    let count = 0;
    for (const item of value) count += memberCount(item);
    return count;
  }
  if (value !== null && typeof value === 'object') {
    let count = 0;
    // own keys only; JSON.parse makes even `__proto__` an own data property
    for (const key of Object.keys(value)) count += 1 + memberCount((value as Record<string, unknown>)[key]);
    return count;
  }
  return 0;
}
