/**
 * Benchmark 4: the monthly cost model at 100 and 10,000 services, fed by the cycle and synth benchmarks
 * (from this run, or from the results file when only `cost` runs). Custom metrics and EMF bytes are
 * replayed from the poller's metric code for each `detailedMetrics` setting (metric-series.ts): the
 * targets are judged on the default (off); the opted-in month is priced next to it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { costModel, vmCost, type CostInputs } from '../cost-model';
import { alertsByDay, metricMonth, type MetricMonth } from './metric-series';
import { PRICES, PRICES_CHECKED } from './prices';
import { profileResources } from './profile-synth';
import { loadGuardConfig } from '../../lambda/app/load-config';
import type { CycleDetails, CycleScaleSummary } from '../cycle/cycle-bench';
import { REPO_ROOT } from '../support/child-process';
import type { MachineInfo } from '../support/machine';
import type { BenchmarkResult, TargetRow } from '../support/results';
import { scaleDocument } from '../support/scale-config';

/** A daily check: the construct schedules one cycle a day. */
const CYCLES_PER_MONTH = 30;
/**
 * Link-secret reads (assumed): the poller and the notifier each start a fresh container about once a day
 * and read it once there; the links function adds one per cold start when someone clicks.
 */
const LINK_SECRET_READS_PER_MONTH = 3 * CYCLES_PER_MONTH;
/** Log retention the construct sets by default (logs.RetentionDays.ONE_YEAR). */
const LOG_RETENTION_MONTHS = 12;
/** Lambda's own START/REPORT lines per invocation in JSON log format (estimate). */
const PLATFORM_LOG_BYTES = 700;
/** DynamoDB bills 100 bytes of index overhead per item on top of its size. */
const ITEM_OVERHEAD_BYTES = 100;
/** Snapshot and ledger retention (lambda/aws/registry): 90 days of snapshots, 400 days of ledger entries. */
const SNAPSHOT_DAYS = 90;
const LEDGER_MONTHS = 400 / 30;
/** An account state's balance history grows to 62 daily points (~40 bytes each) past the measured first one. */
const HISTORY_POINT_BYTES = 40;
const HISTORY_POINTS_MORE = 61;

interface SynthSizeSummary {
  readonly services: number;
  readonly resourceTypes: Readonly<Record<string, number>>;
}

const TARGETS = [
  { services: 100, usd: 0.1 },
  { services: 10_000, usd: 5 },
] as const;

/** Issue 15: the lean profile, all in (fixed and usage), an order of magnitude below a t4g.nano. */
const LEAN_TARGETS = [
  { services: 100, usd: 1 },
  { services: 10_000, usd: 10 },
] as const;

export function costBenchmark(options: {
  cycle: CycleDetails;
  synth: { file: readonly SynthSizeSummary[] };
  machine: MachineInfo;
}): BenchmarkResult {
  const inputs = [options.cycle.small, options.cycle.scale].map((scale) => {
    const synth = findSynth(options.synth, scale);
    const months = metricMonths(scale);
    return { scale, months, inputs: costInputs(scale, synth, months.guard) };
  });
  const scenarios = inputs.map(({ inputs: i }) => costModel(i));
  const detailed = inputs.map(({ scale, months }) => ({
    services: scale.services,
    estimate: costModel(costInputs(scale, findSynth(options.synth, scale), months.detailed)),
  }));
  const whatIf = inputs.map(({ scale, months, inputs: i }) => metricWhatIfs(scale, months, i));
  const profiles = profileResources().flatMap((profile) =>
    inputs.map(({ scale, months }) => ({
      services: scale.services,
      id: profile.id,
      estimate: {
        ...costModel({
          ...costInputs(scale, { services: scale.services, resourceTypes: profile.resourceTypes }, months.guard),
          label: `${scale.services.toLocaleString('en')} services / ${scale.accounts.toLocaleString('en')} accounts, ${profile.label}`,
          secretStore: profile.secretStore,
          linkParameter: profile.linkParameter,
          ...(profile.linkParameter && { linkSecretReadsPerMonth: LINK_SECRET_READS_PER_MONTH }),
        }),
        profile: profile.props,
      },
    })),
  );
  const nano = vmCost('nano');
  const profileOf = (services: number, id: string) =>
    profiles.find((p) => p.services === services && p.id === id)!.estimate;
  const leanTargets: TargetRow[] = LEAN_TARGETS.map(({ services, usd }) => {
    const lean = profileOf(services, 'lean');
    return {
      id: `cost-lean-${services}`,
      what: `lean profile, all in (fixed + usage) a month, ${services.toLocaleString('en')} services / ${lean.accounts} accounts`,
      target: `≤ $${usd.toFixed(2)}`,
      measured:
        `$${lean.totalUsd.toFixed(2)} with the acknowledge links (fixed $${lean.fixedUsd.toFixed(2)}, usage ` +
        `$${lean.usageUsd.toFixed(2)}); without them $${profileOf(services, 'lean-no-links').totalUsd.toFixed(2)}; ` +
        `secure default $${profileOf(services, 'default').totalUsd.toFixed(2)}; t4g.nano $${nano.instanceUsd.toFixed(2)} ` +
        `($${nano.totalUsd.toFixed(2)} with disk and IPv4)`,
      ratio: lean.totalUsd / usd,
      met: lean.totalUsd <= usd,
    };
  });
  const targets: TargetRow[] = TARGETS.map(({ services, usd }) => {
    const estimate = scenarios.find((s) => s.services === services)!;
    return {
      id: `cost-usage-${services}`,
      what: `usage-driven AWS cost a month, ${services.toLocaleString('en')} services / ${estimate.accounts} accounts`,
      target: `≤ $${usd.toFixed(2)}`,
      measured:
        `$${estimate.usageUsd.toFixed(2)} (largest: ${estimate.largestUsage.item}, ` +
        `${Math.round(estimate.largestUsage.share * 100)}%); fixed $${estimate.fixedUsd.toFixed(2)}; ` +
        `with detailedMetrics: $${detailed.find((d) => d.services === services)!.estimate.usageUsd.toFixed(2)}`,
      ratio: estimate.usageUsd / usd,
      met: estimate.usageUsd <= usd,
    };
  });
  return {
    id: 'cost',
    title: 'Monthly AWS cost model at public prices',
    date: options.machine.date,
    machine: options.machine,
    method:
      `bench/cost-model.ts prices monthly quantities taken from the cycle benchmark (DynamoDB units, alerts, ` +
      `log and EMF bytes, distinct metrics, cycle duration) and the synth benchmark (alarms, dashboards, keys), ` +
      `${CYCLES_PER_MONTH} daily cycles a month, us-east-1 list prices checked ${PRICES_CHECKED}, no free tier, ` +
      'SMS excluded. Custom metrics and EMF bytes are replayed over the month from lambda/app/cycle-metrics.ts, ' +
      'for the default (guard-level metrics) and for detailedMetrics: true. Each line item is marked measured, ' +
      'derived or assumed. The cost profiles (bench/cost/profile-synth.ts) take their fixed resources (keys, ' +
      'alarms, dashboards, generated secrets) from a guard synthesized with their props in this run, and price ' +
      'vendor credentials in Secrets Manager or in SSM SecureString parameters as their secretStore says.',
    targets: [...targets, ...leanTargets],
    details: {
      scenarios,
      profiles: profiles.map((p) => p.estimate),
      detailedScenarios: detailed.map((d) => d.estimate),
      whatIf,
      vm: [vmCost('nano'), vmCost('micro')],
      pollerEmitsEmf: pollerEmitsEmf(),
      prices: PRICES,
    },
  };
}

function findSynth(synth: { file: readonly SynthSizeSummary[] }, scale: CycleScaleSummary): SynthSizeSummary {
  const found = synth.file.find((s) => s.services === scale.services);
  if (!found) throw new Error(`no synth result for ${scale.services} services to count alarms and keys from`);
  return found;
}

/** A month of the poller's metrics at this scale, with detailedMetrics off (the default) and on. */
function metricMonths(scale: CycleScaleSummary): { guard: MetricMonth; detailed: MetricMonth; window7: MetricMonth } {
  const loaded = loadGuardConfig({ overrides: scaleDocument({ services: scale.services, accounts: scale.accounts }) });
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  const alerts = alertsByDay(loaded.config);
  return {
    guard: metricMonth(loaded.config, alerts, { detailed: false }),
    detailed: metricMonth(loaded.config, alerts, { detailed: true }),
    window7: metricMonth(loaded.config, alerts, { detailed: true, daysToExpiryWindow: 7 }),
  };
}

/** The model's metric inputs from a replayed month: distinct series, and the hours each is billed on average. */
function withMetrics(inputs: CostInputs, month: MetricMonth): CostInputs {
  return {
    ...inputs,
    customMetrics: month.distinctSeries,
    metricHoursPerMetric: Math.round((month.seriesHours / Math.max(1, month.distinctSeries)) * 10) / 10,
  };
}

/**
 * The month with each metrics setting, computed by the model: the metrics are the one line that decides
 * the targets, so these show what `detailedMetrics` costs.
 */
function metricWhatIfs(scale: CycleScaleSummary, months: ReturnType<typeof metricMonths>, inputs: CostInputs) {
  const perAccount = ['Balance', 'RunwayDays', 'SpendPerDay'].reduce(
    (n, name) => n + (months.detailed.byName[name] ?? 0),
    0,
  );
  const cases = [
    { change: 'default: guard-level metrics only', month: months.guard },
    { change: 'detailedMetrics: true', month: months.detailed },
    { change: 'detailedMetrics: true, DaysToExpiry only within 7 days (daysToExpiryWindow: 7)', month: months.window7 },
  ];
  return {
    label: inputs.label,
    metricsByName: months.detailed.byName,
    perAccountSeries: perAccount,
    cases: cases.map((c) => {
      const estimate = costModel(withMetrics({ ...inputs, logGbPerMonth: logGb(scale, c.month) }, c.month));
      return { change: c.change, customMetrics: c.month.distinctSeries, usageUsd: estimate.usageUsd };
    }),
  };
}

/** Log ingestion a month: the cycle's log lines as measured, the EMF lines as this setting writes them. */
function logGb(scale: CycleScaleSummary, month: MetricMonth): number {
  const { daily } = scale.cycles;
  return (CYCLES_PER_MONTH * (daily.logBytes + month.emfBytesPerCycle + PLATFORM_LOG_BYTES)) / 1e9;
}

export function costInputs(scale: CycleScaleSummary, synth: SynthSizeSummary, metrics: MetricMonth): CostInputs {
  const { daily } = scale.cycles;
  const catchUp = scale.cycles['catch-up'];
  const writes = (c: typeof daily) => c.writeUnits + c.indexWriteUnitsEstimated + c.failedConditionalWrites;
  // Both the catch-up and the daily cycle poll every account and write its state and snapshot once, so
  // their difference is what the extra alerts cost: claims, ledger and outbox writes, deliveries.
  const extraAlerts = Math.max(1, catchUp.alerts - daily.alerts);
  const readsPerAlert = Math.max(0, (catchUp.readUnits - daily.readUnits) / extraAlerts);
  const writesPerAlert = Math.max(0, (writes(catchUp) - writes(daily)) / extraAlerts);
  const dailyBaseReads = daily.readUnits - daily.alerts * readsPerAlert;
  const dailyBaseWrites = writes(daily) - daily.alerts * writesPerAlert;
  const alertsPerMonth = scale.alertsNext30Days;

  const bytes = (kind: string) => (scale.itemBytes[kind]?.averageBytes ?? 0) + ITEM_OVERHEAD_BYTES;
  const storageBytes =
    scale.services * bytes('service') +
    scale.accounts * (bytes('account') + HISTORY_POINTS_MORE * HISTORY_POINT_BYTES) +
    scale.accounts * SNAPSHOT_DAYS * bytes('snapshot') +
    alertsPerMonth * LEDGER_MONTHS * bytes('alert');
  const logGbPerMonth = logGb(scale, metrics);

  return {
    label: `${scale.services.toLocaleString('en')} services / ${scale.accounts.toLocaleString('en')} accounts`,
    services: scale.services,
    accounts: scale.accounts,
    secretStore: 'secrets-manager',
    generatedSecrets: synth.resourceTypes['AWS::SecretsManager::Secret'] ?? 0,
    linkSecretReadsPerMonth:
      (synth.resourceTypes['AWS::SecretsManager::Secret'] ?? 0) > 0 ? LINK_SECRET_READS_PER_MONTH : 0,
    cyclesPerMonth: CYCLES_PER_MONTH,
    lambdaMemoryGb: pollerMemoryMb() / 1024,
    lambdaSecondsPerCycle: daily.wallMsMedian / 1000,
    dynamoReadUnitsPerMonth: CYCLES_PER_MONTH * Math.max(0, dailyBaseReads) + alertsPerMonth * readsPerAlert,
    dynamoWriteUnitsPerMonth: CYCLES_PER_MONTH * Math.max(0, dailyBaseWrites) + alertsPerMonth * writesPerAlert,
    dynamoStorageGb: storageBytes / 1e9,
    alertsPerMonth,
    emailsPerAlert: 1,
    customMetrics: metrics.distinctSeries,
    metricHoursPerMetric: Math.round((metrics.seriesHours / Math.max(1, metrics.distinctSeries)) * 10) / 10,
    logGbPerMonth,
    logGbStored: logGbPerMonth * LOG_RETENTION_MONTHS,
    alarms: synth.resourceTypes['AWS::CloudWatch::Alarm'] ?? 0,
    dashboards: synth.resourceTypes['AWS::CloudWatch::Dashboard'] ?? 0,
    kmsKeys: synth.resourceTypes['AWS::KMS::Key'] ?? 0,
    // assumed: ~10 data-key requests a cycle (DynamoDB, SQS, Lambda) and one per SNS publish to the encrypted topic
    kmsRequestsPerMonth: CYCLES_PER_MONTH * 10 + alertsPerMonth,
    // a daily invocation usually lands in a new container, whose secret cache is empty
    secretReadsPerMonth: scale.accounts * CYCLES_PER_MONTH,
    basis: {
      lambdaSecondsPerCycle: 'measured',
      dynamo: 'derived',
      storage: 'derived',
      alerts: 'derived',
      metrics: 'derived',
      logs: 'measured',
      secrets: 'assumed',
    },
  };
}

/** The poller's memory size, read from the construct's source (GuardFunction). */
function pollerMemoryMb(): number {
  const source = fs.readFileSync(path.join(REPO_ROOT, 'src', 'private', 'guard-function.ts'), 'utf8');
  return Number(source.match(/memorySize:\s*(\d+)/)?.[1] ?? 512);
}

/** Whether the deployed poller writes the EMF metrics yet (the model counts them either way). */
function pollerEmitsEmf(): boolean {
  const source = fs.readFileSync(path.join(REPO_ROOT, 'lambda', 'handlers', 'poll-and-evaluate.ts'), 'utf8');
  return /emitEmfMetrics|cycleMetrics/.test(source);
}
