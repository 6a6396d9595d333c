/**
 * Benchmarks 2 and 3: one local cycle at scale (10,000 services over 1,000 accounts, 100 ms per vendor
 * call) against its latency floor, and the AWS requests of a quiet cycle.
 *
 * Each run is a fresh process (cycle-child.ts): seed a dynalite registry, then a catch-up, a daily and a
 * quiet cycle. The floor is what polling alone must take: vendor calls × latency ÷ concurrency. A smaller
 * run (100 services, 10 accounts) feeds the cost model's small case; it has no target of its own.
 */
import type { CycleKind, CycleMeasurement, CycleSample } from './cycle-sample';
import { runTsChild } from '../support/child-process';
import type { MachineInfo } from '../support/machine';
import type { BenchmarkResult, TargetRow } from '../support/results';
import { median, round } from '../support/stats';

export const CYCLE_SCALE = { services: 10_000, accounts: 1_000 } as const;
export const CYCLE_SMALL = { services: 100, accounts: 10 } as const;
export const VENDOR_LATENCY_MS = 100;
/** The poller's default (run-cycle.ts), which the deployed handler uses. */
export const CYCLE_CONCURRENCY = 16;

/** Medians over runs of one kind of cycle. */
export interface CycleKindSummary {
  readonly kind: CycleKind;
  readonly runs: number;
  readonly wallMsMedian: number;
  readonly wallMsRuns: readonly number[];
  readonly floorMs: number;
  readonly cpuMsMedian: number;
  readonly evaluatedMsMedian: number;
  readonly deliveryMsMedian: number;
  readonly alerts: number;
  readonly deliveries: number;
  readonly dynamoRequests: number;
  readonly dynamoByCommand: Readonly<Record<string, number>>;
  readonly readUnits: number;
  readonly writeUnits: number;
  readonly indexWriteUnitsEstimated: number;
  readonly failedConditionalWrites: number;
  readonly snsPublishes: number;
  readonly snsBytes: number;
  readonly snsLargestBytes: number;
  readonly eventBridgeLargestEntryBytes: number;
  readonly eventBridgeCalls: number;
  readonly eventBridgeEntries: number;
  readonly eventBridgeBytes: number;
  readonly logBytes: number;
  readonly logLines: number;
  readonly emfBytes: number;
  readonly emfDocuments: number;
  readonly distinctMetrics: number;
  /** With `detailedMetrics: true`. */
  readonly distinctMetricsDetailed: number;
  readonly metricsByName: Readonly<Record<string, number>>;
  readonly distinctMetricsWindow7: number;
  /** Busy time per registry method in the first run (calls overlap: not wall time). */
  readonly registryCalls: CycleMeasurement['registryCalls'];
}

export interface CycleScaleSummary {
  readonly services: number;
  readonly accounts: number;
  readonly latencyMs: number;
  readonly concurrency: number;
  readonly runs: number;
  readonly seedMsMedian: number;
  readonly alertsNext30Days: number;
  readonly itemBytes: CycleSample['itemBytes'];
  readonly cycles: Readonly<Record<CycleKind, CycleKindSummary>>;
}

export interface CycleDetails {
  readonly scale: CycleScaleSummary;
  readonly small: CycleScaleSummary;
}

export async function cycleBenchmark(options: {
  runs: number;
  machine: MachineInfo;
  log: (line: string) => void;
}): Promise<BenchmarkResult> {
  const scale = await runs(CYCLE_SCALE, options.runs, options.log);
  const small = await runs(CYCLE_SMALL, 1, options.log);
  const details: CycleDetails = { scale, small };
  return {
    id: 'cycle',
    title: 'Local cycle at scale, and AWS requests of a quiet cycle',
    date: options.machine.date,
    machine: options.machine,
    method:
      `${scale.services.toLocaleString('en')} services over ${scale.accounts.toLocaleString('en')} accounts, ` +
      `fake polled vendor awaiting ${VENDOR_LATENCY_MS} ms per call, concurrency ${CYCLE_CONCURRENCY}, a real ` +
      'dynalite registry in the same process, the real SNS/EventBridge publishers over clients that answer ' +
      `locally. ${options.runs} runs, each a fresh process: seed with syncDeclaredServices (not timed), then a ` +
      'catch-up cycle (first ever), a daily cycle (next working day) and a quiet cycle (same day, an hour ' +
      'later), each timed from the runCycle call to its return; medians. DynamoDB requests counted by ' +
      'wrapping the DocumentClient send; SNS/EventBridge by counting SDK sends.',
    targets: targets(scale),
    details,
  };
}

async function runs(
  shape: { services: number; accounts: number },
  count: number,
  log: (line: string) => void,
): Promise<CycleScaleSummary> {
  const samples: CycleSample[] = [];
  for (let run = 0; run < count; run++) {
    const sample = await runTsChild<CycleSample>('cycle/cycle-child.ts', [
      String(shape.services),
      String(shape.accounts),
      String(VENDOR_LATENCY_MS),
      String(CYCLE_CONCURRENCY),
    ]);
    samples.push(sample);
    log(
      `cycle ${shape.services} services, run ${run + 1}/${count}: seed ${Math.round(sample.seedMs)} ms; ` +
        sample.cycles.map((c) => `${c.kind} ${Math.round(c.wallMs)} ms (${c.alerts} alerts)`).join(', '),
    );
  }
  const kinds = samples[0]!.cycles.map((c) => c.kind);
  return {
    services: shape.services,
    accounts: shape.accounts,
    latencyMs: VENDOR_LATENCY_MS,
    concurrency: CYCLE_CONCURRENCY,
    runs: count,
    seedMsMedian: round(median(samples.map((s) => s.seedMs))),
    alertsNext30Days: samples[0]!.alertsNext30Days,
    itemBytes: samples[0]!.itemBytes,
    cycles: Object.fromEntries(
      kinds.map((kind) => [
        kind,
        summarize(
          kind,
          samples.map((s) => s.cycles.find((c) => c.kind === kind)!),
        ),
      ]),
    ) as Record<CycleKind, CycleKindSummary>,
  };
}

function summarize(kind: CycleKind, list: readonly CycleMeasurement[]): CycleKindSummary {
  const m = (f: (c: CycleMeasurement) => number) => round(median(list.map(f)));
  const first = list[0]!;
  return {
    kind,
    runs: list.length,
    wallMsMedian: m((c) => c.wallMs),
    wallMsRuns: list.map((c) => round(c.wallMs)),
    floorMs: first.floorMs,
    cpuMsMedian: m((c) => c.cpuMs),
    evaluatedMsMedian: m((c) => c.evaluatedMs),
    deliveryMsMedian: m((c) => c.wallMs - c.evaluatedMs),
    alerts: m((c) => c.alerts),
    deliveries: m((c) => c.deliveries),
    dynamoRequests: m((c) => c.dynamo.requests),
    dynamoByCommand: first.dynamo.byCommand,
    readUnits: m((c) => c.dynamo.readUnits),
    writeUnits: m((c) => c.dynamo.writeUnits),
    indexWriteUnitsEstimated: m((c) => c.dynamo.indexWriteUnitsEstimated),
    failedConditionalWrites: m((c) => c.dynamo.failedConditionalWrites),
    snsPublishes: m((c) => c.publish.snsPublishes),
    snsBytes: m((c) => c.publish.snsBytes),
    snsLargestBytes: m((c) => c.publish.snsLargestBytes),
    eventBridgeLargestEntryBytes: m((c) => c.publish.eventBridgeLargestEntryBytes),
    eventBridgeCalls: m((c) => c.publish.eventBridgeCalls),
    eventBridgeEntries: m((c) => c.publish.eventBridgeEntries),
    eventBridgeBytes: m((c) => c.publish.eventBridgeBytes),
    logBytes: m((c) => c.logs.bytes),
    logLines: m((c) => c.logs.lines),
    emfBytes: m((c) => c.emf.bytes),
    emfDocuments: m((c) => c.emf.documents),
    distinctMetrics: m((c) => c.emf.distinctMetrics),
    distinctMetricsDetailed: m((c) => c.emf.distinctMetricsDetailed),
    metricsByName: first.emf.byName,
    distinctMetricsWindow7: m((c) => c.emf.distinctMetricsWindow7),
    registryCalls: first.registryCalls,
  };
}

const KIND_WORDS: Record<CycleKind, string> = {
  'catch-up': 'first (catch-up) cycle',
  daily: 'daily cycle (next working day)',
  quiet: 'quiet cycle (same day, repeated)',
};

function targets(scale: CycleScaleSummary): TargetRow[] {
  const rows: TargetRow[] = [];
  for (const kind of ['catch-up', 'daily', 'quiet'] as const) {
    const c = scale.cycles[kind];
    const ratio = c.wallMsMedian / c.floorMs;
    rows.push({
      id: `cycle-wall-${kind}`,
      what: `${KIND_WORDS[kind]}, 10,000 services / 1,000 accounts, ${c.alerts} alerts`,
      target: '≤ 2× floor',
      measured:
        `${(c.wallMsMedian / 1000).toFixed(1)} s; floor ${(c.floorMs / 1000).toFixed(2)} s ` +
        `(${(c.floorMs * scale.concurrency) / scale.latencyMs} calls × ${scale.latencyMs} ms ÷ ${scale.concurrency}) ` +
        `= ${ratio.toFixed(2)}× floor`,
      ratio: ratio / 2,
      met: ratio <= 2,
    });
  }
  // the catch-up cycle is a Monday: it carries the weekly digest of every service (SNS and EventBridge
  // refuse anything over 256 KB; the digest was 467 KB at 1,000 services before it became bounded facts)
  const catchUp = scale.cycles['catch-up'];
  const LIMIT = 256 * 1024;
  const largest = Math.max(catchUp.snsLargestBytes, catchUp.eventBridgeLargestEntryBytes);
  rows.push({
    id: 'digest-fits-carriers',
    what: `weekly digest of ${scale.services.toLocaleString('en')} services, largest SNS publish / EventBridge entry`,
    target: '≤ 256 KB',
    measured: `${(catchUp.snsLargestBytes / 1024).toFixed(1)} KB SNS, ${(catchUp.eventBridgeLargestEntryBytes / 1024).toFixed(1)} KB EventBridge`,
    ratio: largest / LIMIT,
    met: largest <= LIMIT,
  });
  const quiet = scale.cycles.quiet;
  const perService = quiet.dynamoRequests / scale.services;
  rows.push({
    id: 'requests-quiet-dynamodb',
    what: 'DynamoDB requests per service, quiet cycle',
    target: '≤ 0.05',
    measured: `${quiet.dynamoRequests} requests ÷ ${scale.services.toLocaleString('en')} = ${perService.toFixed(4)}`,
    ratio: perService / 0.05,
    met: perService <= 0.05,
  });
  const publishes = quiet.snsPublishes + quiet.eventBridgeCalls;
  rows.push({
    id: 'requests-quiet-publish',
    what: 'SNS + EventBridge calls, quiet cycle',
    target: '0',
    measured: `${quiet.snsPublishes} SNS + ${quiet.eventBridgeCalls} EventBridge`,
    met: publishes === 0,
  });
  return rows;
}
