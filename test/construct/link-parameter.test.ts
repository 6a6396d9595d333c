/**
 * The lean profile's link secret: with the SSM store and no `linkSecret` of the user's, one SecureString
 * parameter the registry sync creates, instead of two generated Secrets Manager secrets ($0.80 a month).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { GuardEncryption, RenewalGuardStack, SecretStore } from '../../src';
import { fixture, logicalId, synthGuard, type SynthesizedGuard } from './support/guard-stack';
import { statementsOf, type Statement } from './support/policies';

const LEAN = {
  configFile: fixture('ssm-credentials.yaml'),
  secretStore: SecretStore.SSM_PARAMETER_STORE,
  encryption: GuardEncryption.AWS_MANAGED,
  dashboardEnabled: false,
} as const;

/** The functions that sign or check links, and the sync that creates the parameter. */
const READERS = ['GuardLinks', 'GuardPoller', 'GuardNotifier'] as const;
const ROLES = ['GuardLinksRole', 'GuardPollerRole', 'GuardNotifierRole', 'GuardRegistrySyncRole'] as const;

function environmentOf(synth: SynthesizedGuard, functionPrefix: string): Record<string, unknown> {
  const id = logicalId(synth.template, 'AWS::Lambda::Function', functionPrefix);
  return synth.template.toJSON().Resources[id].Properties.Environment.Variables;
}

/** The parameter's ARN in the fixed test environment: `parameter/` and the name without its leading slash. */
function parameterArn(name: string): unknown {
  return {
    'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ssm:ap-southeast-1:111111111111:parameter${name}`]],
  };
}

/** The role's Allow statements that name the parameter, as [actions, resources]. */
function grantsOn(synth: SynthesizedGuard, role: string, arn: unknown): Array<[string[], unknown[]]> {
  return (statementsOf(synth, role) as Array<Statement & { Effect: string }>)
    .filter((s) => s.Effect === 'Allow')
    .filter((s) => [s.Resource].flat().some((r) => JSON.stringify(r) === JSON.stringify(arn)))
    .map((s) => [[s.Action].flat().sort(), [s.Resource].flat()]);
}

describe('the lean profile (secretStore: SSM_PARAMETER_STORE) with the acknowledge links', () => {
  let synth: SynthesizedGuard;
  let name: string;
  beforeAll(() => {
    synth = synthGuard(LEAN);
    name = `/renewal-guard/${synth.guard.guardName}/links`;
  });

  it('creates no Secrets Manager secret: the link secret is a SecureString parameter named after the guard', () => {
    synth.template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    // CloudFormation cannot create a SecureString: the template holds no parameter resource either
    synth.template.resourceCountIs('AWS::SSM::Parameter', 0);
    expect(synth.guard.linkSecret).toBeUndefined();
    expect(synth.guard.linkParameterName).toBe(name);
    expect(Stack.of(synth.guard).resolve(synth.guard.linkParameterArn)).toEqual(parameterArn(name));
  });

  it('names the parameter (never a value) to the sync, the links function, the poller and the notifier', () => {
    for (const fn of [...READERS, 'GuardRegistrySync']) {
      const env = environmentOf(synth, fn);
      expect(env).toMatchObject({ RENEWAL_GUARD_LINK_PARAMETER_NAME: name });
      expect(env).not.toHaveProperty('RENEWAL_GUARD_LINK_SECRET_NAME');
    }
  });

  it('lets the sync get and put exactly that parameter, and the readers only get it', () => {
    const arn = parameterArn(name);
    expect(grantsOn(synth, 'GuardRegistrySyncRole', arn)).toEqual([[['ssm:GetParameter', 'ssm:PutParameter'], [arn]]]);
    for (const role of ['GuardLinksRole', 'GuardPollerRole', 'GuardNotifierRole']) {
      expect(grantsOn(synth, role, arn)).toEqual([[['ssm:GetParameter'], [arn]]]);
    }
  });

  it('grants PutParameter to the sync alone, on nothing but the parameter, and no key use for it', () => {
    const arn = JSON.stringify(parameterArn(name));
    for (const role of ROLES) {
      for (const s of statementsOf(synth, role)) {
        const actions = [s.Action].flat();
        if (actions.includes('ssm:PutParameter')) {
          expect(role).toBe('GuardRegistrySyncRole');
          expect([s.Resource].flat().map((r) => JSON.stringify(r))).toEqual([arn]);
        }
      }
    }
    // aws/ssm lets the account's principals encrypt and decrypt through Parameter Store: no kms statement
    expect(statementsOf(synth, 'GuardRegistrySyncRole').flatMap((s) => [s.Action].flat())).not.toContainEqual(
      expect.stringMatching(/^kms:/),
    );
  });

  it('passes the name to the sync custom resource, so a guard that gains the parameter syncs on that deploy', () => {
    const resource = logicalId(synth.template, 'Custom::RenewalGuardRegistrySync', 'GuardRegistrySyncOnDeploy');
    expect(synth.template.toJSON().Resources[resource].Properties).toMatchObject({ LinkParameter: name });
  });

  it('creates or updates every function that reads the parameter only after the sync has created it', () => {
    const resource = logicalId(synth.template, 'Custom::RenewalGuardRegistrySync', 'GuardRegistrySyncOnDeploy');
    for (const fn of READERS) {
      const id = logicalId(synth.template, 'AWS::Lambda::Function', fn);
      expect(synth.template.toJSON().Resources[id].DependsOn).toContain(resource);
    }
  });
});

describe('where the lean profile keeps Secrets Manager for the link secret', () => {
  it('reads a linkSecret the user gives from Secrets Manager, and creates no parameter', () => {
    const synth = synthGuard((stack) => ({
      ...LEAN,
      linkSecret: secretsmanager.Secret.fromSecretNameV2(stack, 'Links', 'team/links'),
    }));

    expect(synth.guard.linkParameterName).toBeUndefined();
    expect(environmentOf(synth, 'GuardLinks')).toMatchObject({ RENEWAL_GUARD_LINK_SECRET_NAME: 'team/links' });
    for (const fn of [...READERS, 'GuardRegistrySync']) {
      expect(environmentOf(synth, fn)).not.toHaveProperty('RENEWAL_GUARD_LINK_PARAMETER_NAME');
    }
    expect(
      statementsOf(synth, 'GuardRegistrySyncRole')
        .flatMap((s) => [s.Action].flat())
        .filter((a) => a.startsWith('ssm:')),
    ).toEqual([]);
  });

  it('keeps the generated secrets of the secure default, and tells no function of a parameter', () => {
    const synth = synthGuard({ configFile: fixture('ssm-credentials.yaml') });

    synth.template.resourceCountIs('AWS::SecretsManager::Secret', 2);
    expect(synth.guard.linkParameterName).toBeUndefined();
    for (const fn of [...READERS, 'GuardRegistrySync']) {
      expect(environmentOf(synth, fn)).not.toHaveProperty('RENEWAL_GUARD_LINK_PARAMETER_NAME');
    }
    const resource = logicalId(synth.template, 'Custom::RenewalGuardRegistrySync', 'GuardRegistrySyncOnDeploy');
    expect(synth.template.toJSON().Resources[resource].Properties).not.toHaveProperty('LinkParameter');
  });
});

describe('RenewalGuardStack with the lean profile', () => {
  it('outputs the parameter as LinkSecretArn, with the command that prints the feed token', () => {
    const stack = new RenewalGuardStack(new App(), 'RenewalGuard', {
      ...LEAN,
      env: { account: '111111111111', region: 'ap-southeast-1' },
    });

    const outputs = Template.fromStack(stack).toJSON().Outputs;
    expect(Object.keys(outputs)).toEqual(['GuardName', 'LinksUrl', 'LinkSecretArn']);
    expect(outputs.LinkSecretArn.Value).toEqual(parameterArn(`/renewal-guard/${stack.guard.guardName}/links`));
    expect(outputs.LinkSecretArn.Description).toMatch(
      /^SecureString parameter holding the calendar feedToken .*aws ssm get-parameter --with-decryption --name <LinkSecretArn>$/,
    );
  });
});
