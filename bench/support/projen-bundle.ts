/**
 * The esbuild arguments projen uses for a bundle (its `bundle:<entry>` task in .projen/tasks.json), as
 * esbuild API options, so a benchmark can rebuild a bundle exactly as `npx projen bundle` does and tell
 * whether the shipped file in assets/ is current.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { REPO_ROOT } from './child-process';

/** The esbuild CLI arguments of `bundle:<entry>` (entry without extension, e.g. `lambda/handlers/sync-registry`). */
export function projenTaskArgs(entry: string): string[] {
  const tasks = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, '.projen', 'tasks.json'), 'utf8')) as {
    tasks: Record<string, { steps?: Array<{ execArgs?: string[]; exec?: string }> }>;
  };
  const task = tasks.tasks[`bundle:${entry}`];
  const step = task?.steps?.find((s) => s.execArgs?.[0] === 'esbuild' || s.exec?.startsWith('esbuild'));
  const args = step?.execArgs ?? step?.exec?.split(/\s+/);
  if (!args) throw new Error(`no esbuild step in the projen task bundle:${entry}`);
  return args;
}

/** Those arguments as esbuild API options (the subset projen uses); the caller picks the output file. */
export function projenBundleOptions(entry: string): { entryPoint: string; shipped: string; options: BuildOptions } {
  const args = projenTaskArgs(entry).slice(1);
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const entryPoint = args.find((a) => !a.startsWith('--'));
  const outfile = flag('outfile');
  if (!entryPoint || !outfile) throw new Error(`no entry point or outfile in the projen task of ${entry}`);
  const tsconfig = flag('tsconfig');
  const options: BuildOptions = {
    absWorkingDir: REPO_ROOT,
    bundle: args.includes('--bundle'),
    minify: args.includes('--minify'),
    sourcemap: args.includes('--sourcemap'),
    platform: flag('platform') as BuildOptions['platform'],
    target: flag('target'),
    ...(tsconfig ? { tsconfig: path.join(REPO_ROOT, tsconfig) } : {}),
    external: args.filter((a) => a.startsWith('--external:')).map((a) => a.slice('--external:'.length)),
  };
  return { entryPoint: path.join(REPO_ROOT, entryPoint), shipped: path.join(REPO_ROOT, outfile), options };
}

export interface FreshBundle {
  readonly file: string;
  readonly metafile: Metafile;
  /** True when the shipped file is missing or differs from this fresh build of the current sources. */
  readonly shippedIsStale: boolean;
  readonly shipped: string;
}

/** Builds `entry` as projen would, into `outDir`, and compares it with the shipped file. */
export async function freshBundle(entry: string, outDir: string): Promise<FreshBundle> {
  const { entryPoint, shipped, options } = projenBundleOptions(entry);
  const file = path.join(outDir, path.basename(path.dirname(shipped)), path.basename(shipped));
  const result = await build({
    ...options,
    entryPoints: [entryPoint],
    outfile: file,
    metafile: true,
    logLevel: 'error',
  });
  const shippedIsStale = !fs.existsSync(shipped) || !fs.readFileSync(shipped).equals(fs.readFileSync(file));
  return { file, metafile: result.metafile, shippedIsStale, shipped };
}

/** Whether the shipped bundle of `entry` matches a fresh build (a scratch folder is used and removed). */
export async function shippedBundleIsCurrent(entry: string): Promise<boolean> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-bench-fresh-'));
  try {
    return !(await freshBundle(entry, scratch)).shippedIsStale;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
