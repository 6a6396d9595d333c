import { fakeCalendar } from './fake-calendar';
import { loadConfig } from '../../../lambda/core/config';

const document = (language: string) => `
version: 1
language: zh-CN
channels:
  - id: abroad
    type: email
    to: [ops@example.com]
    language: ${language}
  - id: team
    type: slack
    secret: renewal-guard/slack
`;

describe('a channel language', () => {
  it('overrides the document language for that channel only', () => {
    // Act
    const result = loadConfig(document('en'), 'renewal-guard.yaml', fakeCalendar());

    // Assess
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.config.language).toBe('zh-CN');
    expect(result.config.channels.map((c) => [c.id, c.language])).toEqual([
      ['abroad', 'en'],
      ['team', undefined],
    ]);
  });

  it('must be a supported language, named by its path', () => {
    // Act
    const result = loadConfig(document('fr'), 'renewal-guard.yaml', fakeCalendar());

    // Assess
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((p) => p.path)).toEqual(['channels[0].language']);
    expect(!result.ok && result.problems[0]!.message).toMatch(/en.*zh-CN/);
  });
});
