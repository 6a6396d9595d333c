/**
 * The shipped poll-and-evaluate bundle run as Lambda runs it (test/handlers/bundle-runner.ts), with its
 * clock pinned: a preload replaces `new Date()` / `Date.now()` in the child process by the instant given
 * per invocation, so bundled cycles run on the story's dates, not the wall clock. With `random`, it also
 * pins `Math.random` (the SDK's retry jitter, the cycle's record backoff), so backoffs take milliseconds.
 */
import * as fs from 'fs';
import type { GuardConfig } from '../../../lambda/core/model';
import { ENV_GUARD_NAME } from '../../../src/shared/metrics-schema';
import { ENV_ALERT_TOPIC_ARN, ENV_EVENT_BUS_NAME, ENV_REGISTRY_TABLE } from '../../../src/shared/registry-schema';
import { invokeBundle, localAwsEnv, pinnedClock, stageCode, type Invocation } from '../../handlers/bundle-runner';

export interface BundledGuard {
  /** One invocation of poll-and-evaluate in a fresh process at `now`, with Lambda's request id. */
  invoke(options: { table: string; now: Date; requestId: string }): Promise<Invocation>;
  dispose(): void;
}

export function bundledGuard(
  config: GuardConfig,
  endpoints: { dynamodb: string; aws: string },
  options: { random?: number } = {},
): BundledGuard {
  const codeRoot = stageCode(['poll-and-evaluate'], config);
  const clock = pinnedClock(options);
  return {
    invoke: ({ table, now, requestId }) =>
      invokeBundle(
        codeRoot,
        'poll-and-evaluate',
        {},
        {
          ...localAwsEnv({ dynamodb: endpoints.dynamodb, sns: endpoints.aws, eventbridge: endpoints.aws }),
          ...clock.env(now),
          POWERTOOLS_SERVICE_NAME: 'renewal-guard',
          [ENV_REGISTRY_TABLE]: table,
          [ENV_ALERT_TOPIC_ARN]: 'arn:aws:sns:ap-east-1:123456789012:renewal-guard-alerts',
          [ENV_EVENT_BUS_NAME]: 'renewal-guard-bus',
          [ENV_GUARD_NAME]: 'guard-under-test',
        },
        requestId,
      ),
    dispose: () => {
      fs.rmSync(codeRoot, { recursive: true, force: true });
      clock.dispose();
    },
  };
}
