import { existsSync } from 'fs';
import { mkdir, writeFile } from 'fs/promises';
import * as path from 'path';
import { DEFAULT_STORE_DIR } from './check';
import { addDays, isSupportedDate, localDate, SUPPORTED_YEARS } from '../../core/dates';
import type { GuardConfig } from '../../core/model';
import {
  buildReportData,
  DEFAULT_REPORT_DAYS,
  DEFAULT_REPORT_LEAD_DAYS,
  readReportSources,
  renderReport,
  type ReportSources,
} from '../../report';
import { CliError, type CliIo, printJson } from '../cli-io';
import { openEmbeddedStore } from '../embedded-store';
import { loadCliConfig, printWarnings } from '../load-cli-config';

export interface ReportOptions {
  readonly config?: string;
  readonly store?: string;
  readonly from?: string;
  readonly days?: string;
  readonly out?: string;
  readonly json?: boolean;
}

/**
 * Writes the HTML report. Services come from the config and from the embedded registry when there is
 * one (a service the registry still holds but the file no longer declares stays visible until the next
 * `check` retires it); so do the accounts' daily balances, which `check` records, for the runway charts.
 * Without a registry the page still shows every declared service, and each account's status.
 */
export async function reportCommand(options: ReportOptions, io: CliIo): Promise<number> {
  if (!options.out) throw new CliError('--out FILE is required (where to write the HTML page)', 2);
  const { config, warnings } = loadCliConfig(options.config, io);
  const now = io.now();
  const from = options.from ?? addDays(localDate(now, config.timeZone), -DEFAULT_REPORT_LEAD_DAYS);
  if (!isSupportedDate(from)) {
    throw new CliError(
      `--from: ${JSON.stringify(from)} is not a calendar date from ${SUPPORTED_YEARS.first} to ${SUPPORTED_YEARS.last} (expected YYYY-MM-DD)`,
      2,
    );
  }
  const days =
    options.days === undefined ? DEFAULT_REPORT_DAYS : /^\d{1,5}$/.test(options.days) ? Number(options.days) : NaN;
  if (!Number.isInteger(days) || days < 1 || days > 3660) {
    throw new CliError(`--days: "${options.days}" must be a whole number of days from 1 to 3660`, 2);
  }
  const storeDir = path.resolve(io.cwd, options.store ?? DEFAULT_STORE_DIR);
  if (options.store !== undefined && !existsSync(storeDir)) {
    throw new CliError(`--store: ${storeDir} does not exist (run renewal-guard check first, or leave --store out)`, 2);
  }

  const stored = existsSync(storeDir) ? await readStore(config, storeDir) : undefined;
  const data = buildReportData({
    config,
    services: stored?.services ?? config.services,
    now,
    from,
    days,
    ...(stored ? { accountFacts: stored.accountFacts } : {}),
  });
  const out = path.resolve(io.cwd, options.out);
  const html = renderReport(data, config.language);
  try {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, html, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'write failed';
    throw new CliError(`--out: cannot write ${options.out} (${code})`, 2);
  }

  if (options.json) {
    printJson(io, { out, services: data.services.length, accounts: data.accounts.length });
    return 0;
  }
  printWarnings(io, warnings);
  io.stdout(`${out}\n`);
  return 0;
}

/** What the embedded registry holds, read the way the deployed report page reads DynamoDB. */
async function readStore(config: GuardConfig, storeDir: string): Promise<ReportSources> {
  const store = await openEmbeddedStore({ dir: storeDir });
  try {
    return await readReportSources(config, store.registry);
  } finally {
    await store.close();
  }
}
