/**
 * The template's Lambda functions, run the way Lambda runs them: the staged code asset of the
 * function's `Code.S3Key` as the task root, the handler the template names, the environment the template
 * gives the function (resolved against the provisioned resources) over Lambda's own variables, each
 * invocation in a fresh Node.js process with the clock pinned to the moment it happens.
 */
import { invokeBundle, pinnedClock, type Invocation, type PinnedClock } from '../../handlers/bundle-runner';

export interface EmulatedFunction {
  readonly logicalId: string;
  readonly functionName: string;
  readonly arn: string;
  /** Undefined for code that is not one of the guard's bundles (CDK's own handlers, for instance). */
  readonly bundle?: { readonly codeRoot: string; readonly handlerDir: string };
  readonly handler: string;
  readonly runtime: string;
  readonly memorySize: number;
  /** The function's timeout: the handler's `getRemainingTimeInMillis()` counts down from it. */
  readonly timeoutSeconds: number;
  /** The template's `Environment.Variables`, resolved. */
  readonly environment: Readonly<Record<string, string>>;
}

export interface InvocationResult extends Invocation {
  /** The handler's return value when it succeeded. */
  readonly result?: unknown;
  /** `<name>: <message>` when it threw. */
  readonly error?: string;
}

/** `<dir>/index.handler`, the shape of every guard function's handler; undefined for other code. */
export function bundleHandlerDir(handler: string): string | undefined {
  return /^([a-z0-9-]+)\/index\.handler$/.exec(handler)?.[1];
}

export class FunctionRunner {
  private readonly clock: PinnedClock = pinnedClock({ random: 0 });
  private invocations = 0;

  constructor(private readonly awsEnvironment: Readonly<Record<string, string>>) {}

  async invoke(fn: EmulatedFunction, event: unknown, at: Date): Promise<InvocationResult> {
    if (!fn.bundle) {
      throw new Error(`${fn.logicalId} runs ${fn.handler}, which is not a guard bundle; the emulation cannot run it`);
    }
    const requestId = `emulated-${++this.invocations}`;
    const pinned = this.clock.env(at);
    const env = {
      ...this.lambdaRuntimeEnvironment(fn),
      ...this.awsEnvironment,
      ...fn.environment,
      // the template's NODE_OPTIONS (--enable-source-maps) and the pinned clock's preload, together
      NODE_OPTIONS: [fn.environment.NODE_OPTIONS, pinned.NODE_OPTIONS].filter(Boolean).join(' '),
      PINNED_NOW: pinned.PINNED_NOW!,
    };
    const invocation = await invokeBundle(
      fn.bundle.codeRoot,
      fn.bundle.handlerDir,
      event,
      env,
      requestId,
      fn.timeoutSeconds * 1000,
    );
    const ok = /^RESULT (.*)$/s.exec(invocation.outcome);
    const failed = /^ERROR (.*)$/s.exec(invocation.outcome);
    if (!ok && !failed) {
      throw new Error(`${fn.logicalId} printed no outcome (crashed before its handler settled):\n${invocation.output}`);
    }
    return {
      ...invocation,
      ...(ok && { result: JSON.parse(ok[1]!) as unknown }),
      ...(failed && { error: failed[1]! }),
    };
  }

  dispose(): void {
    this.clock.dispose();
  }

  /** What Lambda itself sets in every function's environment (the reserved variables). */
  private lambdaRuntimeEnvironment(fn: EmulatedFunction): Record<string, string> {
    return {
      AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
      AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
      AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
      LAMBDA_RUNTIME_DIR: '/var/runtime',
      TZ: ':UTC',
      LANG: 'en_US.UTF-8',
    };
  }
}
