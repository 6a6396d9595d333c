import type { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';

/**
 * The AwsSolutions findings cdk-nag left unsuppressed on `stack` (errors, then warnings), as
 * `<construct path>: <rule>`; with `validationFailures`, also the rules cdk-nag could not evaluate.
 */
export function nagFindings(stack: Stack, options: { readonly validationFailures?: boolean } = {}): string[] {
  const annotations = Annotations.fromStack(stack);
  return [
    ...annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ...annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
    ...(options.validationFailures
      ? annotations.findError('*', Match.stringLikeRegexp('CdkNagValidationFailure'))
      : []),
  ].map((f) => `${f.id}: ${String(f.entry.data).split(':')[0]}`);
}
