/**
 * Runs the benchmarks, writes bench/results/latest.json, rewrites the generated section of
 * bench/README.md from it, and prints the table of targets.
 *
 *   npx ts-node --project bench/tsconfig.json bench/run.ts [--only synth,cycle,bundles,decisions,cost] [--quick]
 *
 * `--only` runs some of them and keeps the others' last results in the file. `--quick` runs each
 * measurement once (a smoke run) and writes to a scratch file instead, leaving the results the README
 * quotes alone. `cost` reuses the
 * cycle and synth results of this run, or the file's when they did not run. The bundles are measured as
 * `npx projen bundle` last built them (see bundles/bundle-bench.ts).
 */
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { bundleBenchmark } from './bundles/bundle-bench';
import { costBenchmark } from './cost/cost-bench';
import { cycleBenchmark, type CycleDetails } from './cycle/cycle-bench';
import { decisionBenchmark } from './decisions/decision-bench';
import { machineInfo } from './support/machine';
import { README_FILE, updateReadme } from './support/readme-section';
import {
  BENCHMARK_IDS,
  readResults,
  RESULTS_FILE,
  targetTable,
  writeResults,
  type BenchmarkId,
  type BenchmarkResult,
} from './support/results';
import { synthBenchmark } from './synth/synth-bench';

/** Runs per measurement: full, and with --quick. */
const RUNS = {
  synth: { full: 5, quick: 1 },
  cycle: { full: 3, quick: 1 },
  bundles: { full: 21, quick: 3 },
  decisions: { full: 9, quick: 3 },
} as const;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, quick: { type: 'boolean', default: false } },
  });
  const selected = selection(values.only);
  const mode = values.quick ? 'quick' : 'full';
  const started = Date.now();
  const log = (line: string) =>
    process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

  // a smoke run must not replace the medians the README quotes
  const resultsFile = values.quick ? path.join(os.tmpdir(), 'renewal-guard-bench-quick.json') : RESULTS_FILE;
  const results: BenchmarkResult[] = [];
  const previous = readResults();
  const run = async (id: BenchmarkId, fn: () => Promise<BenchmarkResult> | BenchmarkResult) => {
    if (!selected.has(id)) return;
    log(`${id}: start (load average ${machineInfo(new Date()).loadAverage.join(', ')})`);
    const result = await fn();
    results.push(result);
    // written after each benchmark, so a long run that is interrupted keeps what it measured
    writeResults([result], new Date(), resultsFile);
    log(`${id}: done`);
  };

  await run('synth', () => synthBenchmark({ runs: RUNS.synth[mode], machine: machineInfo(new Date()), log }));
  await run('cycle', () => cycleBenchmark({ runs: RUNS.cycle[mode], machine: machineInfo(new Date()), log }));
  await run('bundles', () => bundleBenchmark({ runs: RUNS.bundles[mode], machine: machineInfo(new Date()), log }));
  await run('decisions', () =>
    decisionBenchmark({ passes: RUNS.decisions[mode], machine: machineInfo(new Date()), log }),
  );
  await run('cost', () => {
    const find = (id: BenchmarkId) => results.find((r) => r.id === id) ?? previous.benchmarks[id];
    const cycle = find('cycle');
    const synth = find('synth');
    if (!cycle || !synth) throw new Error('cost needs cycle and synth results: run them first (or together)');
    return costBenchmark({
      cycle: cycle.details as CycleDetails,
      synth: synth.details as { file: Array<{ services: number; resourceTypes: Record<string, number> }> },
      machine: machineInfo(new Date()),
    });
  });

  const file = readResults(resultsFile);
  const readme = !values.quick && updateReadme(file);
  process.stdout.write(
    `${targetTable(file)}\n\nresults: ${resultsFile}${readme ? `; quoted in ${README_FILE}` : ''}\n`,
  );
  log(`all done in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
}

function selection(only: string | undefined): Set<BenchmarkId> {
  if (only === undefined) return new Set(BENCHMARK_IDS);
  const ids = only.split(',').map((s) => s.trim());
  const unknown = ids.filter((id) => !(BENCHMARK_IDS as readonly string[]).includes(id));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARK_IDS.join(', ')}`);
  }
  return new Set(ids as BenchmarkId[]);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
