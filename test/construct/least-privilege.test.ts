import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { VendorAccount } from '../../src';
import { fixture, logicalId, synthGuard, SynthesizedGuard } from './support/guard-stack';

interface Statement {
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** Every statement of the inline policies attached to a role. */
function statementsOf(synth: SynthesizedGuard, rolePrefix: string): Statement[] {
  const role = logicalId(synth.template, 'AWS::IAM::Role', rolePrefix);
  return Object.values(synth.template.findResources('AWS::IAM::Policy'))
    .filter((p) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: role })))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

function secretArn(name: string): unknown {
  return {
    'Fn::Join': [
      '',
      ['arn:', { Ref: 'AWS::Partition' }, `:secretsmanager:ap-southeast-1:111111111111:secret:${name}-??????`],
    ],
  };
}

describe('least privilege', () => {
  let synth: SynthesizedGuard;
  beforeAll(() => {
    synth = synthGuard((stack) => ({
      configFile: fixture('guard.yaml'),
      accounts: [
        VendorAccount.twilio({
          accountId: 'twilio-main',
          credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'Twilio', 'renewal-guard/twilio-main'),
        }),
      ],
    }));
  });

  it('lets the poller read exactly the credentials secrets of the polled accounts', () => {
    const secretStatements = statementsOf(synth, 'GuardPollerRole').filter((s) =>
      actionsOf([s]).some((a) => a.startsWith('secretsmanager:')),
    );

    const resources = secretStatements.flatMap((st) => (Array.isArray(st.Resource) ? st.Resource : [st.Resource]));
    expect(resources).toEqual([
      secretArn('renewal-guard/agora-main'),
      secretArn('renewal-guard/tencent-trtc'),
      secretArn('renewal-guard/twilio-main'),
    ]);
    expect(new Set(actionsOf(secretStatements))).toEqual(
      new Set(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret']),
    );
  });

  it('gives no other role any access to Secrets Manager', () => {
    const others = Object.values(synth.template.findResources('AWS::IAM::Policy'))
      .filter((p) => !JSON.stringify(p.Properties.Roles).includes('GuardPollerRole'))
      .flatMap((p) => actionsOf(p.Properties.PolicyDocument.Statement));
    expect(others.filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
  });

  it('lets the registry sync read and write the registry, and nothing more', () => {
    const actions = actionsOf(statementsOf(synth, 'GuardRegistrySyncRole'));

    expect(
      actions.filter((a) => !a.startsWith('dynamodb:') && !a.startsWith('kms:') && !a.startsWith('logs:')),
    ).toEqual([]);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:Query', 'logs:PutLogEvents']));
  });

  it('lets the poller publish alerts, put events and use the registry, and nothing else', () => {
    const services = new Set(actionsOf(statementsOf(synth, 'GuardPollerRole')).map((a) => a.split(':')[0]));
    expect([...services].sort()).toEqual(['dynamodb', 'events', 'kms', 'logs', 'secretsmanager', 'sns', 'sqs']);
  });

  it('lets the scheduler invoke the poller and dead-letter, and nothing else', () => {
    const poller = logicalId(synth.template, 'AWS::Lambda::Function', 'GuardPoller');
    expect(statementsOf(synth, 'GuardSchedulerRole')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          Action: 'lambda:InvokeFunction',
          Resource: [
            { 'Fn::GetAtt': [poller, 'Arn'] },
            { 'Fn::Join': ['', [{ 'Fn::GetAtt': [poller, 'Arn'] }, ':*']] },
          ],
        }),
      ]),
    );
    expect(actionsOf(statementsOf(synth, 'GuardSchedulerRole')).sort()).toEqual([
      'kms:Decrypt',
      'kms:GenerateDataKey',
      'lambda:InvokeFunction',
      'sqs:SendMessage',
    ]);
  });

  it('attaches no managed policy to any role', () => {
    const roles = Object.values(synth.template.findResources('AWS::IAM::Role'));
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.filter((r) => r.Properties.ManagedPolicyArns !== undefined)).toEqual([]);
  });
});
