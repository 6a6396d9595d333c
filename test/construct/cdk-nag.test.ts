import { Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag';
import { AlertChannel, VendorAccount } from '../../src';
import { fixture, synthGuard } from './support/guard-stack';

/** A secret of the consumer's, with the consumer's own suppression: the guard's test must not hide it. */
function vendorSecret(stack: Stack): secretsmanager.ISecret {
  const secret = new secretsmanager.Secret(stack, 'VonageSecret', { secretName: 'renewal-guard/vonage' });
  NagSuppressions.addResourceSuppressions(secret, [
    { id: 'AwsSolutions-SMG4', reason: 'Vonage API secrets are rotated in the Vonage dashboard, then pasted here' },
  ]);
  return secret;
}

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unsuppressed in a guard with accounts, secrets and channels', () => {
    const synth = synthGuard(
      (stack) => ({
        configFile: fixture('guard.yaml'),
        accounts: [VendorAccount.vonage({ accountId: 'vonage', credentials: vendorSecret(stack) })],
        channels: [AlertChannel.sms({ channelId: 'night', to: ['+8613900000000'] })],
      }),
      // the consumer applies the checks, to its own stack
      { beforeSynth: (stack) => Aspects.of(stack).add(new AwsSolutionsChecks()) },
    );
    const annotations = Annotations.fromStack(synth.stack);
    const findings = [
      ...annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ...annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ...annotations.findError('*', Match.stringLikeRegexp('CdkNagValidationFailure')),
    ];

    expect(findings.map((f) => `${f.id}: ${String(f.entry.data).split(':')[0]}`)).toEqual([]);
  });
});
