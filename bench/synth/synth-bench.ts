/**
 * Benchmark 1: CloudFormation resources and synth time for 10 / 100 / 1,000 / 10,000 services.
 *
 * Each synth runs in a fresh process with a fresh TMPDIR (see synth-child.ts for what is timed). Runs are
 * interleaved across sizes (10, 100, 1k, 10k, 10, 100, ...) so a burst of load on a shared machine lands
 * on every size alike; the median of each size is compared.
 *
 * Three series:
 * - `file`: the services in a generated config file (`configFile`), over a fixed 10 accounts. This is the
 *   target: services are data, so only the staged config should grow.
 * - `props`: the same services as typed props (10 and 10,000 only).
 * - `accounts`: accounts grow with the services (1 per 10 services), one run each: accounts are not data
 *   the same way, since each polled account's secret is granted to the poller by name.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { SynthSample } from './synth-sample';
import { runTsChild } from '../support/child-process';
import type { MachineInfo } from '../support/machine';
import { shippedBundleIsCurrent } from '../support/projen-bundle';
import type { BenchmarkResult, TargetRow } from '../support/results';
import { median, round } from '../support/stats';

export const SYNTH_SIZES = [10, 100, 1_000, 10_000] as const;
const FIXED_ACCOUNTS = 10;

interface Series {
  readonly name: 'file' | 'props' | 'accounts';
  readonly mode: 'file' | 'props';
  readonly sizes: readonly number[];
  readonly runs: number;
  readonly accounts: (services: number) => number;
}

export async function synthBenchmark(options: { runs: number; machine: MachineInfo; log: (line: string) => void }) {
  const series: Series[] = [
    { name: 'file', mode: 'file', sizes: SYNTH_SIZES, runs: options.runs, accounts: () => FIXED_ACCOUNTS },
    {
      name: 'props',
      mode: 'props',
      sizes: [10, 10_000],
      runs: Math.max(1, options.runs - 2),
      accounts: () => FIXED_ACCOUNTS,
    },
    { name: 'accounts', mode: 'file', sizes: SYNTH_SIZES, runs: 1, accounts: (n) => Math.max(1, n / 10) },
  ];

  // the construct validates through the prebuilt config-loader bundle: say whether it matches the sources
  const configLoaderCurrent = await shippedBundleIsCurrent('lambda/synth/config-loader');
  if (!configLoaderCurrent) options.log('synth: assets/lambda/synth/config-loader is stale; run `npx projen bundle`');
  const samples = new Map<string, SynthSample[]>();
  for (const s of series) {
    for (let run = 0; run < s.runs; run++) {
      for (const size of s.sizes) {
        const sample = await synthOnce(size, s.accounts(size), s.mode);
        const key = `${s.name}:${size}`;
        samples.set(key, [...(samples.get(key) ?? []), sample]);
        options.log(
          `synth ${s.name} ${size} services / ${sample.accounts} accounts, run ${run + 1}/${s.runs}: ` +
            `${Math.round(sample.synthMs)} ms, ${sample.resourceCount} resources`,
        );
      }
    }
  }
  return synthResult(series, samples, options.machine, configLoaderCurrent);
}

async function synthOnce(services: number, accounts: number, mode: 'file' | 'props'): Promise<SynthSample> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-synth-'));
  const tmp = path.join(workDir, 'tmp');
  fs.mkdirSync(tmp);
  try {
    return await runTsChild<SynthSample>('synth/synth-child.ts', [String(services), String(accounts), mode, workDir], {
      env: { TMPDIR: tmp, TEMP: tmp, TMP: tmp },
    });
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

function summarize(list: readonly SynthSample[]) {
  const first = list[0]!;
  const phase = (name: keyof SynthSample['phasesMs']) => round(median(list.map((s) => s.phasesMs[name])));
  return {
    services: first.services,
    accounts: first.accounts,
    runs: list.length,
    synthMsMedian: round(median(list.map((s) => s.synthMs))),
    synthMsRuns: list.map((s) => round(s.synthMs)),
    synthCpuMsMedian: round(median(list.map((s) => s.synthCpuMs))),
    phasesMsMedian: {
      validateConfig: phase('validateConfig'),
      propsDocument: phase('propsDocument'),
      stageCode: phase('stageCode'),
      constructOther: phase('constructOther'),
      appSynth: phase('appSynth'),
    },
    resourceCount: first.resourceCount,
    resourceTypes: first.resourceTypes,
    templateBytes: first.templateBytes,
    stagedConfigBytes: first.stagedConfigBytes,
    configFileBytes: first.configFileBytes,
  };
}

function synthResult(
  series: readonly Series[],
  samples: ReadonlyMap<string, SynthSample[]>,
  machine: MachineInfo,
  configLoaderCurrent: boolean,
): BenchmarkResult {
  const summary = Object.fromEntries(
    series.map((s) => [s.name, s.sizes.map((size) => summarize(samples.get(`${s.name}:${size}`)!))]),
  ) as Record<Series['name'], ReturnType<typeof summarize>[]>;

  const targets: TargetRow[] = [];
  const counts = (name: Series['name']) => summary[name].map((s) => s.resourceCount);
  const constant = (name: Series['name']) => new Set(counts(name)).size === 1;
  targets.push({
    id: 'synth-resources-services',
    what: 'CloudFormation resources, 10 → 10,000 services (10 accounts)',
    target: 'constant',
    measured: counts('file').join(' / '),
    met: constant('file') && constant('props'),
  });
  const accountsGrowth = summary.accounts;
  const grown = accountsGrowth[accountsGrowth.length - 1]!;
  targets.push({
    id: 'synth-resources-accounts',
    what: 'CloudFormation resources, 10 → 10,000 services with 1 account per 10 services',
    target: 'constant',
    measured: counts('accounts').join(' / '),
    met: constant('accounts'),
    note: constant('accounts')
      ? undefined
      : `at ${grown.accounts} accounts: ${JSON.stringify(typeDelta(accountsGrowth[0]!.resourceTypes, grown.resourceTypes))}`,
  });
  for (const name of ['file', 'props'] as const) {
    const list = summary[name];
    const small = list[0]!;
    const large = list[list.length - 1]!;
    const ratio = large.synthMsMedian / small.synthMsMedian;
    targets.push({
      id: `synth-time-${name}`,
      what: `synth time, ${name === 'file' ? 'config file' : 'typed props'}: 10,000 vs 10 services`,
      target: '≤ 2× synth(10)',
      measured:
        `${fmtMs(large.synthMsMedian)} vs ${fmtMs(small.synthMsMedian)} = ${ratio.toFixed(2)}× ` +
        `(medians of ${large.runs})`,
      ratio: ratio / 2,
      met: ratio <= 2,
    });
  }

  return {
    id: 'synth',
    title: 'CloudFormation resources and synth time',
    date: machine.date,
    machine,
    method:
      'Each synth in a fresh Node.js process (ts-node, transpile only) with a fresh TMPDIR, so the code asset ' +
      'is staged from scratch. Timed: new App() to the end of app.synth() (construct, config validation, ' +
      'staging, asset copy, template); not timed: generating the config, loading aws-cdk-lib and the library. ' +
      `Runs interleaved across sizes; medians. Runs per size: file ${series[0]!.runs}, props ${series[1]!.runs}, ` +
      `accounts ${series[2]!.runs}.`,
    targets,
    details: { ...summary, configLoaderBundleCurrent: configLoaderCurrent },
  };
}

function typeDelta(from: Readonly<Record<string, number>>, to: Readonly<Record<string, number>>) {
  const delta: Record<string, number> = {};
  for (const type of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const d = (to[type] ?? 0) - (from[type] ?? 0);
    if (d !== 0) delta[type] = d;
  }
  return delta;
}

function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
