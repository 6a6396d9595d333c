/**
 * No secret value in the synthesized template or in a Lambda environment variable (contract 2.1): a
 * guard with every vendor and every channel kind, their secrets imported by name, by full ARN and
 * created in the stack. The template may name and point at secrets; it must never hold or resolve one.
 *
 * Signed acknowledge links (tampering, expiry, another alert's claims, replay) are proven in
 * test/core/ack/ack-token.test.ts and test/handlers/ack-and-calendar.test.ts and not repeated here.
 */
import { Stack } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AlertChannel, VendorAccount } from '../../src';
import { synthGuard, type SynthesizedGuard } from '../construct/support/guard-stack';

let synth: SynthesizedGuard;
beforeAll(() => {
  synth = synthGuard((stack: Stack) => {
    let n = 0;
    const byName = (name: string) => secretsmanager.Secret.fromSecretNameV2(stack, `S${++n}`, `renewal-guard/${name}`);
    const byArn = (name: string) =>
      secretsmanager.Secret.fromSecretCompleteArn(
        stack,
        `S${++n}`,
        `arn:aws:secretsmanager:ap-southeast-1:111111111111:secret:renewal-guard/${name}-AbCdEf`,
      );
    const owned = (name: string) =>
      new secretsmanager.Secret(stack, `S${++n}`, { secretName: `renewal-guard/${name}` });
    return {
      accounts: [
        VendorAccount.manual({ accountId: 'contracts' }),
        VendorAccount.agora({ accountId: 'agora', credentials: byName('agora') }),
        VendorAccount.tencent({ accountId: 'tencent', credentials: byArn('tencent') }),
        VendorAccount.alibaba({ accountId: 'alibaba', credentials: owned('alibaba') }),
        VendorAccount.twilio({ accountId: 'twilio', credentials: byName('twilio') }),
        VendorAccount.huawei({ accountId: 'huawei', credentials: byArn('huawei') }),
        VendorAccount.vonage({ accountId: 'vonage', credentials: owned('vonage') }),
        VendorAccount.httpJson({
          accountId: 'reseller',
          credentials: byName('reseller'),
          endpoint: 'https://billing.example.com',
          balancePath: 'data.balance',
          currency: 'USD',
        }),
      ],
      channels: [
        AlertChannel.email({ channelId: 'email', to: ['ops@example.com'] }),
        AlertChannel.sms({ channelId: 'sms', to: ['+8613900000000'] }),
        AlertChannel.dingTalk({ channelId: 'dingtalk', secret: byName('dingtalk') }),
        AlertChannel.feishu({ channelId: 'feishu', secret: byArn('feishu') }),
        AlertChannel.weCom({ channelId: 'wecom', secret: owned('wecom') }),
        AlertChannel.slack({ channelId: 'slack', secret: byName('slack') }),
        AlertChannel.teams({ channelId: 'teams', secret: byArn('teams') }),
        AlertChannel.webhook({ channelId: 'webhook', secret: owned('webhook') }),
        AlertChannel.pagerDuty({ channelId: 'pagerduty', secret: byName('pagerduty') }),
      ],
    };
  });
});

function resources(type: string): [string, Record<string, any>][] {
  return Object.entries(synth.template.findResources(type));
}

describe('the synthesized template', () => {
  it('resolves no secret anywhere: no dynamic reference to Secrets Manager or a SecureString', () => {
    const text = JSON.stringify(synth.template.toJSON());
    expect(text.match(/\{\{resolve:(secretsmanager|ssm-secure):[^}]*\}\}/g) ?? []).toEqual([]);
  });

  it('creates secrets only with generated values, never with a value written into the template', () => {
    const secrets = resources('AWS::SecretsManager::Secret');
    expect(secrets.length).toBeGreaterThan(0);
    for (const [, secret] of secrets) {
      expect(Object.keys(secret.Properties ?? {})).not.toContain('SecretString');
    }
  });

  it('gives functions environment variables that point at resources, and plain text only for fixed settings', () => {
    const template = synth.template.toJSON().Resources as Record<string, { Type: string }>;
    const variables = resources('AWS::Lambda::Function').flatMap(([id, fn]) =>
      Object.entries((fn.Properties.Environment?.Variables ?? {}) as Record<string, unknown>).map(([name, value]) => ({
        id,
        name,
        value,
      })),
    );
    // Plain text is allowed for these settings only; everything else must be a Ref or GetAtt of a resource
    const plain = variables.filter((v) => typeof v.value === 'string').map((v) => v.name);
    expect([...new Set(plain)].sort()).toEqual([
      'NODE_OPTIONS',
      'POWERTOOLS_SERVICE_NAME',
      'RENEWAL_GUARD_DETAILED_METRICS',
      'RENEWAL_GUARD_NAME',
    ]);
    const pointers = variables.filter((v) => typeof v.value !== 'string');
    const unresolved = pointers.filter((v) => !(targetOf(v.value) in template)).map((v) => `${v.id}.${v.name}`);
    expect(unresolved).toEqual([]);
    // A secret is reached by its ARN (a secret's Ref), never by value
    const secretVariables = variables.filter((v) => /SECRET|TOKEN|KEY|PASSWORD|CREDENTIAL/.test(v.name));
    expect(secretVariables.map((v) => [v.name, template[targetOf(v.value)]?.Type])).toEqual(
      secretVariables.map((v) => [v.name, 'AWS::SecretsManager::Secret']),
    );
    expect(secretVariables.length).toBeGreaterThan(0);
  });
});

/** The logical id a `{ Ref }` or `{ Fn::GetAtt }` points at; '' for anything else. */
function targetOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const v = value as { Ref?: unknown; 'Fn::GetAtt'?: unknown };
  if (typeof v.Ref === 'string') return v.Ref;
  if (Array.isArray(v['Fn::GetAtt']) && typeof v['Fn::GetAtt'][0] === 'string') return v['Fn::GetAtt'][0];
  return '';
}
