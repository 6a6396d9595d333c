import { fakeCalendar } from './fake-calendar';
import { ConfigError, loadConfig, parseConfigText } from '../../../lambda/core/config';

function parseProblems(text: string, source = 'guard.yaml'): string {
  try {
    parseConfigText(text, source);
  } catch (err) {
    if (err instanceof ConfigError) return err.message;
    throw err;
  }
  throw new Error('expected the text to be rejected');
}

describe('parsing config text', () => {
  it('keeps dates, times and yes/no as strings (YAML 1.2 core schema)', () => {
    // Act
    const doc = parseConfigText(
      'expiresOn: 2026-10-09\ncheckTime: 09:30\nsexagesimal: 9:30\nautoRenew: yes\n',
      'guard.yaml',
    );

    // Assess
    expect(doc).toEqual({ expiresOn: '2026-10-09', checkTime: '09:30', sexagesimal: '9:30', autoRenew: 'yes' });
  });

  it('reads JSON as it is', () => {
    // Act
    const doc = parseConfigText('{"version": 1, "reminderDays": [30, 7], "calendar": "CN"}', 'guard.json');

    // Assess
    expect(doc).toEqual({ version: 1, reminderDays: [30, 7], calendar: 'CN' });
  });

  it('reads an empty or comment-only document as null, for validation to report', () => {
    expect(parseConfigText('', 'guard.yaml')).toBeNull();
    expect(parseConfigText('# todo\n', 'guard.yaml')).toBeNull();
  });

  it('expands anchors and aliases', () => {
    // Act
    const doc = parseConfigText('base: &tiers [30, 7, 1]\nreminderDays: *tiers\n', 'guard.yaml');

    // Assess
    expect(doc).toEqual({ base: [30, 7, 1], reminderDays: [30, 7, 1] });
  });

  it('keeps a __proto__ key as plain data', () => {
    // Act
    const doc = parseConfigText('__proto__: { polluted: true }\n', 'guard.yaml') as Record<string, unknown>;

    // Assess
    expect(Object.keys(doc)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('throws a ConfigError naming source, line and column of a syntax error', () => {
    // Act
    const message = parseProblems('version: 1\nservices:\n  - id: live-rtc\n    owners: [alice\n    kind: prepaid\n');

    // Assess
    expect(message).toBe(
      'invalid config:\nguard.yaml:5:5: flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('rejects a key given twice in one mapping, naming the key', () => {
    expect(parseProblems('version: 1\ntimeZone: UTC\n"timeZone": Asia/Shanghai\n')).toBe(
      'invalid config:\nguard.yaml:3:1: duplicate key "timeZone"; each key may appear once per mapping',
    );
  });

  it('rejects a second document', () => {
    expect(parseProblems('version: 1\n---\nversion: 1\n---\nversion: 1\n')).toBe(
      'invalid config:\nguard.yaml:2:1: a second document starts here; keep one document per config file',
    );
  });

  it('rejects an alias to an anchor that does not exist', () => {
    expect(parseProblems('version: 1\nreminderDays: *tiers\n')).toBe(
      'invalid config:\nguard.yaml:2:15: unresolved alias *tiers; define the anchor &tiers before it',
    );
  });

  it('rejects a mapping key that is itself a list', () => {
    expect(parseProblems('? [a, b]\n: 1\n')).toBe(
      'invalid config:\nguard.yaml:1:3: a mapping key must be a name, not a list or mapping',
    );
  });

  it('rejects a tag it does not know rather than guessing what it meant', () => {
    expect(parseProblems('version: !int 1\n')).toBe('invalid config:\nguard.yaml:1:10: unresolved tag: !int');
  });

  it('refuses to expand a document whose aliases multiply without bound', () => {
    // Prepare: ten to the eighth leaves from a few hundred bytes.
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    }

    // Act / Assess
    expect(parseProblems(`${lines.join('\n')}\n`)).toBe(
      'invalid config:\nguard.yaml: excessive alias count indicates a resource exhaustion attack',
    );
  });

  it('carries every problem in the error, typed, and is not retryable', () => {
    // Act
    let error: unknown;
    try {
      parseConfigText('a: 1\na: 2\nb: 1\nb: 2\n', 'x.yaml');
    } catch (err) {
      error = err;
    }

    // Assess
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      name: 'ConfigError',
      retryable: false,
      problems: [
        { path: 'x.yaml:2:1', message: 'duplicate key "a"; each key may appear once per mapping' },
        { path: 'x.yaml:4:1', message: 'duplicate key "b"; each key may appear once per mapping' },
      ],
    });
  });
});

describe('loading config text', () => {
  it('returns syntax errors as problems instead of throwing', () => {
    // Act
    const result = loadConfig('version: 1\n\tservices: []\n', 'guard.yaml', fakeCalendar());

    // Assess
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'guard.yaml:2:1', message: 'tabs are not allowed as indentation' }],
      warnings: [],
    });
  });
});
