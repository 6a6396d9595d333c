import { SecretValue } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { VendorAccount, VendorSite } from '../../src';
import { logicalId, stagedConfig, synthGuard } from './support/guard-stack';

const SECRET_VALUE = 'f3a9c1e07b5d4e2a9c8b7a6f5e4d3c2b';

describe('vendor accounts', () => {
  it('stage each account with its vendor, secret name, endpoint, balance policy and vendor extras', () => {
    const synth = synthGuard((stack) => {
      const secret = (name: string) => secretsmanager.Secret.fromSecretNameV2(stack, name, `renewal-guard/${name}`);
      return {
        accounts: [
          VendorAccount.manual({ accountId: 'contracts' }),
          VendorAccount.agora({
            accountId: 'agora-main',
            credentials: secret('agora-main'),
            endpoint: 'https://api.sd-rtn.com',
            balance: { minRunwayDays: 14, minAmount: 500 },
            appIds: ['app-one'],
          }),
          VendorAccount.tencent({
            accountId: 'tencent',
            credentials: secret('tencent'),
            site: VendorSite.INTL,
            sdkAppIds: ['1400000001'],
          }),
          VendorAccount.alibaba({ accountId: 'alibaba', credentials: secret('alibaba'), site: VendorSite.CN }),
          VendorAccount.twilio({ accountId: 'twilio', credentials: secret('twilio') }),
          VendorAccount.huawei({ accountId: 'huawei', credentials: secret('huawei') }),
          VendorAccount.vonage({ accountId: 'vonage', credentials: secret('vonage') }),
          VendorAccount.httpJson({
            accountId: 'reseller',
            credentials: secret('reseller'),
            endpoint: 'https://billing.example.com',
            balancePath: 'data.balance',
            currency: 'USD',
          }),
        ],
      };
    });

    expect(stagedConfig(synth).accounts).toEqual([
      { id: 'contracts', vendor: 'manual', options: {} },
      {
        id: 'agora-main',
        vendor: 'agora',
        credentials: 'renewal-guard/agora-main',
        endpoint: 'https://api.sd-rtn.com',
        balance: { minAmount: 500, minRunwayDays: 14 },
        options: { appIds: ['app-one'] },
      },
      {
        id: 'tencent',
        vendor: 'tencent',
        credentials: 'renewal-guard/tencent',
        options: { sdkAppIds: ['1400000001'], site: 'intl' },
      },
      { id: 'alibaba', vendor: 'alibaba', credentials: 'renewal-guard/alibaba', options: { site: 'cn' } },
      { id: 'twilio', vendor: 'twilio', credentials: 'renewal-guard/twilio', options: {} },
      { id: 'huawei', vendor: 'huawei', credentials: 'renewal-guard/huawei', options: {} },
      { id: 'vonage', vendor: 'vonage', credentials: 'renewal-guard/vonage', options: {} },
      {
        id: 'reseller',
        vendor: 'http-json',
        credentials: 'renewal-guard/reseller',
        endpoint: 'https://billing.example.com',
        options: { balancePath: 'data.balance', currency: 'USD' },
      },
    ]);
  });

  it('name a secret created in the same stack by its explicit secretName, and grant read on it with its key', () => {
    let secretId = '';
    let keyId = '';
    const synth = synthGuard((stack) => {
      const key = new kms.Key(stack, 'SecretKey', { enableKeyRotation: true });
      keyId = stack.getLogicalId(key.node.defaultChild as kms.CfnKey);
      const secret = new secretsmanager.Secret(stack, 'AgoraSecret', {
        secretName: 'renewal-guard/agora-owned',
        encryptionKey: key,
        secretObjectValue: { customerSecret: SecretValue.unsafePlainText(SECRET_VALUE) },
      });
      secretId = stack.getLogicalId(secret.node.defaultChild as secretsmanager.CfnSecret);
      return { accounts: [VendorAccount.agora({ accountId: 'agora-owned', credentials: secret })] };
    });

    expect(stagedConfig(synth).accounts[0].credentials).toBe('renewal-guard/agora-owned');
    const poller = logicalId(synth.template, 'AWS::IAM::Role', 'GuardPollerRole');
    synth.template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: poller }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
            Resource: { Ref: secretId },
          }),
        ]),
      },
    });
    const secretKey = synth.template.toJSON().Resources[keyId];
    expect(secretKey.Properties.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({ Action: 'kms:Decrypt', Principal: { AWS: { 'Fn::GetAtt': [poller, 'Arn'] } } }),
    );
  });

  it('never stage or pass a secret value, even when the secret is created next to the guard', () => {
    const synth = synthGuard((stack) => ({
      accounts: [
        VendorAccount.twilio({
          accountId: 'twilio',
          credentials: new secretsmanager.Secret(stack, 'TwilioSecret', {
            secretName: 'renewal-guard/twilio',
            secretObjectValue: { authToken: SecretValue.unsafePlainText(SECRET_VALUE) },
          }),
        }),
      ],
    }));

    expect(JSON.stringify(stagedConfig(synth))).not.toContain(SECRET_VALUE);
    const functions = Object.values(synth.template.findResources('AWS::Lambda::Function'));
    expect(functions).toHaveLength(2); // the poller and the sync: no chat channel, no links here
    expect(JSON.stringify(functions)).not.toContain(SECRET_VALUE);
    expect(JSON.stringify(synth.template.findResources('Custom::RenewalGuardRegistrySync'))).not.toContain(
      SECRET_VALUE,
    );
  });
});
