/**
 * `renewal-guard registry export`: the registry's services as the document that declares them. The
 * document's other sections (settings, accounts, channels) come from `--config`, as written; its services
 * come from the registry, defaults left out, so exporting what a document put there gives that document.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { describeLocation, registryExists, withRegistry, type RegistryLocation } from './registry-store';
import { parseConfigText } from '../../core/config';
import { isMapping } from '../../core/config/fields';
import { formatCsv } from '../../core/inventory/csv';
import { documentOrder, serviceToDocument } from '../../core/inventory/service-document';
import { entryToRow, SERVICE_COLUMNS } from '../../core/inventory/service-rows';
import { CliError, type CliIo } from '../cli-io';
import { loadCliConfig, printWarnings } from '../load-cli-config';

export interface RegistryExportOptions extends RegistryLocation {
  readonly config?: string;
  readonly format?: string;
  readonly json?: boolean;
}

export const EXPORT_FORMATS = ['yaml', 'json', 'csv'] as const;

export async function registryExportCommand(options: RegistryExportOptions, io: CliIo): Promise<number> {
  const format = options.json ? 'json' : (options.format ?? 'yaml');
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`--format: "${format}" is not one of ${EXPORT_FORMATS.join(', ')}`, 2);
  }
  if (options.json && options.format !== undefined && options.format !== 'json') {
    throw new CliError(`--json prints JSON; it cannot be combined with --format ${options.format}`, 2);
  }
  const { config, warnings } = loadCliConfig(options.config, io);
  if (!registryExists(options, io)) {
    throw new CliError(
      `there is no registry at ${describeLocation(options, io)}; run check or registry import --apply first`,
      1,
    );
  }
  const records = await withRegistry(options, io, (registry) => registry.listServices());
  const declared = config.services.map((s) => s.id);
  const services = documentOrder(
    records.map((r) => r.service),
    declared,
  ).map((s) => serviceToDocument(s, config));

  printWarnings(io, warnings);
  if (format === 'csv') {
    io.stdout(formatCsv([[...SERVICE_COLUMNS], ...services.map((s) => entryToRow(s, SERVICE_COLUMNS))]));
    return 0;
  }
  // the rest of the document exactly as written (the file parsed cleanly: loadCliConfig read it)
  const raw = parseConfigText(fs.readFileSync(path.resolve(io.cwd, options.config!), 'utf8'), options.config!);
  const document: Record<string, unknown> = isMapping(raw) ? { ...raw } : { version: 1 };
  document.services = services;
  // quoted as YAML 1.1 would need: its readers (PyYAML, go-yaml v2) take a plain 10:00 for 600, a date for a timestamp
  io.stdout(
    format === 'json'
      ? JSON.stringify(document, null, 2) + '\n'
      : stringify(document, { lineWidth: 0, version: '1.1' }),
  );
  return 0;
}
