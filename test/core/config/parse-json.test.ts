import * as fs from 'fs';
import * as path from 'path';
import * as yaml from 'yaml';
import { ConfigError, parseConfigText } from '../../../lambda/core/config';
import { parseJsonDocument } from '../../../lambda/core/config/parse-json';

// the YAML parser, watched: yaml's exports are getters, which jest.spyOn cannot redefine
jest.mock('yaml', () => {
  const actual = jest.requireActual<typeof import('yaml')>('yaml');
  return { ...actual, parseAllDocuments: jest.fn(actual.parseAllDocuments) };
});

const VALID = path.join(__dirname, 'fixtures', 'valid');

function parseProblems(text: string): string {
  try {
    parseConfigText(text, 'guard.json');
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected the text to be rejected');
}

describe('the JSON fast path', () => {
  const yamlParser = jest.mocked(yaml.parseAllDocuments);
  beforeEach(() => yamlParser.mockClear());

  it('reads a JSON config without the YAML parser, to the same values the YAML parser gives', () => {
    // Prepare: the contract's example, as YAML and as the same document in JSON
    const yamlText = fs.readFileSync(path.join(VALID, 'contract-example.yaml'), 'utf8');
    const fromYaml = parseConfigText(yamlText, 'guard.yaml');
    yamlParser.mockClear();

    // Act
    const fromJson = parseConfigText(`\n  ${JSON.stringify(fromYaml, null, 2)}\n`, 'guard.json');

    // Assess
    expect(yamlParser).not.toHaveBeenCalled();
    expect(fromJson).toEqual(fromYaml);
  });

  it('decides by the content: a JSON object in a .yaml file takes the fast path too', () => {
    expect(parseConfigText('{"version": 1, "checkTime": "09:30"}', 'guard.yaml')).toEqual({
      version: 1,
      checkTime: '09:30',
    });
    expect(yamlParser).not.toHaveBeenCalled();
  });

  it('is not confused by colons, quotes and backslashes inside strings', () => {
    const text = '{"a:b": "x:y", "q\\"": "\\\\", "c": {"d": "\\":"}}';

    expect(parseJsonDocument(text)).toEqual({ value: { 'a:b': 'x:y', 'q"': '\\', c: { d: '":' } } });
  });

  it('keeps a __proto__ key as plain data', () => {
    const doc = parseConfigText('{"__proto__": {"polluted": true}}', 'guard.json') as Record<string, unknown>;

    expect(Object.keys(doc)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves YAML flow mappings, lists and non-JSON text to the YAML parser', () => {
    expect(parseConfigText('{version: 1, calendar: CN}', 'guard.yaml')).toEqual({ version: 1, calendar: 'CN' });
    expect(parseConfigText('{\n  "version": 1,\n  "calendar": "CN",\n}\n', 'guard.json')).toEqual({
      version: 1,
      calendar: 'CN',
    });
    expect(parseConfigText('[1, 2]', 'guard.json')).toEqual([1, 2]);
    expect(yamlParser).toHaveBeenCalledTimes(3);
  });
});

describe('errors in a JSON config', () => {
  // Each message below is what the parser reported before the fast path existed (YAML parser alone).
  it('names the line and column of an unterminated string', () => {
    expect(parseProblems('{\n  "version": 1,\n  "timeZone": "Asia/Shanghai\n}\n')).toBe(
      'invalid config:\nguard.json:5:1: missing closing "quote\nguard.json:5:1: flow map must end with a }',
    );
  });

  it('names the line and column of a second document after the first', () => {
    expect(parseProblems('{"version": 1}\n{"version": 2}\n')).toBe(
      [
        'invalid config:',
        'guard.json:2:1: unexpected flow-map-start at node end',
        'guard.json:2:2: unexpected double-quoted-scalar at node end',
        'guard.json:2:11: unexpected map-value-ind token in YAML stream: ":"',
        'guard.json:2:13: unexpected scalar token in YAML stream: "2"',
        'guard.json:2:14: unexpected flow-map-end token in YAML stream: "}"',
      ].join('\n'),
    );
  });

  it('rejects a key given twice in a nested object, naming it where it repeats', () => {
    expect(
      parseProblems(
        '{\n  "version": 1,\n  "services": [\n    { "id": "a", "name": "A" },\n    { "id": "b", "name": "B", "id": "c" }\n  ]\n}\n',
      ),
    ).toBe('invalid config:\nguard.json:5:31: duplicate key "id"; each key may appear once per mapping');
    expect(parseProblems('{"version":1,"accounts":[{"id":"x","vendor":"agora","vendor":"tencent"}]}')).toBe(
      'invalid config:\nguard.json:1:53: duplicate key "vendor"; each key may appear once per mapping',
    );
  });

  it('rejects __proto__ given twice, which JSON.parse would silently collapse', () => {
    expect(parseProblems('{"__proto__": 1, "__proto__": 2}')).toBe(
      'invalid config:\nguard.json:1:18: duplicate key "__proto__"; each key may appear once per mapping',
    );
  });
});
