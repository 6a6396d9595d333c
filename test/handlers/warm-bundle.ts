/**
 * A shipped handler bundle in one warm "container": a Node.js process that loads the bundle once, as
 * Lambda's runtime does, and serves invocation after invocation (module-level state — the staged config,
 * clients, a cached secret — carries over between them, as it does in Lambda). Each invocation's result
 * comes back as JSON; everything else the process prints is kept for scanning.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';
import * as readline from 'readline';

export interface WarmBundle {
  invoke<T = unknown>(event: unknown): Promise<T>;
  /** stdout lines that were not results, and stderr, so far. */
  output(): string;
  stop(): Promise<void>;
}

const RUNNER = `
const handler = require(process.env.BUNDLE_PATH).handler;
const lines = require('readline').createInterface({ input: process.stdin });
let n = 0;
lines.on('line', async (line) => {
  const id = ++n;
  const deadline = Date.now() + 30000;
  const context = { awsRequestId: 'request-' + id, getRemainingTimeInMillis: () => deadline - Date.now() };
  try {
    const result = await handler(JSON.parse(line), context);
    process.stdout.write('@@RESULT ' + JSON.stringify({ ok: true, result }) + '\\n');
  } catch (e) {
    process.stdout.write('@@RESULT ' + JSON.stringify({ ok: false, error: e.name + ': ' + e.message }) + '\\n');
  }
});`;

/** Starts `<root>/<handler>/index.js` with `env` (plus PATH and LAMBDA_TASK_ROOT). */
export function startWarmBundle(root: string, handler: string, env: NodeJS.ProcessEnv): WarmBundle {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['-e', RUNNER], {
    env: { PATH: process.env.PATH, LAMBDA_TASK_ROOT: root, BUNDLE_PATH: path.join(root, handler, 'index.js'), ...env },
  });
  let other = '';
  const waiting: Array<(line: string) => void> = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (line.startsWith('@@RESULT ')) waiting.shift()?.(line.slice('@@RESULT '.length));
    else other += `${line}\n`;
  });
  child.stderr.on('data', (chunk: Buffer) => (other += chunk.toString('utf8')));
  // invocations are served one at a time, in order, like one Lambda container's
  let queue: Promise<unknown> = Promise.resolve();
  return {
    invoke<T>(event: unknown): Promise<T> {
      const run = queue.then(
        () =>
          new Promise<T>((resolve, reject) => {
            waiting.push((line) => {
              const answer = JSON.parse(line) as { ok: boolean; result?: T; error?: string };
              if (answer.ok) resolve(answer.result as T);
              else reject(new Error(answer.error));
            });
            child.stdin.write(`${JSON.stringify(event)}\n`);
          }),
      );
      queue = run.catch(() => undefined);
      return run;
    },
    output: () => other,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
        child.kill();
      }),
  };
}
