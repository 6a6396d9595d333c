/**
 * The results file (bench/results/latest.json) and the table printed at the end of a run. Each benchmark
 * keeps its own date and machine, so running one of them refreshes it without discarding the others.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { MachineInfo } from './machine';

export const RESULTS_FILE = path.resolve(__dirname, '..', 'results', 'latest.json');

/** One target of the issue, as measured. */
export interface TargetRow {
  readonly id: string;
  readonly what: string;
  /** The target in words: `≤ 2× synth(10)`. */
  readonly target: string;
  /** The measured value in words: `1.4 s (median of 5)`. */
  readonly measured: string;
  /** Measured ÷ limit, where the target is a limit (≤ 1 meets it; for "at least" targets, limit ÷ measured). */
  readonly ratio?: number;
  readonly met: boolean;
  readonly note?: string;
}

export interface BenchmarkResult {
  readonly id: BenchmarkId;
  readonly title: string;
  readonly date: string;
  readonly machine: MachineInfo;
  /** How it was measured: runs, what is timed, what is left out. */
  readonly method: string;
  readonly targets: readonly TargetRow[];
  readonly details: unknown;
}

export const BENCHMARK_IDS = ['synth', 'cycle', 'bundles', 'decisions', 'cost'] as const;
export type BenchmarkId = (typeof BENCHMARK_IDS)[number];

export interface ResultsFile {
  readonly updated: string;
  readonly benchmarks: Partial<Record<BenchmarkId, BenchmarkResult>>;
}

export function readResults(file = RESULTS_FILE): ResultsFile {
  if (!fs.existsSync(file)) return { updated: '', benchmarks: {} };
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ResultsFile;
}

/** Replaces the given benchmarks in the file and keeps the others; written aside and renamed. */
export function writeResults(results: readonly BenchmarkResult[], now: Date, file = RESULTS_FILE): ResultsFile {
  const previous = readResults(file);
  const benchmarks = { ...previous.benchmarks };
  for (const result of results) benchmarks[result.id] = result;
  const ordered = Object.fromEntries(
    BENCHMARK_IDS.filter((id) => benchmarks[id] !== undefined).map((id) => [id, benchmarks[id]]),
  ) as ResultsFile['benchmarks'];
  const next: ResultsFile = { updated: now.toISOString(), benchmarks: ordered };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const scratch = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(scratch, `${JSON.stringify(next, null, 2)}\n`);
  fs.renameSync(scratch, file);
  return next;
}

/** A Markdown table of every target in the file, in benchmark order. */
export function targetTable(results: ResultsFile): string {
  const rows = ['| benchmark | what | measured | target | ratio | met |', '|---|---|---|---|---|---|'];
  for (const id of BENCHMARK_IDS) {
    const result = results.benchmarks[id];
    if (!result) continue;
    for (const row of result.targets) {
      const ratio = row.ratio === undefined ? '' : `${row.ratio.toFixed(2)}×`;
      rows.push(`| ${id} | ${row.what} | ${row.measured} | ${row.target} | ${ratio} | ${row.met ? 'yes' : '**no**'} |`);
    }
  }
  return rows.join('\n');
}
