import { logicalId, SynthesizedGuard } from './guard-stack';

export interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: unknown;
}

/** Every statement of the inline policies attached to the role at construct path `rolePrefix`. */
export function statementsOf(synth: SynthesizedGuard, rolePrefix: string): Statement[] {
  const role = logicalId(synth.template, 'AWS::IAM::Role', rolePrefix);
  return Object.values(synth.template.findResources('AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: role })))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

export function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

/** The resources of the role's Secrets Manager statements: the secrets it can read. */
export function secretsReadBy(synth: SynthesizedGuard, rolePrefix: string): unknown[] {
  return statementsOf(synth, rolePrefix)
    .filter((s) => actionsOf([s]).some((a) => a.startsWith('secretsmanager:')))
    .flatMap((s) => (Array.isArray(s.Resource) ? s.Resource : [s.Resource]));
}

/** The IAM policy resource of a secret imported by name: its ARN with the random six-character suffix. */
export function importedSecretArn(name: string): unknown {
  return {
    'Fn::Join': [
      '',
      ['arn:', { Ref: 'AWS::Partition' }, `:secretsmanager:ap-southeast-1:111111111111:secret:${name}-??????`],
    ],
  };
}
