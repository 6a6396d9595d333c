/**
 * One run of the cycle benchmark in a fresh process: `cycle-child.ts <services> <accounts> <latencyMs>
 * <concurrency>`. Prints one JSON line (CycleSample).
 *
 * Setup (not timed as a cycle): the config through the real loader, a dynalite registry in this process
 * (test/support/dynalite.ts), every service synced into it with syncDeclaredServices, as a deploy does.
 * Then three cycles of `runCycle`, each timed from its call to its return:
 * - catch-up: the first cycle, on Monday 2026-10-12: every service inside its reminder horizon is due,
 *   and the weekly digest (Mondays) covers every service;
 * - daily: the next day, a normal working day: only tiers that newly fall due;
 * - quiet: the same day an hour later (a retry, a second schedule): nothing new, which is what the
 *   requests-per-service target is about.
 * Vendors: LatencyVendor (100 ms a call). Publishers: the real SNS and EventBridge publishers over
 * clients that answer locally at once. Logger: the handlers' Powertools logger, counted, not printed.
 */
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CallTimer } from './call-timer';
import type { CycleKind, CycleMeasurement, CycleSample } from './cycle-sample';
import { DynamoMeter } from './dynamo-meter';
import { itemSize } from './item-size';
import { INSTANT_SECRETS, LatencyVendor, NO_HTTP } from './latency-vendor';
import { countingOutput } from './log-meter';
import { PublishMeter } from './publish-meter';
import { cycleMetrics } from '../../lambda/app/cycle-metrics';
import { loadGuardConfig } from '../../lambda/app/load-config';
import { runCycle, type CycleDeps } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { emfDocuments } from '../../lambda/aws/emf-metrics';
import { WorkingCalendar } from '../../lambda/core/calendar/working-calendar';
import type { GuardConfig } from '../../lambda/core/model';
import { expiryRemindersBetween, indexChannels } from '../../lambda/core/reminders';
import { powertoolsLogger } from '../../lambda/handlers/powertools-logger';
import { startDynalite } from '../../test/support/dynalite';
import { scaleDocument } from '../support/scale-config';

const SYNCED_AT = '2026-10-01T00:00:00Z';
const CYCLES: ReadonlyArray<{ kind: CycleKind; now: Date }> = [
  { kind: 'catch-up', now: new Date('2026-10-12T09:30:00+08:00') },
  { kind: 'daily', now: new Date('2026-10-13T09:30:00+08:00') },
  { kind: 'quiet', now: new Date('2026-10-13T10:30:00+08:00') },
];
const DAILY_DATE = '2026-10-13';

async function main(): Promise<void> {
  const [services, accounts, latencyMs, concurrency] = process.argv.slice(2).map(Number);
  // with the weekly digest on Mondays, so the catch-up cycle (a Monday) also sends the digest of every service
  const document = {
    ...scaleDocument({ services: services!, accounts: accounts! }),
    digest: { weekday: 'MON', time: '09:30' },
  };
  const loaded = loadGuardConfig({ overrides: document });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const config = loaded.config;

  const dynamo = await startDynalite();
  try {
    const tableName = await dynamo.createRegistryTable();
    const dynamoMeter = new DynamoMeter().install(dynamo.client);
    const timer = new CallTimer();
    const registry = timer.wrap(new DynamoRegistry({ tableName, client: dynamo.client }));
    const seedStart = performance.now();
    await registry.syncDeclaredServices(config.services, SYNCED_AT);
    const seedMs = performance.now() - seedStart;

    const vendor = new LatencyVendor('agora', latencyMs!);
    const publishMeter = new PublishMeter();
    const deps: Omit<CycleDeps, 'logger'> = {
      registry,
      vendors: new Map([['agora', timer.wrap(vendor)]]),
      secrets: INSTANT_SECRETS,
      http: NO_HTTP,
      publishers: publishMeter.publishers(),
      concurrency,
    };
    const logger = powertoolsLogger();

    const cycles: CycleMeasurement[] = [];
    for (const cycle of CYCLES) {
      dynamoMeter.reset();
      publishMeter.reset();
      timer.reset();
      vendor.calls = 0;
      let evaluatedAt = 0;
      const { result, usage } = await countingOutput(async () => {
        const start = performance.now();
        const cpuStart = process.cpuUsage();
        const report = await runCycle(
          config,
          {
            ...deps,
            logger: {
              info: (message, extra) => {
                if (message === 'cycle evaluated') evaluatedAt = performance.now();
                logger.info(message, extra);
              },
              warn: logger.warn,
              error: logger.error,
            },
          },
          cycle.now,
          `bench-${cycle.kind}`,
        );
        const wallMs = performance.now() - start;
        const cpu = process.cpuUsage(cpuStart);
        // the poll-and-evaluate handler's completion line, as it writes it
        logger.info('cycle completed', {
          cycleId: report.cycleId,
          today: report.today,
          services: report.servicesEvaluated,
          alerts: report.alerts.map((a) => a.key),
          failedAccounts: report.accounts.filter((a) => a.status === 'failed').map((a) => a.id),
          failedDeliveries: report.deliveries.filter((d) => d.status === 'failed').length,
        });
        return { report, wallMs, start, cpuMs: (cpu.user + cpu.system) / 1000 };
      });
      const { report, wallMs, start, cpuMs } = result;
      cycles.push({
        kind: cycle.kind,
        now: report.now,
        wallMs,
        cpuMs,
        evaluatedMs: evaluatedAt - start,
        vendorCalls: vendor.calls,
        floorMs: (vendor.calls * latencyMs!) / concurrency!,
        alerts: report.alerts.length,
        deliveries: report.deliveries.length,
        dynamo: dynamoMeter.usage(),
        publish: publishMeter.usage(),
        logs: usage,
        emf: emf(report, config, cycle.now),
        registryCalls: timer.snapshot(),
      });
    }

    const sample: CycleSample = {
      services: services!,
      accounts: accounts!,
      latencyMs: latencyMs!,
      concurrency: concurrency!,
      seedMs,
      cycles,
      alertsNext30Days: alertsNext30Days(config),
      itemBytes: await itemBytes(dynamo.client, tableName),
    };
    process.stdout.write(`${JSON.stringify(sample)}\n`);
  } finally {
    await dynamo.stop();
  }
}

/**
 * The EMF documents the cycle's metrics make (lambda/app/cycle-metrics.ts) with the construct's default
 * (guard-level series), and how many metrics they are; `...Detailed` counts with `detailedMetrics: true`.
 */
function emf(report: Parameters<typeof cycleMetrics>[0], config: GuardConfig, now: Date) {
  const datums = cycleMetrics(report, config, { guardName: 'RenewalGuard' });
  const documents = emfDocuments(datums, { timestamp: now });
  const distinct = (list: typeof datums) => new Set(list.map((d) => `${d.name} ${JSON.stringify(d.dimensions)}`));
  const byName: Record<string, number> = {};
  for (const key of distinct(datums)) byName[key.split(' ')[0]!] = (byName[key.split(' ')[0]!] ?? 0) + 1;
  const detailed = cycleMetrics(report, config, { guardName: 'RenewalGuard', detailed: true });
  const window7 = cycleMetrics(report, config, { guardName: 'RenewalGuard', detailed: true, daysToExpiryWindow: 7 });
  return {
    documents: documents.length,
    bytes: documents.reduce((sum, d) => sum + Buffer.byteLength(JSON.stringify(d)) + 1, 0),
    distinctMetrics: distinct(datums).size,
    byName,
    distinctMetricsDetailed: distinct(detailed).size,
    distinctMetricsWindow7: distinct(window7).size,
  };
}

/** Reminders dated after the daily cycle's day, within 30 days: a month of steady-state alerts. */
function alertsNext30Days(config: GuardConfig): number {
  const ctx = { calendar: new WorkingCalendar(config.calendar), channels: indexChannels(config.channels) };
  let count = 0;
  for (const service of config.services) {
    count += expiryRemindersBetween(service, DAILY_DATE, 31, ctx).filter((a) => a.date > DAILY_DATE).length;
  }
  return count;
}

async function itemBytes(client: DynamoDBDocumentClient, tableName: string) {
  const sizes = new Map<string, number[]>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      const kind = String(item.pk).split('#')[0]!.toLowerCase();
      sizes.set(kind, [...(sizes.get(kind) ?? []), itemSize(item)]);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return Object.fromEntries(
    [...sizes].map(([kind, list]) => [
      kind,
      { items: list.length, averageBytes: Math.round(list.reduce((a, b) => a + b, 0) / list.length) },
    ]),
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
