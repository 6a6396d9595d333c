/** The README's config documents are documentation users copy: each must pass `validate` as printed. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadGuardConfig } from '../../lambda/app/load-config';

const README = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
const documents = [...README.matchAll(/```yaml\n([\s\S]*?)```/g)]
  .map((m) => m[1]!)
  .filter((text) => /^version: 1$/m.test(text));

describe('the README config examples', () => {
  it('include the reference document and the alert policy document', () => {
    expect(documents.length).toBeGreaterThanOrEqual(2);
    expect(documents.some((d) => d.includes('quietHours:') && d.includes('escalation:'))).toBe(true);
  });

  it.each(documents.map((d, i) => [i, d]))('document %i validates without problems', (_i, text) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-readme-'));
    const file = path.join(dir, 'example.yaml');
    fs.writeFileSync(file, text);

    const result = loadGuardConfig({ file });

    expect(result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
