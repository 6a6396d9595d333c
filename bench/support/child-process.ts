/**
 * Runs one measurement in a fresh Node.js process and reads back the JSON line it prints last, so no run
 * inherits another's JIT state, heap or caches.
 */
import { spawn } from 'child_process';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
const TS_NODE = path.join(REPO_ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js');
const BENCH_TSCONFIG = path.join(REPO_ROOT, 'bench', 'tsconfig.json');

export interface ChildOptions {
  /** Extra environment, e.g. a fresh TMPDIR. */
  readonly env?: Readonly<Record<string, string>>;
  /** Start from an empty environment instead of this process's. @default true */
  readonly inheritEnv?: boolean;
  /** Prefix the command (e.g. `taskset -c 0`) to pin it to one core. */
  readonly prefix?: readonly string[];
  readonly timeoutMs?: number;
}

/** Runs `bench/<script>` under ts-node (transpile only) and parses the last stdout line as JSON. */
export async function runTsChild<T>(script: string, args: readonly string[], options: ChildOptions = {}): Promise<T> {
  const command = [...(options.prefix ?? []), process.execPath, TS_NODE, '--project', BENCH_TSCONFIG];
  const file = path.join(REPO_ROOT, 'bench', script);
  return runChild<T>(command[0]!, [...command.slice(1), file, ...args], { ...options, label: script });
}

export async function runChild<T>(
  command: string,
  args: readonly string[],
  options: ChildOptions & { readonly label?: string } = {},
): Promise<T> {
  const label = options.label ?? command;
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: REPO_ROOT,
      env: { ...(options.inheritEnv === false ? {} : process.env), NODE_NO_WARNINGS: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15 * 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${label} ${args.slice(-4).join(' ')} exited ${code}: ${err.trim().slice(-2000)}`));
    });
  });
  const lines = stdout.trim().split('\n');
  const last = lines[lines.length - 1] ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`expected a JSON line last from ${label}, got: ${last.slice(0, 500)}`);
  }
}
