import { type CliIo, printJson } from '../cli-io';
import { InvalidConfigError, loadCliConfig, printWarnings } from '../load-cli-config';

export interface ValidateOptions {
  readonly config?: string;
  readonly json?: boolean;
}

export function validateCommand(options: ValidateOptions, io: CliIo): number {
  const { config, warnings } = options.json
    ? loadOrPrintProblems(options.config, io)
    : loadCliConfig(options.config, io);
  if (options.json) {
    printJson(io, {
      valid: true,
      services: config.services.length,
      accounts: config.accounts.length,
      channels: config.channels.length,
      warnings,
    });
    return 0;
  }
  printWarnings(io, warnings);
  io.stdout(
    `${options.config} is valid: ${count(config.services.length, 'service')}, ${count(config.accounts.length, 'account')}, ` +
      `${count(config.channels.length, 'channel')}; calendar ${config.calendar.spec}, time zone ${config.timeZone}, ` +
      `daily check at ${config.checkTime}\n`,
  );
  return 0;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** With --json, an invalid document is still one JSON document on stdout: `valid: false` and its problems. */
function loadOrPrintProblems(file: string | undefined, io: CliIo): ReturnType<typeof loadCliConfig> {
  try {
    return loadCliConfig(file, io);
  } catch (error) {
    if (error instanceof InvalidConfigError) printJson(io, { valid: false, problems: error.problems });
    throw error;
  }
}
