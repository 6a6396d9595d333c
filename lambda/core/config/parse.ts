/**
 * Text → plain data. YAML 1.2 with the core schema: `2026-10-09` and `09:30` stay strings (YAML 1.1
 * would make a timestamp and the sexagesimal 570). JSON is YAML too, but a text starting with `{` is
 * first tried with `JSON.parse` (parse-json.ts): ~25 ms of CPU instead of ~1.1 s for 10,000 services.
 * The YAML parser still reads everything that path does not accept, so every problem keeps its
 * `<source>:<line>:<col>`.
 * Validation names its problems by config path (`services[2].expiresOn`), never by line, so a document
 * that parsed as JSON needs no second, positioned parse.
 */
import { isCollection, isPair, LineCounter, parseAllDocuments, visit, type Document, type YAMLError } from 'yaml';
import type { ConfigProblem } from '../model';
import { ConfigError } from './config-error';
import { parseJsonDocument } from './parse-json';

const PARSE_OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: true, prettyErrors: false } as const;

/**
 * Parses a config document. Throws `ConfigError` with problems named `<source>:<line>:<col>` for syntax
 * errors, duplicate keys, unresolved aliases, unknown tags and a second document in the same text.
 * Empty text (or only comments) parses to `null`, which validation then reports.
 */
export function parseConfigText(text: string, source: string): unknown {
  const json = parseJsonDocument(text);
  if (json) return json.value;

  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const at = (offset: number): string => {
    const { line, col } = lineCounter.linePos(offset);
    return `${source}:${line}:${col}`;
  };

  const problems: ConfigProblem[] = [];
  docs.forEach((doc, i) => {
    if (i === 1) {
      problems.push({
        path: at(doc.range[0]),
        message: 'a second document starts here; keep one document per config file',
      });
    }
    for (const err of [...doc.errors, ...doc.warnings]) {
      problems.push({ path: at(err.pos[0]), message: describeYamlError(err, text) });
    }
    problems.push(...structuralProblems(doc, at));
  });
  if (problems.length > 0) throw new ConfigError(problems);
  if (docs.length === 0) return null;

  try {
    return docs[0]!.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // Only alias expansion can fail here (a "billion laughs" document); unresolved aliases were caught above.
    throw new ConfigError([{ path: source, message: lowerFirst(err instanceof Error ? err.message : String(err)) }], {
      cause: err,
    });
  }
}

function describeYamlError(err: YAMLError, text: string): string {
  if (err.code === 'DUPLICATE_KEY') {
    const key = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s:,{}[\]]+)/.exec(text.slice(err.pos[0]))?.[1];
    return key
      ? `duplicate key ${unquote(key)}; each key may appear once per mapping`
      : 'duplicate key; each key may appear once per mapping';
  }
  return lowerFirst(err.message.replace(/\.$/, ''));
}

/** Problems the parser accepts but a config cannot use: aliases to nothing and keys that are collections. */
function structuralProblems(doc: Document.Parsed, at: (offset: number) => string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  visit(doc, {
    Alias(_, node) {
      if (node.range && !node.resolve(doc)) {
        problems.push({
          path: at(node.range[0]),
          message: `unresolved alias *${node.source}; define the anchor &${node.source} before it`,
        });
      }
    },
    Pair(_, pair) {
      if (isPair(pair) && isCollection(pair.key) && pair.key.range) {
        problems.push({ path: at(pair.key.range[0]), message: 'a mapping key must be a name, not a list or mapping' });
      }
    },
  });
  return problems;
}

function unquote(key: string): string {
  if (key.startsWith('"')) {
    try {
      return JSON.stringify(JSON.parse(key) as string);
    } catch {
      return key;
    }
  }
  if (key.startsWith("'")) return JSON.stringify(key.slice(1, -1).replace(/''/g, "'"));
  return JSON.stringify(key);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
