import { Aspects, Stack } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag';
import { AlertChannel, VendorAccount } from '../../src';
import { fixture, synthGuard, SynthesizedGuard } from './support/guard-stack';
import { nagFindings } from './support/nag-findings';

/** A secret of the consumer's, with the consumer's own suppression: the guard's test must not hide it. */
function vendorSecret(stack: Stack): secretsmanager.ISecret {
  const secret = new secretsmanager.Secret(stack, 'VonageSecret', { secretName: 'renewal-guard/vonage' });
  NagSuppressions.addResourceSuppressions(secret, [
    { id: 'AwsSolutions-SMG4', reason: 'Vonage API secrets are rotated in the Vonage dashboard, then pasted here' },
  ]);
  return secret;
}

/** The findings cdk-nag left unsuppressed, as `<construct path>: <rule>`. */
function findings(synth: SynthesizedGuard): string[] {
  return nagFindings(synth.stack, { validationFailures: true });
}

// the consumer applies the checks, to its own stack
const withChecks = { beforeSynth: (stack: Stack) => void Aspects.of(stack).add(new AwsSolutionsChecks()) };

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unsuppressed in a guard with accounts, secrets, channels, a notifier and links', () => {
    const synth = synthGuard(
      (stack) => ({
        configFile: fixture('guard.yaml'),
        accounts: [VendorAccount.vonage({ accountId: 'vonage', credentials: vendorSecret(stack) })],
        channels: [
          AlertChannel.sms({ channelId: 'night', to: ['+8613900000000'] }),
          AlertChannel.dingTalk({
            channelId: 'team-chat',
            secret: secretsmanager.Secret.fromSecretNameV2(stack, 'DingTalk', 'renewal-guard/dingtalk'),
          }),
        ],
      }),
      withChecks,
    );

    expect(synth.guard.notifierFunction).toBeDefined();
    expect(synth.guard.linksUrl).toBeDefined();
    expect(findings(synth)).toEqual([]);
  });

  it('leaves the rotation finding of a link secret brought by the user to the user', () => {
    const synth = synthGuard(
      (stack) => ({
        linkSecret: new secretsmanager.Secret(stack, 'MyLinkSecret'),
      }),
      withChecks,
    );

    expect(findings(synth)).toEqual(['/GuardStack/MyLinkSecret/Resource: AwsSolutions-SMG4']);
  });
});
