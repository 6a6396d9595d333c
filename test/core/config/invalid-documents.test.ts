import * as fs from 'fs';
import * as path from 'path';
import { fakeCalendar } from './fake-calendar';
import { formatProblems, loadConfig } from '../../../lambda/core/config';

/**
 * The corpus: each fixtures/invalid/NAME.yaml|json sits next to NAME.expected, the exact problem lines
 * `validate` prints for it. Parse errors name the fixture's file name as the source.
 */
const dir = path.join(__dirname, 'fixtures', 'invalid');
const fixtures = fs
  .readdirSync(dir)
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .sort();

describe('invalid config documents', () => {
  it('covers at least 40 documents, each with its expected problems', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    const expectedFiles = fs.readdirSync(dir).filter((name) => name.endsWith('.expected'));
    expect(expectedFiles.sort()).toEqual(fixtures.map((name) => name.replace(/\.(ya?ml|json)$/, '.expected')).sort());
  });

  it.each(fixtures)('rejects %s with exactly the expected problems', (name) => {
    // Prepare
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const expected = fs.readFileSync(path.join(dir, name.replace(/\.(ya?ml|json)$/, '.expected')), 'utf8').trimEnd();

    // Act
    const result = loadConfig(text, name, fakeCalendar());

    // Assess
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('config');
    if (!result.ok) expect(formatProblems(result.problems)).toBe(expected);
  });
});
