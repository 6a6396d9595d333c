import * as path from 'path';
import { CliError, type CliIo } from './cli-io';
import { loadGuardConfig } from '../app/load-config';
import type { ConfigProblem, GuardConfig } from '../core/model';

/** An invalid `--config`: exit 2, one line per problem; the problems as data for `validate --json`. */
export class InvalidConfigError extends CliError {
  constructor(
    file: string,
    readonly problems: readonly ConfigProblem[],
  ) {
    const lines = problems.map((p) => `${p.path}: ${p.message}`);
    super(`${file} is invalid (${lines.length} problem${lines.length === 1 ? '' : 's'})`, 2, lines);
    this.name = 'InvalidConfigError';
  }
}

/** Loads and validates `--config`; an invalid document is exit 2 with one line per problem. */
export function loadCliConfig(file: string | undefined, io: CliIo): { config: GuardConfig; warnings: ConfigProblem[] } {
  if (!file) throw new CliError('--config FILE is required (a YAML or JSON document, see the README)', 2);
  const result = loadGuardConfig({ file: path.resolve(io.cwd, file) });
  if (!result.ok) throw new InvalidConfigError(file, result.problems);
  return { config: result.config, warnings: result.warnings };
}

export function printWarnings(io: CliIo, warnings: readonly ConfigProblem[]): void {
  for (const w of warnings) io.stderr(`warning: ${w.path}: ${w.message}\n`);
}
