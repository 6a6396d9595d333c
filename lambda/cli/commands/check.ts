import { randomUUID } from 'crypto';
import * as path from 'path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { runCycle, type CycleReport } from '../../app/run-cycle';
import { DynamoRegistry } from '../../aws/dynamo-registry';
import type { GuardConfig } from '../../core/model';
import type { Registry } from '../../core/registry-port';
import { defaultVendorAdapters } from '../../vendors';
import { ResilientHttp } from '../../vendors/http/resilient-http';
import { CliError, type CliIo, printJson } from '../cli-io';
import { openEmbeddedStore } from '../embedded-store';
import { loadCliConfig, printWarnings } from '../load-cli-config';
import { LocalSecretResolver } from '../local-secrets';
import { renderTable } from '../table';

export interface CheckOptions {
  readonly config?: string;
  readonly now?: string;
  readonly store?: string;
  readonly table?: string;
  readonly secrets?: string;
  readonly json?: boolean;
}

export const DEFAULT_STORE_DIR = '.renewal-guard';

export async function checkCommand(options: CheckOptions, io: CliIo): Promise<number> {
  const { config, warnings } = loadCliConfig(options.config, io);
  const now = parseNow(options.now, io);
  if (options.store && options.table) throw new CliError('--store and --table are alternatives; give one', 2);

  const storeDir = path.resolve(io.cwd, options.store ?? DEFAULT_STORE_DIR);
  const secrets = new LocalSecretResolver({
    env: io.env,
    file: path.resolve(io.cwd, options.secrets ?? path.join(storeDir, 'secrets.json')),
  });
  const report = await withRegistry(options, storeDir, async (registry, declaredHere) => {
    // the deployed guard syncs on deploy; locally, the config file is the declaration, so every check syncs
    if (declaredHere) await registry.syncDeclaredServices(config.services, now.toISOString());
    const deps = { registry, vendors: defaultVendorAdapters(), secrets, http: new ResilientHttp(), publishers: [] };
    return runCycle(config, deps, now, cycleId(now));
  });

  if (options.json) {
    printJson(io, checkJson(report));
    return 0;
  }
  printWarnings(io, warnings);
  printReport(io, config, report, options.table ? `table ${options.table}` : `store ${storeDir}`);
  return 0;
}

async function withRegistry<T>(
  options: CheckOptions,
  storeDir: string,
  fn: (registry: Registry, declaredHere: boolean) => Promise<T>,
): Promise<T> {
  if (options.table) {
    // a real table is the deployed guard's: its services come from deploys, so the file is not synced into it
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    return fn(new DynamoRegistry({ tableName: options.table, client }), false);
  }
  const store = await openEmbeddedStore({ dir: storeDir });
  try {
    return await fn(store.registry, true);
  } finally {
    await store.close();
  }
}

function parseNow(value: string | undefined, io: CliIo): Date {
  if (value === undefined) return io.now();
  // a date alone would be read as UTC midnight, silently the wrong local day in most zones
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
    ? new Date(value)
    : undefined;
  if (!instant || Number.isNaN(instant.getTime())) {
    throw new CliError(
      `--now: "${value}" is not an ISO-8601 instant with an offset (e.g. 2026-09-30T09:30:00+08:00)`,
      2,
    );
  }
  return instant;
}

function cycleId(now: Date): string {
  return `cli-${now.toISOString()}-${randomUUID().slice(0, 8)}`;
}

/** The contract's `check --json` document (section 4). */
export function checkJson(report: CycleReport) {
  return {
    now: report.now,
    accounts: report.accounts.map((a) => ({
      id: a.id,
      vendor: a.vendor,
      status: a.status,
      ...(a.balance ? { balance: a.balance } : {}),
      ...(a.runwayDays !== undefined ? { runwayDays: a.runwayDays } : {}),
      ...(a.error ? { error: a.error } : {}),
    })),
    alerts: report.alerts.map((a) => ({
      key: a.key,
      serviceId: a.serviceId,
      kind: a.kind,
      tier: a.tier,
      daysLeft: a.daysLeft,
      severity: a.severity,
      channels: a.channels,
      message: a.message,
      project: a.project,
      expiresOn: a.expiresOn,
      owners: a.owners,
    })),
  };
}

function printReport(io: CliIo, config: GuardConfig, report: CycleReport, where: string): void {
  io.stdout(
    `Cycle at ${report.now} (${config.timeZone}, calendar ${config.calendar.spec}) on ${where}: ` +
      `${report.servicesEvaluated} services evaluated.\n`,
  );
  if (report.accounts.length > 0) {
    io.stdout('\nAccounts\n');
    io.stdout(
      renderTable(
        ['account', 'vendor', 'status', 'balance', 'note'],
        report.accounts.map((a) => [
          a.id,
          a.vendor,
          a.status,
          a.balance ? `${a.balance.amount} ${a.balance.currency}${a.balance.estimated ? ' (estimated)' : ''}` : '-',
          a.error ?? '',
        ]),
      ),
    );
  }
  if (report.alerts.length === 0) {
    io.stdout('\nNo new alerts: nothing is due that was not already sent.\n');
    return;
  }
  io.stdout(`\nAlerts fired this cycle (${report.alerts.length})\n`);
  io.stdout(
    renderTable(
      ['severity', 'service', 'tier', 'days left', 'channels', 'key'],
      report.alerts.map((a) => [
        a.severity,
        a.serviceId ?? a.accountId ?? '',
        a.tier === undefined ? '-' : a.tier === 0 ? 'expiry' : `${a.tier}d`,
        a.daysLeft === undefined ? '-' : String(a.daysLeft),
        a.channels.join(',') || '(none)',
        a.key,
      ]),
    ),
  );
  for (const a of report.alerts) io.stdout(`\n  ${a.message}`);
  io.stdout('\n');
}
