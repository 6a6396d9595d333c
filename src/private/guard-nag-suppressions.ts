import { IConstruct } from 'constructs';
import type { GuardLinks } from './guard-links';
import { suppressNag } from './nag-suppressions';

export interface GuardNagTargets {
  /** The whole guard: grant wildcards are accepted wherever the guard's roles hold them. */
  readonly guard: IConstruct;
  readonly deadLetterQueue: IConstruct;
  readonly links?: GuardLinks;
}

/**
 * The cdk-nag AwsSolutions findings the guard accepts, each limited to the finding or resource it
 * explains, and recorded on the guard's own resources only.
 */
export function guardNagSuppressions(targets: GuardNagTargets): void {
  suppressNag(targets.guard, [
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'KMS grants for the guard key use the GenerateDataKey* / ReEncrypt* action families; the resource is the one key',
      appliesTo: ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*'],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason: 'Lambda invoke grants cover a guard function and its versions (:*); no other function is reachable',
      appliesTo: [{ regex: '/^Resource::<.+\\.Arn>:\\*$/' }],
    },
  ]);
  suppressNag(targets.deadLetterQueue, [
    {
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the daily check (scheduler target and poller function)',
    },
  ]);
  if (targets.links) linksNagSuppressions(targets.links);
}

function linksNagSuppressions(links: GuardLinks): void {
  // only the secrets the guard creates; a linkSecret of the user's is the user's to rotate and suppress
  if (links.feedTokenSeed && links.secret) {
    suppressNag(links.secret, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'The link signing key and feed token are rotated by hand (put a new value): an automatic rotation would ' +
          'invalidate the acknowledge links already sent and the calendar subscriptions without notice',
      },
    ]);
    suppressNag(links.feedTokenSeed, [
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'Seed of the first feed token, read once by CloudFormation when it creates the link secret; nothing reads it afterwards',
      },
    ]);
  }
}
