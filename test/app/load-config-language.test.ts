import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadGuardConfig } from '../../lambda/app/load-config';

function load(text: string) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rg-lang-')), 'renewal-guard.yaml');
  fs.writeFileSync(file, text);
  return loadGuardConfig({ file });
}

describe('the language of messages', () => {
  it('reaches the normalized config from a document', () => {
    const result = load('version: 1\nlanguage: zh-CN\n');

    expect(result.ok && result.config.language).toBe('zh-CN');
  });

  it('is absent (English) when not set', () => {
    const result = load('version: 1\n');

    expect(result.ok && result.config.language).toBeUndefined();
  });

  it('is rejected with the allowed values when unknown', () => {
    const result = load('version: 1\nlanguage: fr\n');

    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual(['language']);
  });
});
