/**
 * Runs the shipped handler bundles the way Lambda does: the code asset staged like the construct stages
 * it (each bundle in its folder, the config at the root), each invocation in a fresh Node.js process
 * with the construct's environment, AWS services pointed at local stand-ins.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import type { GuardConfig } from '../../lambda/core/model';
import { CONFIG_ASSET_FILE } from '../../src/shared/registry-schema';

const run = promisify(execFile);
const ASSETS = path.join(__dirname, '..', '..', 'assets', 'lambda', 'handlers');

/** Copies the named bundles into a fresh code root with the config beside them; returns the root. */
export function stageCode(handlers: readonly string[], config: GuardConfig): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-code-'));
  for (const name of handlers) fs.cpSync(path.join(ASSETS, name), path.join(root, name), { recursive: true });
  fs.writeFileSync(path.join(root, CONFIG_ASSET_FILE), JSON.stringify(config));
  return root;
}

/** Region, throwaway credentials and per-service endpoints (AWS_ENDPOINT_URL_<SERVICE>) of local stand-ins. */
export function localAwsEnv(endpoints: {
  dynamodb?: string;
  sns?: string;
  eventbridge?: string;
  secretsManager?: string;
}): NodeJS.ProcessEnv {
  return {
    AWS_REGION: 'ap-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
    AWS_SECRET_ACCESS_KEY: 'local-endpoints-only',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...(endpoints.dynamodb && { AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb }),
    ...(endpoints.sns && { AWS_ENDPOINT_URL_SNS: endpoints.sns }),
    ...(endpoints.eventbridge && { AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.eventbridge }),
    ...(endpoints.secretsManager && { AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.secretsManager }),
  };
}

export interface Invocation {
  /** `RESULT <json>` or `ERROR <name>: <message>`. */
  readonly outcome: string;
  /** Every other stdout line (structured logs, EMF documents), parsed. */
  readonly logs: Record<string, unknown>[];
  /** stdout and stderr as printed, for scanning. */
  readonly output: string;
}

/**
 * Invokes `<root>/<handler>/index.js`'s `handler(event, context)` in a fresh process, with the parts of
 * Lambda's context the handlers use: `awsRequestId` and `getRemainingTimeInMillis()` counting down from
 * `timeoutMs` (the function's configured timeout).
 */
export async function invokeBundle(
  root: string,
  handler: string,
  event: unknown,
  env: NodeJS.ProcessEnv,
  requestId = 'request-1',
  timeoutMs = 60_000,
): Promise<Invocation> {
  const script = `const deadline = process.hrtime.bigint() + ${timeoutMs}n * 1000000n;
    require(${JSON.stringify(path.join(root, handler, 'index.js'))})
    .handler(${JSON.stringify(event)}, {
      awsRequestId: ${JSON.stringify(requestId)},
      getRemainingTimeInMillis: () => Math.max(0, Number((deadline - process.hrtime.bigint()) / 1000000n)),
    })
    .then((r) => process.stdout.write('RESULT ' + JSON.stringify(r) + '\\n'),
          (e) => { process.stdout.write('ERROR ' + e.name + ': ' + e.message + '\\n'); process.exitCode = 1; });`;
  const { stdout, stderr } = await run(process.execPath, ['-e', script], {
    env: { PATH: process.env.PATH, LAMBDA_TASK_ROOT: root, ...env },
  }).catch((e: { stdout: string; stderr: string }) => e);
  const lines = String(stdout).trim().split('\n');
  const outcome = lines.pop() ?? '';
  return {
    outcome,
    logs: lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)),
    output: `${stdout}${stderr}`,
  };
}

export interface PinnedClock {
  /** The environment that runs a bundled handler's process at `now` (`new Date()` and `Date.now()`). */
  env(now: Date): Record<string, string>;
  dispose(): void;
}

/**
 * A preload that pins a child process's clock to `PINNED_NOW`, as Lambda would run on a story's dates;
 * `random` also pins `Math.random` (the SDK's retry jitter), so backoff takes no time.
 */
export function pinnedClock(options: { random?: number } = {}): PinnedClock {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-clock-'));
  const preload = path.join(dir, 'pinned-clock.js');
  const random = options.random === undefined ? '' : `\nMath.random = () => ${options.random};`;
  fs.writeFileSync(
    preload,
    `const Real = Date; const pinned = Real.parse(process.env.PINNED_NOW);
globalThis.Date = class extends Real {
  constructor(...args) { if (args.length === 0) super(pinned); else super(...args); }
  static now() { return pinned; }
};${random}`,
  );
  return {
    env: (now) => ({ NODE_OPTIONS: `--require ${preload}`, PINNED_NOW: now.toISOString() }),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
