import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { readOnlyStoreDir, storedAccountStates } from './stored-states';
import { withPolledExpiries } from '../../core/policy/renewal-confirmation';
import { renderCalendar, calendarEventCount } from '../../ics';
import { CliError, type CliIo, printJson } from '../cli-io';
import { loadCliConfig, printWarnings } from '../load-cli-config';

export interface CalendarOptions {
  readonly config?: string;
  readonly out?: string;
  readonly name?: string;
  /** The embedded store `check` keeps, for the expiries the vendors reported (default .renewal-guard, if it exists). */
  readonly store?: string;
  readonly json?: boolean;
}

/** Writes the same iCalendar file the deployed guard serves at /calendar.ics. */
export async function calendarCommand(options: CalendarOptions, io: CliIo): Promise<number> {
  if (!options.out) throw new CliError('--out FILE is required (where to write the .ics file)', 2);
  const { config, warnings } = loadCliConfig(options.config, io);
  if (options.name !== undefined && options.name.trim() === '') throw new CliError('--name: give a non-empty name', 2);

  const storeDir = readOnlyStoreDir(options.store, io.cwd);
  // a service that follows its vendor entitlement sits on the date the last check saw, as its reminders do
  const services = withPolledExpiries(config.services, await storedAccountStates(storeDir));
  const ics = renderCalendar(
    { ...config, services },
    { now: io.now(), ...(options.name === undefined ? {} : { name: options.name }) },
  );
  const out = path.resolve(io.cwd, options.out);
  try {
    await writeFile(out, ics, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'write failed';
    throw new CliError(`--out: cannot write ${options.out} (${code})`, 2);
  }

  const events = calendarEventCount(config);
  if (options.json) {
    printJson(io, { out, events });
    return 0;
  }
  printWarnings(io, warnings);
  io.stdout(
    `Wrote ${events} event${events === 1 ? '' : 's'} to ${options.out}: one per expiry, alarmed at each reminder ` +
      `(${config.checkTime} ${config.timeZone}). Import it, or subscribe to the deployed guard's /calendar.ics.\n`,
  );
  return 0;
}
