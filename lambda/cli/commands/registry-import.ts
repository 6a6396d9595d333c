/**
 * `renewal-guard registry import FILE`: services into the registry, from a document (YAML or JSON) or a
 * spreadsheet inventory (CSV). Everything is validated first, the way `validate` does, and reported all
 * at once (a spreadsheet's problems by row and column); with any problem nothing is written. Without
 * `--apply` it is a dry run: what would be added, updated and retired, and nothing written.
 *
 * A document import makes the registry hold the document's services. A CSV import makes it hold the
 * `--config` document's services with the spreadsheet's rows added (a row with a document service's id
 * replaces it); `registry export` then writes the document that declares them all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadGuardConfig } from '../../app/load-config';
import { configHash } from '../../aws/registry/registry-items';
import { parseConfigText } from '../../core/config';
import { isMapping } from '../../core/config/fields';
import { CsvSyntaxError, parseCsv } from '../../core/inventory/csv';
import { locateProblem, planColumns, rowToEntry } from '../../core/inventory/service-rows';
import type { ConfigProblem, ServiceConfig } from '../../core/model';
import type { ServiceRecord } from '../../core/registry-port';
import { CliError, type CliIo, printJson } from '../cli-io';
import { loadCliConfig } from '../load-cli-config';
import { describeLocation, registryExists, withRegistry, type RegistryLocation } from './registry-store';

export interface RegistryImportOptions extends RegistryLocation {
  readonly file: string;
  readonly config?: string;
  readonly format?: string;
  readonly map?: readonly string[];
  readonly apply?: boolean;
  readonly json?: boolean;
}

export const IMPORT_FORMATS = ['csv', 'yaml', 'json'] as const;

interface ImportPlan {
  readonly add: string[];
  readonly update: string[];
  readonly retire: string[];
  readonly unchanged: number;
}

export async function registryImportCommand(options: RegistryImportOptions, io: CliIo): Promise<number> {
  const format = options.format ?? (/\.csv$/i.test(options.file) ? 'csv' : 'yaml');
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`--format: "${format}" is not one of ${IMPORT_FORMATS.join(', ')}`, 2);
  }
  if (format !== 'csv' && (options.map ?? []).length > 0) {
    throw new CliError('--map names spreadsheet columns; it applies to --format csv only', 2);
  }
  const file = path.resolve(io.cwd, options.file);
  const { services, rows, warnings } = readOrPrintProblems(
    () => (format === 'csv' ? readSpreadsheet(file, options, io) : readDocument(file, options)),
    options,
    io,
  );

  const where = describeLocation(options, io);
  // one open of the store: compare, then (with --apply) write; a dry run on a store not made yet opens nothing
  const plan =
    options.apply || registryExists(options, io)
      ? await withRegistry(options, io, async (registry) => {
          const found = planImport(services, await registry.listServices());
          if (options.apply) await registry.syncDeclaredServices(services, io.now().toISOString());
          return found;
        })
      : planImport(services, []);

  if (options.json) {
    printJson(io, {
      applied: options.apply === true,
      registry: where,
      ...(rows !== undefined && { rows }),
      ...plan,
      warnings,
    });
    return 0;
  }
  for (const w of warnings) io.stderr(`warning: ${w}\n`);
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const read = rows === undefined ? plural(services.length, 'service') : plural(rows, 'row');
  const verb = options.apply ? 'Imported' : 'Dry run, nothing written';
  io.stdout(
    `${verb}: ${options.file} (${read}) into ${where}: ${plan.add.length} to add, ${plan.update.length} to update, ` +
      `${plan.retire.length} to retire, ${plan.unchanged} unchanged.\n`,
  );
  for (const [what, ids] of [
    ['add', plan.add],
    ['update', plan.update],
    ['retire', plan.retire],
  ] as const) {
    if (ids.length > 0) io.stdout(`  ${what}: ${ids.join(', ')}\n`);
  }
  io.stdout(
    options.apply
      ? `Write the document that declares them with: renewal-guard registry export --config ${options.config ?? options.file} ` +
          `(a check or a deploy syncs the registry from the document, and retires services it does not declare).\n`
      : 'Run again with --apply to write them.\n',
  );
  return 0;
}

/**
 * With --json, a file that cannot be imported is still one JSON document on stdout, as `validate --json`
 * answers for an invalid document: `applied: false` and its problems, each as the line stderr shows.
 */
function readOrPrintProblems<T>(read: () => T, options: RegistryImportOptions, io: CliIo): T {
  try {
    return read();
  } catch (error) {
    if (options.json && error instanceof CliError && error.details.length > 0) {
      printJson(io, { applied: false, problems: error.details });
    }
    throw error;
  }
}

/** A whole document: validated as `validate` does; its services are the registry's. */
function readDocument(file: string, options: RegistryImportOptions) {
  const result = loadGuardConfig({ file });
  if (!result.ok) {
    throw invalid(
      options.file,
      result.problems.map((p) => `${p.path}: ${p.message}`),
    );
  }
  return {
    services: [...result.config.services],
    rows: undefined,
    warnings: result.warnings.map((w) => `${w.path}: ${w.message}`),
  };
}

/** A spreadsheet: rows become service entries of the `--config` document, validated as a whole. */
function readSpreadsheet(file: string, options: RegistryImportOptions, io: CliIo) {
  loadCliConfig(options.config, io); // the document itself must be valid before rows are judged in it
  const configFile = path.resolve(io.cwd, options.config!);
  const raw = parseConfigText(fs.readFileSync(configFile, 'utf8'), configFile);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(
      `${options.file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (e as Error).message}`,
      2,
    );
  }
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw invalid(options.file, [`line ${e.line}, column ${e.column}: ${e.reason}`]);
    throw e;
  }
  if (records.length === 0) {
    throw invalid(options.file, ['empty; the first row names the columns (id, name, project, ...)']);
  }
  const headers = records[0]!.fields;
  const { plan, problems: headerProblems } = planColumns(headers, options.map ?? []);
  if (headerProblems.length > 0) {
    throw invalid(
      options.file,
      headerProblems.map((p) => (p.column === undefined ? p.message : `row 1, column "${p.column}": ${p.message}`)),
    );
  }
  // spreadsheet row numbers count records (the header is row 1), whatever line breaks a cell holds
  const entries: { row: number; entry: Record<string, unknown> }[] = [];
  records.slice(1).forEach((record, i) => {
    const entry = rowToEntry(plan, record.fields);
    if (entry !== undefined) entries.push({ row: i + 2, entry });
  });
  const document = isMapping(raw) ? raw : {};
  const imported = new Set(entries.map((e) => e.entry.id));
  const kept = (Array.isArray(document.services) ? document.services : []).filter(
    (s) => !(isMapping(s) && imported.has(s.id)),
  );
  const services = [...kept, ...entries.map((e) => e.entry)];
  const result = loadGuardConfig({ document: { ...document, services } });
  const rowOf = (i: number) => (i >= kept.length ? entries[i - kept.length]?.row : undefined);
  const say = (p: ConfigProblem) => locateProblem(p, plan, rowOf);
  if (!result.ok) {
    const bad = new Set(
      result.problems.map((p) => /^services\[(\d+)\]/.exec(p.path)).map((m) => m && rowOf(Number(m[1]))),
    );
    bad.delete(undefined);
    bad.delete(null);
    throw invalid(options.file, result.problems.map(say), bad.size);
  }
  return { services: [...result.config.services], rows: records.length - 1, warnings: result.warnings.map(say) };
}

function invalid(file: string, lines: readonly string[], badRows?: number): CliError {
  const rows = badRows === undefined ? '' : `${badRows} bad row${badRows === 1 ? '' : 's'}, `;
  return new CliError(
    `${file} cannot be imported (${rows}${lines.length} problem${lines.length === 1 ? '' : 's'}); nothing was written`,
    2,
    lines,
  );
}

/** What writing `services` would change: compared with the registry's active services, if it exists. */
function planImport(services: readonly ServiceConfig[], current: readonly ServiceRecord[]): ImportPlan {
  const before = new Map(current.map((r) => [r.service.id, configHash(r.service)]));
  const ids = new Set(services.map((s) => s.id));
  const plan: ImportPlan = { add: [], update: [], retire: [], unchanged: 0 };
  for (const s of services) {
    const was = before.get(s.id);
    if (was === undefined) plan.add.push(s.id);
    else if (was !== configHash(s)) plan.update.push(s.id);
    else (plan as { unchanged: number }).unchanged += 1;
  }
  plan.retire.push(...current.filter((r) => !ids.has(r.service.id)).map((r) => r.service.id));
  return plan;
}
