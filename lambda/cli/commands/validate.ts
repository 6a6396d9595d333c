import { type CliIo, printJson } from '../cli-io';
import { loadCliConfig, printWarnings } from '../load-cli-config';

export interface ValidateOptions {
  readonly config?: string;
  readonly json?: boolean;
}

export function validateCommand(options: ValidateOptions, io: CliIo): number {
  const { config, warnings } = loadCliConfig(options.config, io);
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
