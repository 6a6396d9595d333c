import { CfnResource } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

export interface NagSuppression {
  /** The rule, e.g. `AwsSolutions-IAM5`. */
  readonly id: string;
  readonly reason: string;
  /** Findings the suppression is limited to: `Action::kms:GenerateDataKey*`, or `{ regex: '/^Resource::.../' }`. */
  readonly appliesTo?: ReadonlyArray<string | { readonly regex: string }>;
}

/**
 * Records cdk-nag (v2) suppressions on the CloudFormation resources at and below `scope`, in the metadata
 * format `NagSuppressions.addResourceSuppressions` writes. Writing it directly keeps cdk-nag out of the
 * library's runtime dependencies: consumers who do not run cdk-nag need not install it. Only this
 * construct's own subtree is touched, never the consumer's app.
 */
export function suppressNag(scope: IConstruct, suppressions: readonly NagSuppression[]): void {
  const rules = suppressions.map((s) => ({
    id: s.id,
    reason: s.reason,
    ...(s.appliesTo && { applies_to: [...s.appliesTo] }),
  }));
  for (const child of scope.node.findAll()) {
    if (!(child instanceof CfnResource)) continue;
    const existing =
      (child.getMetadata('cdk_nag') as { rules_to_suppress?: unknown[] } | undefined)?.rules_to_suppress ?? [];
    const merged = [...new Set([...existing, ...rules].map((r) => JSON.stringify(r)))].map((r) => JSON.parse(r));
    child.addMetadata('cdk_nag', { rules_to_suppress: merged });
  }
}
