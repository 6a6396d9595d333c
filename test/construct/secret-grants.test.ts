import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AwsSolutionsChecks } from 'cdk-nag';
import { RenewalGuard, VendorAccount } from '../../src';
import { logicalId, synthGuard, SynthesizedGuard } from './support/guard-stack';
import { importedSecretArn, statementsOf } from './support/policies';
import { secretPrefixArn, secretResources } from './support/secret-statements';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-secret-grants-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A config file of `names.length` polled accounts, the i-th reading the secret named `names[i]`. */
function configFile(label: string, names: readonly string[], channels: readonly object[] = []): string {
  const file = path.join(dir, `${label}.json`);
  const document = {
    version: 1,
    accounts: names.map((credentials, i) => ({
      id: `acct-${String(i).padStart(4, '0')}`,
      vendor: 'agora',
      credentials,
    })),
    services: [],
    channels,
  };
  fs.writeFileSync(file, JSON.stringify(document));
  return file;
}

function prefixedNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `renewal-guard/acct-${String(i).padStart(4, '0')}`);
}

function resourceTypes(synth: SynthesizedGuard): string[] {
  return Object.values(synth.template.toJSON().Resources as Record<string, { Type: string }>)
    .map((r) => r.Type)
    .sort();
}

function secretStatements(synth: SynthesizedGuard, role: string) {
  return statementsOf(synth, role).filter((s) => [s.Action].flat().some((a) => a.startsWith('secretsmanager:')));
}

describe('vendor secret grants', () => {
  describe('with every name under the documented prefix', () => {
    let ten: SynthesizedGuard;
    let thousand: SynthesizedGuard;
    beforeAll(() => {
      ten = synthGuard({ configFile: configFile('ten', prefixedNames(10)) });
      thousand = synthGuard({ configFile: configFile('thousand', prefixedNames(1000)) });
    });

    it('synthesizes the same resources for 1,000 accounts as for 10, and no managed policy', () => {
      expect(resourceTypes(thousand)).toEqual(resourceTypes(ten));
      expect(Object.keys(thousand.template.findResources('AWS::IAM::ManagedPolicy'))).toEqual([]);
    });

    it('gives the poller one statement on renewal-guard/* for all 1,000, with the read actions of grantRead', () => {
      expect(
        secretStatements(thousand, 'GuardPollerRole').filter((s) => !JSON.stringify(s).includes('LinkSecret')),
      ).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          Resource: secretPrefixArn('renewal-guard/'),
        }),
      ]);
      expect(JSON.stringify(thousand.template.toJSON())).not.toContain('acct-0999');
    });

    it('gives no role but the poller anything under the prefix', () => {
      const poller = logicalId(thousand.template, 'AWS::IAM::Role', 'GuardPollerRole');
      const policies = Object.values(thousand.template.findResources('AWS::IAM::Policy'));
      const others = policies.filter((p) => JSON.stringify(p.Properties.Roles) !== JSON.stringify([{ Ref: poller }]));

      expect(others.length).toBeGreaterThan(1);
      expect(JSON.stringify(others)).not.toContain('secret:renewal-guard/');
    });
  });

  it('grants names outside the prefix one by one, next to the one prefix statement', () => {
    const synth = synthGuard({
      configFile: configFile('mixed', ['renewal-guard/a', 'prod/agora-eu', 'renewal-guard/b', 'legacy-tencent']),
    });

    expect(
      secretResources(synth, 'GuardPollerRole', 'Allow').filter((r) => !JSON.stringify(r).includes('Link')),
    ).toEqual([
      importedSecretArn('prod/agora-eu'),
      importedSecretArn('legacy-tencent'),
      secretPrefixArn('renewal-guard/'),
    ]);
  });

  it('grants no wildcard when no name is under the prefix', () => {
    const synth = synthGuard({ configFile: configFile('outside', ['prod/agora-eu']) });

    expect(JSON.stringify(statementsOf(synth, 'GuardPollerRole'))).not.toContain('secret:renewal-guard/*');
  });

  it('keeps a typed-props secret under the prefix granted by itself, with its KMS key', () => {
    let secretId = '';
    let keyId = '';
    const synth = synthGuard((stack) => {
      const key = new kms.Key(stack, 'TwilioKey', { enableKeyRotation: true });
      const secret = new secretsmanager.Secret(stack, 'TwilioSecret', {
        secretName: 'renewal-guard/twilio-main',
        encryptionKey: key,
      });
      keyId = stack.getLogicalId(key.node.defaultChild as kms.CfnKey);
      secretId = stack.getLogicalId(secret.node.defaultChild as secretsmanager.CfnSecret);
      return {
        configFile: configFile('typed', ['renewal-guard/a']),
        accounts: [VendorAccount.twilio({ accountId: 'twilio-main', credentials: secret })],
      };
    });

    expect(
      secretResources(synth, 'GuardPollerRole', 'Allow').filter((r) => !JSON.stringify(r).includes('Link')),
    ).toEqual([{ Ref: secretId }, secretPrefixArn('renewal-guard/')]);
    const poller = logicalId(synth.template, 'AWS::IAM::Role', 'GuardPollerRole');
    expect(synth.template.toJSON().Resources[keyId].Properties.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({ Action: 'kms:Decrypt', Principal: { AWS: { 'Fn::GetAtt': [poller, 'Arn'] } } }),
    );
  });

  it('denies the poller the channel secrets under its prefix, unless an account reads the same secret', () => {
    const synth = synthGuard({
      configFile: configFile(
        'channels',
        ['renewal-guard/a', 'renewal-guard/shared'],
        [
          { id: 'team-chat', type: 'dingtalk', secret: 'renewal-guard/dingtalk-team' },
          { id: 'hooks', type: 'webhook', secret: 'hooks/signing' },
          { id: 'both', type: 'slack', secret: 'renewal-guard/shared' },
        ],
      ),
    });

    expect(secretResources(synth, 'GuardPollerRole', 'Deny')).toEqual([
      importedSecretArn('renewal-guard/dingtalk-team'),
    ]);
    expect(
      secretResources(synth, 'GuardNotifierRole', 'Allow').filter((r) => !JSON.stringify(r).includes('Link')),
    ).toEqual([
      importedSecretArn('renewal-guard/dingtalk-team'),
      importedSecretArn('hooks/signing'),
      importedSecretArn('renewal-guard/shared'),
    ]);
    expect(secretResources(synth, 'GuardNotifierRole', 'Deny')).toEqual([]);
  });

  it('is cdk-nag clean in a stack of unknown account and region, suppressing only the exact prefix', () => {
    const app = new App();
    const stack = new Stack(app, 'AnyEnv');
    new RenewalGuard(stack, 'Guard', { configFile: configFile('any-env', prefixedNames(3)) });
    Aspects.of(stack).add(new AwsSolutionsChecks());

    const template = Template.fromStack(stack);
    const annotations = Annotations.fromStack(stack);
    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*'))).toEqual([]);
    const suppressions = JSON.stringify(template.findResources('AWS::IAM::Policy'));
    expect(suppressions).toContain(
      '"Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:renewal-guard/*"',
    );
  });
});
