import * as fs from 'node:fs';
import * as path from 'node:path';
import { baseDocument, HOSTILE_DOCUMENTS } from './hostile-documents';
import { cli, tempDir } from '../cli/cli-harness';

const NOW = '2026-10-02T09:30:00+08:00';

const file = 'renewal-guard.yaml';

/** `path: ...` at the start of a line; `{file}` is the document's absolute path (syntax errors name places in it). */
function namesPath(stderr: string, pathPattern: string): boolean {
  const at = pathPattern.replace('{file}', path.join(dir, file));
  const escaped = at.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}: `, 'm').test(stderr);
}

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the adversarial suite: hostile documents', () => {
  it('holds at least 60 documents, each named once', () => {
    expect(HOSTILE_DOCUMENTS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(HOSTILE_DOCUMENTS.map((d) => d.name)).size).toBe(HOSTILE_DOCUMENTS.length);
  });

  it('bends a base document that is itself valid and checks cleanly', async () => {
    fs.writeFileSync(path.join(dir, file), JSON.stringify(baseDocument()));

    const run = await cli(['validate', '--config', file], { cwd: dir, now: NOW });

    expect([run.code, run.stderr]).toEqual([0, expect.not.stringMatching(/^[a-z[\]().0-9]+: /m)]);
  });

  it.each(HOSTILE_DOCUMENTS.map((d) => [d.name, d] as const))(
    '%s: validate refuses it, naming the path',
    async (_, doc) => {
      fs.writeFileSync(path.join(dir, file), doc.text);

      const run = await cli(['validate', '--config', file], { cwd: dir, now: NOW });

      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      if (!namesPath(run.stderr, doc.path)) throw new Error(`expected a line naming ${doc.path}, got:\n${run.stderr}`);
      if (doc.says) expect(run.stderr).toMatch(doc.says);
      if (doc.neverEchoes) expect(run.stderr).not.toContain(doc.neverEchoes);
      expect(run.stderr).toMatch(/^renewal-guard: .* is invalid \(\d+ problems?\)$/m);
    },
  );

  it.each(HOSTILE_DOCUMENTS.map((d) => [d.name, d] as const))(
    '%s: check refuses it the same way and writes nothing',
    async (_, doc) => {
      fs.writeFileSync(path.join(dir, file), doc.text);

      const run = await cli(['check', '--config', file, '--store', 'store'], { cwd: dir, now: NOW });

      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      if (!namesPath(run.stderr, doc.path)) throw new Error(`expected a line naming ${doc.path}, got:\n${run.stderr}`);
      if (doc.neverEchoes) expect(run.stderr).not.toContain(doc.neverEchoes);
      expect(fs.existsSync(path.join(dir, 'store'))).toBe(false);
      expect(fs.readdirSync(dir)).toEqual([file]);
    },
  );
});
