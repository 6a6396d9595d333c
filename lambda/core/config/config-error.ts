import type { ConfigProblem } from '../model';

/** One line per problem, `path: message`, in the order they were found. */
export function formatProblems(problems: readonly ConfigProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}

/**
 * A config document that cannot be used. Carries every problem found, not just the first, so a user fixes
 * the whole document in one round; the message is ready to print as is.
 */
export class ConfigError extends Error {
  public override readonly name = 'ConfigError';
  public readonly retryable = false;
  public readonly problems: ConfigProblem[];

  public constructor(problems: readonly ConfigProblem[], options?: { cause?: unknown }) {
    super(`invalid config:\n${formatProblems(problems)}`, options);
    this.problems = [...problems];
  }
}
