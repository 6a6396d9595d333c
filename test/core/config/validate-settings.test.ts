import { ProblemLog } from '../../../lambda/core/config/problem-log';
import { readSettings } from '../../../lambda/core/config/validate-settings';

const isSupportedCalendar = (spec: string) => ['CN', 'weekends'].includes(spec);

function read(doc: Record<string, unknown>) {
  const log = new ProblemLog();
  const settings = readSettings(log, doc, isSupportedCalendar);
  return { settings, problems: log.problems };
}

describe('the language setting', () => {
  it('is absent when the document names none, so messages default to English', () => {
    // Act
    const { settings, problems } = read({ version: 1 });

    // Assess
    expect(problems).toEqual([]);
    expect(settings).not.toHaveProperty('language');
  });

  it.each(['en', 'zh-CN'])('accepts %s', (language) => {
    // Act
    const { settings, problems } = read({ version: 1, language });

    // Assess
    expect(problems).toEqual([]);
    expect(settings.language).toBe(language);
  });

  it('treats an empty language (YAML `language:`) as absent', () => {
    // Act
    const { settings, problems } = read({ version: 1, language: null });

    // Assess
    expect(problems).toEqual([]);
    expect(settings).not.toHaveProperty('language');
  });

  it('refuses another language, listing the allowed values and suggesting the respelling', () => {
    // Act
    const { problems } = read({ version: 1, language: 'zh-cn' });

    // Assess
    expect(problems).toEqual([
      {
        path: 'language',
        message: '"zh-cn" is not a supported language; expected one of en, zh-CN; did you mean zh-CN?',
      },
    ]);
  });

  it('refuses a language it cannot guess, listing the allowed values', () => {
    // Act
    const { problems } = read({ version: 1, language: 'fr' });

    // Assess
    expect(problems).toEqual([
      { path: 'language', message: '"fr" is not a supported language; expected one of en, zh-CN' },
    ]);
  });

  it('refuses a language that is not a string', () => {
    // Act
    const { problems } = read({ version: 1, language: ['en'] });

    // Assess
    expect(problems).toEqual([
      { path: 'language', message: 'a list is not a supported language; expected one of en, zh-CN' },
    ]);
  });
});
