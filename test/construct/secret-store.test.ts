/** The lean profile's credentials: SSM Parameter Store SecureString parameters instead of secrets. */
import { Aspects, Stack } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SecretStore, VendorAccount } from '../../src';
import { fixture, logicalId, synthGuard, SynthesizedGuard } from './support/guard-stack';
import { nagFindings } from './support/nag-findings';
import { actionsOf, statementsOf } from './support/policies';

interface EffectStatement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** The resources of the role's statements of one effect on `service:`. */
function resources(synth: SynthesizedGuard, role: string, effect: 'Allow' | 'Deny', service: string): unknown[] {
  return (statementsOf(synth, role) as unknown as EffectStatement[])
    .filter((s) => s.Effect === effect && [s.Action].flat().some((a) => a.startsWith(`${service}:`)))
    .flatMap((s) => [s.Resource].flat());
}

/** A parameter's IAM resource in the fixed test environment: `parameter/<name>`, no leading slash doubled. */
function parameterArn(name: string): unknown {
  return {
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ssm:ap-southeast-1:111111111111:parameter/${name}`]],
  };
}

function environmentOf(synth: SynthesizedGuard, functionPrefix: string): Record<string, unknown> {
  const id = logicalId(synth.template, 'AWS::Lambda::Function', functionPrefix);
  return synth.template.toJSON().Resources[id].Properties.Environment.Variables;
}

describe('secretStore: SSM_PARAMETER_STORE', () => {
  let synth: SynthesizedGuard;
  beforeAll(() => {
    synth = synthGuard(
      { configFile: fixture('ssm-credentials.yaml'), secretStore: SecretStore.SSM_PARAMETER_STORE },
      { beforeSynth: (stack: Stack) => void Aspects.of(stack).add(new AwsSolutionsChecks()) },
    );
  });

  it('tells the poller and the notifier to read Parameter Store', () => {
    expect(environmentOf(synth, 'GuardPoller')).toMatchObject({ RENEWAL_GUARD_SECRET_STORE: 'ssm-parameter-store' });
    expect(environmentOf(synth, 'GuardNotifier')).toMatchObject({ RENEWAL_GUARD_SECRET_STORE: 'ssm-parameter-store' });
  });

  it('lets the poller get the parameters of its accounts: the documented path in one statement, others by name', () => {
    expect(resources(synth, 'GuardPollerRole', 'Allow', 'ssm')).toEqual([
      parameterArn('team/twilio'),
      parameterArn('renewal-guard/*'),
      // and the link secret's parameter, for the links it signs (test/construct/link-parameter.test.ts)
      parameterArn(`renewal-guard/${synth.guard.guardName}/links`),
    ]);
    // the channel's webhook lies under the same path: denied to the poller by name
    expect(resources(synth, 'GuardPollerRole', 'Deny', 'ssm')).toEqual([parameterArn('renewal-guard/dingtalk-team')]);
    const ssmActions = actionsOf(statementsOf(synth, 'GuardPollerRole')).filter((a) => a.startsWith('ssm:'));
    expect(new Set(ssmActions)).toEqual(new Set(['ssm:GetParameter']));
  });

  it('lets the notifier get exactly its channel parameter and no vendor credentials', () => {
    expect(resources(synth, 'GuardNotifierRole', 'Allow', 'ssm')).toEqual([
      parameterArn('renewal-guard/dingtalk-team'),
      parameterArn(`renewal-guard/${synth.guard.guardName}/links`),
    ]);
  });

  it('grants no Secrets Manager read at all: the link secret is a SecureString parameter too', () => {
    expect(resources(synth, 'GuardPollerRole', 'Allow', 'secretsmanager')).toEqual([]);
    expect(resources(synth, 'GuardNotifierRole', 'Allow', 'secretsmanager')).toEqual([]);
    expect(resources(synth, 'GuardLinksRole', 'Allow', 'secretsmanager')).toEqual([]);
  });

  it('leaves cdk-nag nothing unsuppressed', () => {
    expect(nagFindings(synth.stack)).toEqual([]);
  });

  it('fails synth naming every credential given as a Secrets Manager secret in the typed props', () => {
    expect(() =>
      synthGuard((stack) => ({
        configFile: fixture('ssm-credentials.yaml'),
        secretStore: SecretStore.SSM_PARAMETER_STORE,
        accounts: [
          VendorAccount.vonage({
            accountId: 'vonage',
            credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'Vonage', 'renewal-guard/vonage'),
          }),
        ],
      })),
    ).toThrow(
      'RenewalGuard secretStore is SSM_PARAMETER_STORE, but these credentials are given as Secrets Manager ' +
        'secrets in the typed props: accounts[vonage].credentials. Name each SecureString parameter in the ' +
        'config file instead (credentials: renewal-guard/<account id> reads /renewal-guard/<account id>), or ' +
        'keep secretStore SECRETS_MANAGER.',
    );
  });
});

describe('secretStore by default', () => {
  it('names no store to the functions (they read Secrets Manager) and grants no Parameter Store read', () => {
    const synth = synthGuard({ configFile: fixture('ssm-credentials.yaml') });

    expect(environmentOf(synth, 'GuardPoller')).not.toHaveProperty('RENEWAL_GUARD_SECRET_STORE');
    expect(environmentOf(synth, 'GuardNotifier')).not.toHaveProperty('RENEWAL_GUARD_SECRET_STORE');
    expect(actionsOf(statementsOf(synth, 'GuardPollerRole')).filter((a) => a.startsWith('ssm:'))).toEqual([]);
  });
});
