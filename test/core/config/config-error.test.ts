import { ConfigError, formatProblems } from '../../../lambda/core/config';

describe('ConfigError', () => {
  const problems = [
    { path: 'services[2].expiresOn', message: '"2026-02-30" is not a calendar date (expected YYYY-MM-DD)' },
    { path: 'timeZone', message: '"Asia/Shangai" is not an IANA time zone' },
  ];

  it('formats one `path: message` line per problem', () => {
    expect(formatProblems(problems)).toBe(
      'services[2].expiresOn: "2026-02-30" is not a calendar date (expected YYYY-MM-DD)\n' +
        'timeZone: "Asia/Shangai" is not an IANA time zone',
    );
  });

  it('says "invalid config:" and then every problem line', () => {
    // Act
    const error = new ConfigError(problems);

    // Assess
    expect(error.message).toBe(`invalid config:\n${formatProblems(problems)}`);
    expect(error.name).toBe('ConfigError');
    expect(error).toBeInstanceOf(Error);
  });

  it('keeps its own copy of the problems', () => {
    // Prepare
    const list = [...problems];
    const error = new ConfigError(list);

    // Act
    list.pop();

    // Assess
    expect(error.problems).toEqual(problems);
  });
});
