import type { SynthesizedGuard } from './guard-stack';
import { statementsOf } from './policies';

/** A Secrets Manager statement as CloudFormation holds it, with its effect. */
interface EffectStatement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** The resources of the role's Secrets Manager statements of one effect: what it may (or may not) read. */
export function secretResources(synth: SynthesizedGuard, rolePrefix: string, effect: 'Allow' | 'Deny'): unknown[] {
  return (statementsOf(synth, rolePrefix) as unknown as EffectStatement[])
    .filter((s) => s.Effect === effect && [s.Action].flat().some((a) => a.startsWith('secretsmanager:')))
    .flatMap((s) => [s.Resource].flat());
}

/** The IAM resource of every secret under a name prefix, in the fixed test environment. */
export function secretPrefixArn(prefix: string): unknown {
  return {
    'Fn::Join': [
      '',
      ['arn:', { Ref: 'AWS::Partition' }, `:secretsmanager:ap-southeast-1:111111111111:secret:${prefix}*`],
    ],
  };
}
