/**
 * Benchmark 5: each Lambda bundle's size and cold module-init time against a floor bundle that only
 * imports the same AWS SDK values.
 *
 * The bundle measured is the shipped asset (assets/lambda/handlers/<name>/index.js, from `npx projen
 * bundle`). To know it is current, each handler is also built into a scratch folder with the very esbuild
 * arguments of its projen task (.projen/tasks.json); if the shipped file differs, the fresh build is
 * measured and the result says the asset was stale. The fresh build's metafile names the SDK imports, and
 * the floor is built from them with the same arguments.
 *
 * Init time: `runs` fresh `node` processes per bundle, bundle and floor interleaved, with and without
 * --enable-source-maps (the functions run with it); medians.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { build } from 'esbuild';
import { moduleInit, type InitTime } from './module-init';
import { floorSource, sdkImports } from './sdk-imports';
import { REPO_ROOT } from '../support/child-process';
import type { MachineInfo } from '../support/machine';
import { freshBundle, projenBundleOptions, projenTaskArgs } from '../support/projen-bundle';
import type { BenchmarkResult, TargetRow } from '../support/results';
import { median, round } from '../support/stats';

const HANDLERS_DIR = path.join(REPO_ROOT, 'assets', 'lambda', 'handlers');
const TARGET_RATIO = 1.2;

interface BundleFiles {
  readonly js: string;
  readonly map?: string;
}

interface BundleMeasure {
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly mapBytes: number;
  readonly initCpuMsMedian: number;
  readonly initWallMsMedian: number;
  readonly initCpuMsSourceMapsMedian: number;
  readonly initWallMsSourceMapsMedian: number;
  readonly initRuns: readonly InitTime[];
  readonly initSourceMapsRuns: readonly InitTime[];
}

export async function bundleBenchmark(options: { runs: number; machine: MachineInfo; log: (line: string) => void }) {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-bundles-'));
  try {
    const handlers = fs.existsSync(HANDLERS_DIR) ? fs.readdirSync(HANDLERS_DIR).sort() : [];
    if (handlers.length === 0) throw new Error(`no bundles in ${HANDLERS_DIR}; run \`npx projen bundle\` first`);
    const details = [];
    for (const name of handlers) details.push(await benchHandler(name, scratch, options.runs, options.log));
    return result(details, options.runs, options.machine);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

async function benchHandler(name: string, scratch: string, runs: number, log: (line: string) => void) {
  const entry = `lambda/handlers/${name}`;
  const fresh = await freshBundle(entry, scratch);
  const bundle: BundleFiles = fresh.shippedIsStale
    ? { js: fresh.file, map: `${fresh.file}.map` }
    : { js: fresh.shipped, map: `${fresh.shipped}.map` };

  const imports = sdkImports(fresh.metafile, REPO_ROOT);
  const floorFile = path.join(scratch, `${name}-floor`, 'index.js');
  await build({
    ...projenBundleOptions(entry).options,
    stdin: { contents: floorSource(imports), resolveDir: REPO_ROOT, sourcefile: `${name}-floor.ts`, loader: 'ts' },
    outfile: floorFile,
    logLevel: 'error',
  });
  const floor: BundleFiles = { js: floorFile, map: `${floorFile}.map` };

  const times = {
    bundle: [] as InitTime[],
    floor: [] as InitTime[],
    bundleMaps: [] as InitTime[],
    floorMaps: [] as InitTime[],
  };
  for (let run = 0; run < runs; run++) {
    times.bundle.push(await moduleInit(bundle.js, { sourceMaps: false }));
    times.floor.push(await moduleInit(floor.js, { sourceMaps: false }));
    times.bundleMaps.push(await moduleInit(bundle.js, { sourceMaps: true }));
    times.floorMaps.push(await moduleInit(floor.js, { sourceMaps: true }));
  }
  const measured = {
    bundle: measure(bundle, times.bundle, times.bundleMaps),
    floor: measure(floor, times.floor, times.floorMaps),
  };
  log(
    `bundle ${name}: ${measured.bundle.bytes} B vs floor ${measured.floor.bytes} B; init ` +
      `${measured.bundle.initCpuMsMedian} ms vs ${measured.floor.initCpuMsMedian} ms CPU (medians of ${runs})`,
  );
  return {
    name,
    measuredFile: `${fresh.shippedIsStale ? 'fresh build for ' : ''}${path.relative(REPO_ROOT, fresh.shipped)}`,
    shippedAssetStale: fresh.shippedIsStale,
    sdkImports: Object.fromEntries(imports),
    ...measured,
    esbuildArgs: projenTaskArgs(entry),
  };
}

function measure(files: BundleFiles, init: InitTime[], initMaps: InitTime[]): BundleMeasure {
  const js = fs.readFileSync(files.js);
  const cpu = (list: InitTime[]) => round(median(list.map((t) => t.cpuMs)));
  const wall = (list: InitTime[]) => round(median(list.map((t) => t.wallMs)));
  const rounded = (list: InitTime[]) => list.map((t) => ({ wallMs: round(t.wallMs), cpuMs: round(t.cpuMs) }));
  return {
    bytes: js.byteLength,
    gzipBytes: zlib.gzipSync(js, { level: 9 }).byteLength,
    mapBytes: files.map && fs.existsSync(files.map) ? fs.statSync(files.map).size : 0,
    initCpuMsMedian: cpu(init),
    initWallMsMedian: wall(init),
    initCpuMsSourceMapsMedian: cpu(initMaps),
    initWallMsSourceMapsMedian: wall(initMaps),
    initRuns: rounded(init),
    initSourceMapsRuns: rounded(initMaps),
  };
}

function result(
  details: Awaited<ReturnType<typeof benchHandler>>[],
  runs: number,
  machine: MachineInfo,
): BenchmarkResult {
  const targets: TargetRow[] = [];
  for (const d of details) {
    const size = d.bundle.bytes / d.floor.bytes;
    targets.push({
      id: `bundle-size-${d.name}`,
      what: `${d.name} bundle size${d.shippedAssetStale ? ' (fresh build; shipped asset stale)' : ''}`,
      target: `≤ ${TARGET_RATIO}× floor`,
      measured: `${kb(d.bundle.bytes)} vs floor ${kb(d.floor.bytes)} = ${size.toFixed(2)}×`,
      ratio: size / TARGET_RATIO,
      met: size <= TARGET_RATIO,
    });
    for (const maps of [false, true]) {
      const b = maps ? d.bundle.initCpuMsSourceMapsMedian : d.bundle.initCpuMsMedian;
      const f = maps ? d.floor.initCpuMsSourceMapsMedian : d.floor.initCpuMsMedian;
      const bw = maps ? d.bundle.initWallMsSourceMapsMedian : d.bundle.initWallMsMedian;
      const fw = maps ? d.floor.initWallMsSourceMapsMedian : d.floor.initWallMsMedian;
      targets.push({
        id: `bundle-init-${d.name}${maps ? '-source-maps' : ''}`,
        what: `${d.name} cold module init${maps ? ' with --enable-source-maps (as deployed)' : ''}`,
        target: `≤ ${TARGET_RATIO}× floor`,
        measured:
          `CPU ${b.toFixed(0)} ms vs floor ${f.toFixed(0)} ms = ${(b / f).toFixed(2)}×; ` +
          `wall ${bw.toFixed(0)} vs ${fw.toFixed(0)} ms = ${(bw / fw).toFixed(2)}× (medians of ${runs})`,
        ratio: b / f / TARGET_RATIO,
        met: b / f <= TARGET_RATIO,
      });
    }
  }
  return {
    id: 'bundles',
    title: 'Lambda bundles: size and cold module-init time against an SDK-only floor',
    date: machine.date,
    machine,
    method:
      "Shipped assets/lambda/handlers/*/index.js, checked against a fresh build with the projen task's esbuild " +
      "arguments. Floor: a module importing exactly the @aws-sdk values the handler's own code imports, built " +
      `with the same arguments. Init: ${runs} fresh node processes each (empty environment), require() timed ` +
      'inside the process, bundle and floor interleaved; medians, with and without --enable-source-maps. The ' +
      'verdict uses CPU time of the require (all threads of the process): on an idle machine it tracks ' +
      'wall time, on a shared one wall time also carries the other processes; both are reported.',
    targets,
    details,
  };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
