import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AlertChannel, VendorAccount } from '../../src';
import { fixture, logicalId, synthGuard, SynthesizedGuard } from './support/guard-stack';
import { actionsOf, importedSecretArn, secretsReadBy, statementsOf } from './support/policies';
import { secretPrefixArn, secretResources } from './support/secret-statements';

describe('least privilege', () => {
  let synth: SynthesizedGuard;
  let linkSecret: unknown;
  beforeAll(() => {
    synth = synthGuard((stack) => ({
      configFile: fixture('guard.yaml'),
      accounts: [
        VendorAccount.twilio({
          accountId: 'twilio-main',
          credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'Twilio', 'renewal-guard/twilio-main'),
        }),
      ],
      channels: [
        AlertChannel.dingTalk({
          channelId: 'team-chat',
          secret: secretsmanager.Secret.fromSecretNameV2(stack, 'DingTalk', 'renewal-guard/dingtalk-team'),
        }),
        AlertChannel.pagerDuty({
          channelId: 'oncall',
          secret: secretsmanager.Secret.fromSecretNameV2(stack, 'PagerDuty', 'renewal-guard/pagerduty'),
        }),
      ],
    }));
    linkSecret = { Ref: logicalId(synth.template, 'AWS::SecretsManager::Secret', 'GuardLinkSecret') };
  });

  it('lets the poller read the credentials secrets of the polled accounts and the link secret, not the channel secrets', () => {
    // the config's names (agora-main, tencent-trtc) by their documented prefix, the typed props' secret by itself
    expect(secretResources(synth, 'GuardPollerRole', 'Allow')).toEqual([
      importedSecretArn('renewal-guard/twilio-main'),
      secretPrefixArn('renewal-guard/'),
      linkSecret,
    ]);
    expect(secretResources(synth, 'GuardPollerRole', 'Deny')).toEqual([
      importedSecretArn('renewal-guard/dingtalk-team'),
      importedSecretArn('renewal-guard/pagerduty'),
    ]);
    const secretActions = actionsOf(statementsOf(synth, 'GuardPollerRole')).filter((a) =>
      a.startsWith('secretsmanager:'),
    );
    expect(new Set(secretActions)).toEqual(new Set(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret']));
  });

  it('reads secrets under the prefix only when they are tagged as this guard’s, not another guard’s', () => {
    const prefixStatements = statementsOf(synth, 'GuardPollerRole').filter(
      (s) => JSON.stringify(s.Resource) === JSON.stringify(secretPrefixArn('renewal-guard/')),
    );
    expect(prefixStatements).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Condition: {
          StringEquals: { 'secretsmanager:ResourceTag/renewal-guard:guard': synth.guard.guardName },
        },
      }),
    ]);
  });

  it('lets the notifier read exactly the secrets of its channels and the link secret, no vendor credentials', () => {
    expect(secretsReadBy(synth, 'GuardNotifierRole')).toEqual([
      importedSecretArn('renewal-guard/dingtalk-team'),
      importedSecretArn('renewal-guard/pagerduty'),
      linkSecret,
    ]);
  });

  it('lets the links function read the link secret and nothing else in Secrets Manager', () => {
    expect(secretsReadBy(synth, 'GuardLinksRole')).toEqual([linkSecret]);
  });

  it('gives no other role any access to Secrets Manager', () => {
    const readers = ['GuardPollerRole', 'GuardNotifierRole', 'GuardLinksRole'].map((r) =>
      logicalId(synth.template, 'AWS::IAM::Role', r),
    );
    const others = Object.values(synth.template.findResources('AWS::IAM::Policy'))
      .filter((p) => !readers.some((r) => JSON.stringify(p.Properties.Roles).includes(r)))
      .flatMap((p) => actionsOf(p.Properties.PolicyDocument.Statement));
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((a) => a.startsWith('secretsmanager:'))).toEqual([]);
  });

  it('lets the registry sync read and write the registry, and nothing more', () => {
    const actions = actionsOf(statementsOf(synth, 'GuardRegistrySyncRole'));

    expect(
      actions.filter((a) => !a.startsWith('dynamodb:') && !a.startsWith('kms:') && !a.startsWith('logs:')),
    ).toEqual([]);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:Query', 'logs:PutLogEvents']));
  });

  describe('on the registry, each function may do what it does and nothing more', () => {
    const registryStatements = (role: string) => {
      const table = logicalId(synth.template, 'AWS::DynamoDB::Table', 'GuardRegistry');
      return statementsOf(synth, role)
        .filter((s) => JSON.stringify(s.Resource).includes(table))
        .map((s) => ({
          actions: actionsOf([s]).sort(),
          leadingKeys: (s.Condition as Record<string, Record<string, string[]>> | undefined)?.[
            'ForAllValues:StringLike'
          ]?.['dynamodb:LeadingKeys'],
        }));
    };

    it('never scans, deletes or describes the table, whichever the function', () => {
      const all = ['GuardPollerRole', 'GuardRegistrySyncRole', 'GuardNotifierRole', 'GuardLinksRole'].flatMap((r) =>
        registryStatements(r).flatMap((s) => s.actions),
      );
      expect(all.length).toBeGreaterThan(0);
      expect(all.filter((a) => /Scan|Delete|DescribeTable|ConditionCheck|GetRecords|GetShardIterator/.test(a))).toEqual(
        [],
      );
    });

    it('lets the public links function get and put acknowledgements, and list services and accounts, only', () => {
      expect(registryStatements('GuardLinksRole')).toEqual([
        { actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], leadingKeys: ['ACK#*'] },
        { actions: ['dynamodb:Query'], leadingKeys: ['SERVICE', 'ACCOUNT'] },
      ]);
    });

    it('lets the links function decrypt with the key, never encrypt', () => {
      const kms = actionsOf(statementsOf(synth, 'GuardLinksRole')).filter((a) => a.startsWith('kms:'));
      expect(new Set(kms)).toEqual(new Set(['kms:Decrypt', 'kms:DescribeKey']));
    });

    it('lets the notifier read and update ledger entries only', () => {
      expect(registryStatements('GuardNotifierRole')).toEqual([
        { actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'], leadingKeys: ['ALERT#*'] },
      ]);
    });

    it('lets the sync query and update the service partition only', () => {
      expect(registryStatements('GuardRegistrySyncRole')).toEqual([
        { actions: ['dynamodb:Query', 'dynamodb:UpdateItem'], leadingKeys: ['SERVICE'] },
      ]);
    });

    it('lets the poller read and write items and query the outbox index, without scanning or deleting', () => {
      expect(registryStatements('GuardPollerRole')).toEqual([
        {
          actions: [
            'dynamodb:BatchGetItem',
            'dynamodb:BatchWriteItem',
            'dynamodb:GetItem',
            'dynamodb:PutItem',
            'dynamodb:Query',
            'dynamodb:UpdateItem',
          ],
          leadingKeys: undefined,
        },
      ]);
    });
  });

  it('lets the poller publish alerts, put events and use the registry, and nothing else', () => {
    const services = new Set(actionsOf(statementsOf(synth, 'GuardPollerRole')).map((a) => a.split(':')[0]));
    expect([...services].sort()).toEqual(['dynamodb', 'events', 'kms', 'logs', 'secretsmanager', 'sns', 'sqs']);
  });

  it('lets the notifier record deliveries and dead-letter, but neither publish alerts nor put events', () => {
    const actions = actionsOf(statementsOf(synth, 'GuardNotifierRole'));

    expect([...new Set(actions.map((a) => a.split(':')[0]))].sort()).toEqual([
      'dynamodb',
      'kms',
      'logs',
      'secretsmanager',
      'sqs',
    ]);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:UpdateItem', 'dynamodb:GetItem', 'sqs:SendMessage']));
  });

  it('lets the links function use the registry and read its secret, and nothing else', () => {
    const services = new Set(actionsOf(statementsOf(synth, 'GuardLinksRole')).map((a) => a.split(':')[0]));
    expect([...services].sort()).toEqual(['dynamodb', 'kms', 'logs', 'secretsmanager']);
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
