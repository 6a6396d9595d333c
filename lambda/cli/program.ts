/**
 * The `renewal-guard` command: commander parses, each command is a function of (options, io), and every
 * failure becomes one line on stderr and a non-zero exit code (2 for invalid input).
 */
import { Command, CommanderError } from 'commander';
import { CliError, type CliIo } from './cli-io';
import { errorMessage } from '../core/errors';
import { ackCommand, type AckOptions } from './commands/ack';
import { calendarCommand } from './commands/calendar';
import { checkCommand } from './commands/check';
import { demoCommand } from './commands/demo';
import { previewCommand } from './commands/preview';
import { registryExportCommand } from './commands/registry-export';
import { registryImportCommand, type RegistryImportOptions } from './commands/registry-import';
import { reportCommand } from './commands/report';
import { validateCommand } from './commands/validate';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const act =
    <T>(fn: (options: T, io: CliIo) => number | Promise<number>) =>
    async (options: T) => {
      exitCode = await fn(options, io);
    };

  const program = new Command('renewal-guard')
    .description('Keeps paid RTC services from lapsing: reminders before expiry, on working days.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError();

  program
    .command('validate')
    .description('check a config document; exit 2 with one line per problem when invalid')
    .option('-c, --config <file>', 'YAML or JSON config document')
    .option('--json', 'one JSON document on stdout')
    .action(act(validateCommand));
  program
    .command('preview')
    .description('the alerts that will fire over the next days if nothing is renewed and spend goes on as now')
    .option('-c, --config <file>', 'YAML or JSON config document')
    .option('--from <date>', 'first day (YYYY-MM-DD); default today in the config time zone')
    .option('--days <n>', 'number of days', '90')
    .option(
      '--store <dir>',
      'embedded registry folder whose balances to forecast from (default: .renewal-guard, if present)',
    )
    .option('--json', 'one JSON array on stdout')
    .action(act(previewCommand));
  program
    .command('check')
    .description('one full cycle: poll accounts, update the registry, evaluate, record the ledger, report')
    .option('-c, --config <file>', 'YAML or JSON config document')
    .option('--now <instant>', 'the cycle time, ISO-8601 with an offset; default now')
    .option('--store <dir>', 'embedded registry folder (default: .renewal-guard)')
    .option('--table <name>', 'a real DynamoDB registry table instead of the embedded store')
    .option('--secrets <file>', 'local JSON file of secrets by name (default: <store>/secrets.json)')
    .option('--send', 'deliver to the chat, webhook and PagerDuty channels (email/SMS go through SNS when deployed)')
    .option('--ses', "with --send: email the services' owners through Amazon SES (else their emails are printed)")
    .option('--repair-store', 'accept an embedded store found damaged as it is (lost alerts may repeat) and reseal it')
    .option('--json', 'one JSON document on stdout')
    .action(act(checkCommand));
  program
    .command('report')
    .description('write one self-contained HTML page: renewal timeline across projects, runway per account')
    .option('-c, --config <file>', 'YAML or JSON config document')
    .option('--out <file>', 'where to write the HTML page')
    .option('--store <dir>', 'embedded registry folder (default: .renewal-guard, when it exists)')
    .option('--from <date>', 'first day of the timeline (YYYY-MM-DD); default a week before today')
    .option('--days <n>', 'days the timeline spans (default 120)')
    .option('--json', 'one JSON document on stdout')
    .action(act(reportCommand));
  program
    .command('calendar')
    .description('write the expiry calendar (iCalendar): one event per expiry, an alarm per reminder')
    .option('-c, --config <file>', 'YAML or JSON config document')
    .option('-o, --out <file>', 'the .ics file to write')
    .option('--name <name>', 'calendar name shown by calendar apps')
    .option(
      '--store <dir>',
      'embedded registry folder whose vendor-reported expiries to use (default: .renewal-guard, if present)',
    )
    .option('--json', 'one JSON document on stdout')
    .action(act(calendarCommand));
  program
    .command('ack')
    .description('acknowledge an alert key: its repeats and escalations stop until the next tier or a renewal')
    .argument('<key>', 'alert key, e.g. live-rtc:expiry:2026-10-09:7')
    .option('-c, --config <file>', 'YAML or JSON config document')
    .option('--store <dir>', 'embedded registry folder (default: .renewal-guard)')
    .option('--by <name>', 'who acknowledges (default: $USER)')
    .option('--snooze <days>', 'pause repeats and escalations for this many days instead')
    .option('--json', 'one JSON document on stdout')
    .action((key: string, options: Omit<AckOptions, 'key'>) => act(ackCommand)({ ...options, key }));
  program
    .command('demo')
    .description('a self-contained tour on an embedded store: no AWS account, no network')
    .option('--keep', "keep the demo's folder")
    .option('--json', 'one JSON document on stdout')
    .action(act(demoCommand));
  const registry = program
    .command('registry')
    .description('the inventory as data: export the registry as a document, import a document or a spreadsheet');
  registry
    .command('export')
    .description(
      "the registry's services as the document that declares them (settings, accounts, channels from --config)",
    )
    .option('-c, --config <file>', 'YAML or JSON config document')
    .option('--format <format>', 'yaml (default) | json | csv (csv: the services only)')
    .option('--store <dir>', 'embedded registry folder (default: .renewal-guard)')
    .option('--table <name>', 'a real DynamoDB registry table instead of the embedded store')
    .option('--json', 'the document as JSON (same as --format json)')
    .action(act(registryExportCommand));
  registry
    .command('import')
    .description('services from a document or a spreadsheet into the registry; a dry run unless --apply')
    .argument('<file>', 'a YAML or JSON document, or a CSV spreadsheet with a header row')
    .option('-c, --config <file>', 'the document whose accounts, channels and settings the rows are checked against')
    .option('--format <format>', 'csv | yaml | json (default: csv for a .csv file, else a document)')
    .option(
      '--map <column=field>',
      'the spreadsheet column that holds a service field, e.g. "Expiry date=expiresOn"; "Notes=" leaves a column out',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--apply', 'write the services into the registry (default: only say what would change)')
    .option('--store <dir>', 'embedded registry folder (default: .renewal-guard)')
    .option('--table <name>', 'a real DynamoDB registry table instead of the embedded store')
    .option('--json', 'one JSON document on stdout')
    .action((file: string, options: Omit<RegistryImportOptions, 'file'>) =>
      act(registryImportCommand)({ ...options, file }),
    );

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2; // commander already printed why
    if (e instanceof CliError) {
      for (const line of e.details) io.stderr(`${line}\n`);
      io.stderr(`renewal-guard: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`renewal-guard: ${errorMessage(e)}\n`);
    return 1;
  }
}
