import { Match } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AlertChannel } from '../../src';
import { fixture, logicalId, synthGuard, SynthesizedGuard } from './support/guard-stack';
import { secretsReadBy } from './support/policies';

function functionEnv(synth: SynthesizedGuard, prefix: string): Record<string, unknown> {
  const id = logicalId(synth.template, 'AWS::Lambda::Function', prefix);
  return synth.template.toJSON().Resources[id].Properties.Environment.Variables;
}

/** The roles, by construct path, that may read a secret. */
function readersOf(synth: SynthesizedGuard, secretArn: unknown): string[] {
  return ['GuardPollerRole', 'GuardRegistrySyncRole', 'GuardNotifierRole', 'GuardLinksRole'].filter((role) => {
    const found = Object.keys(synth.template.findResources('AWS::IAM::Role')).some((id) => id.startsWith(role));
    return found && secretsReadBy(synth, role).some((r) => JSON.stringify(r) === JSON.stringify(secretArn));
  });
}

describe('acknowledge links and the calendar feed', () => {
  let synth: SynthesizedGuard;
  let links: string;
  let url: string;
  let linkSecret: string;
  let seed: string;
  beforeAll(() => {
    synth = synthGuard({ configFile: fixture('guard.yaml') });
    links = logicalId(synth.template, 'AWS::Lambda::Function', 'GuardLinks');
    url = logicalId(synth.template, 'AWS::Lambda::Url', 'GuardLinksFunctionUrl');
    linkSecret = logicalId(synth.template, 'AWS::SecretsManager::Secret', 'GuardLinkSecret');
    seed = logicalId(synth.template, 'AWS::SecretsManager::Secret', 'GuardFeedTokenSeed');
  });

  it('are served by ack-and-calendar behind a function URL without IAM auth and without CORS', () => {
    expect(synth.template.toJSON().Resources[url].Properties).toEqual({
      AuthType: 'NONE',
      TargetFunctionArn: { 'Fn::GetAtt': [links, 'Arn'] },
    });
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'ack-and-calendar/index.handler',
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Timeout: 30,
      ReservedConcurrentExecutions: 5,
    });
  });

  it('let anyone call the URL, and only through the URL, since the tokens are the credentials', () => {
    const permissions = Object.values(synth.template.findResources('AWS::Lambda::Permission'))
      .map((p) => p.Properties)
      .filter((p) => JSON.stringify(p.FunctionName).includes(links));

    expect(permissions).toEqual([
      {
        Action: 'lambda:InvokeFunctionUrl',
        FunctionName: { 'Fn::GetAtt': [links, 'Arn'] },
        FunctionUrlAuthType: 'NONE',
        Principal: '*',
      },
      {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [links, 'Arn'] },
        Principal: '*',
        InvokedViaFunctionUrl: true,
      },
    ]);
  });

  it('name the link secret to the links function, with the registry', () => {
    expect(functionEnv(synth, 'GuardLinks')).toEqual({
      RENEWAL_GUARD_REGISTRY_TABLE: { Ref: logicalId(synth.template, 'AWS::DynamoDB::Table', 'GuardRegistry') },
      RENEWAL_GUARD_LINK_SECRET_NAME: { Ref: linkSecret },
      POWERTOOLS_SERVICE_NAME: 'renewal-guard',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it('give the poller the base URL and the link secret, so its messages carry signed links', () => {
    expect(functionEnv(synth, 'GuardPoller')).toMatchObject({
      RENEWAL_GUARD_ACK_BASE_URL: { 'Fn::GetAtt': [url, 'FunctionUrl'] },
      RENEWAL_GUARD_LINK_SECRET_NAME: { Ref: linkSecret },
    });
  });

  it('generate both values of the link secret in Secrets Manager, encrypted with the guard key', () => {
    const key = { 'Fn::GetAtt': [logicalId(synth.template, 'AWS::KMS::Key', 'GuardKey'), 'Arn'] };
    expect(synth.template.toJSON().Resources[linkSecret].Properties).toEqual({
      Description:
        'RenewalGuard GuardStack/Guard: linkSigningKey signs acknowledge links, feedToken opens the calendar feed',
      KmsKeyId: key,
      GenerateSecretString: {
        SecretStringTemplate: {
          'Fn::Join': ['', ['{"feedToken":"{{resolve:secretsmanager:', { Ref: seed }, ':SecretString:::}}"}']],
        },
        GenerateStringKey: 'linkSigningKey',
        PasswordLength: 64,
        ExcludePunctuation: true,
        IncludeSpace: false,
      },
    });
    expect(synth.template.toJSON().Resources[seed].Properties).toMatchObject({
      KmsKeyId: key,
      GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true, IncludeSpace: false },
    });
  });

  it('put no secret value in the template', () => {
    const secrets = Object.values(synth.template.findResources('AWS::SecretsManager::Secret'));

    expect(secrets).toHaveLength(2);
    expect(secrets.filter((s) => s.Properties.SecretString !== undefined)).toEqual([]);
  });

  it('let the links function and the poller read the link secret, and the seed nobody', () => {
    expect(readersOf(synth, { Ref: linkSecret })).toEqual(['GuardPollerRole', 'GuardLinksRole']);
    expect(readersOf(synth, { Ref: seed })).toEqual([]);
  });

  it('are exposed: the function, its URL and the secret', () => {
    expect(synth.stack.resolve(synth.guard.linksUrl)).toEqual({ 'Fn::GetAtt': [url, 'FunctionUrl'] });
    expect(synth.stack.resolve(synth.guard.linksFunction!.functionArn)).toEqual({ 'Fn::GetAtt': [links, 'Arn'] });
    expect(synth.stack.resolve(synth.guard.linkSecret!.secretArn)).toEqual({ Ref: linkSecret });
  });
});

describe('link options', () => {
  it('are not deployed when the config has no channel: nobody would receive a link', () => {
    const synth = synthGuard();

    synth.template.resourceCountIs('AWS::Lambda::Url', 0);
    synth.template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    expect(Object.keys(functionEnv(synth, 'GuardPoller'))).not.toContain('RENEWAL_GUARD_ACK_BASE_URL');
    expect(synth.guard.linksUrl).toBeUndefined();
    expect(synth.guard.linkSecret).toBeUndefined();
    expect(synth.guard.linksFunction).toBeUndefined();
  });

  it('serve the calendar feed without channels when linksEnabled is true', () => {
    const synth = synthGuard({ linksEnabled: true });

    synth.template.resourceCountIs('AWS::Lambda::Url', 1);
    expect(synth.guard.linksUrl).toBeDefined();
  });

  it('are left out with linksEnabled false, and messages then carry no link', () => {
    const synth = synthGuard({ configFile: fixture('guard.yaml'), linksEnabled: false });

    synth.template.resourceCountIs('AWS::Lambda::Url', 0);
    expect(Object.keys(functionEnv(synth, 'GuardPoller'))).not.toContain('RENEWAL_GUARD_LINK_SECRET_NAME');
  });

  it('use a link secret brought by the user, named to every function that signs or verifies links', () => {
    const synth = synthGuard((stack) => ({
      linkSecret: secretsmanager.Secret.fromSecretNameV2(stack, 'Links', 'renewal-guard/links'),
      channels: [
        AlertChannel.feishu({
          channelId: 'feishu',
          secret: secretsmanager.Secret.fromSecretNameV2(stack, 'Feishu', 'renewal-guard/feishu'),
        }),
      ],
    }));
    const arn = {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':secretsmanager:ap-southeast-1:111111111111:secret:renewal-guard/links-??????',
        ],
      ],
    };

    synth.template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    for (const fn of ['GuardLinks', 'GuardPoller', 'GuardNotifier']) {
      expect(functionEnv(synth, fn)).toMatchObject({ RENEWAL_GUARD_LINK_SECRET_NAME: 'renewal-guard/links' });
    }
    expect(readersOf(synth, arn)).toEqual(['GuardPollerRole', 'GuardNotifierRole', 'GuardLinksRole']);
  });

  it('deploy with a link secret alone, which asks for them', () => {
    const synth = synthGuard((stack) => ({
      linkSecret: secretsmanager.Secret.fromSecretNameV2(stack, 'Links', 'renewal-guard/links'),
    }));

    synth.template.resourceCountIs('AWS::Lambda::Url', 1);
  });

  it('refuse a link secret with linksEnabled false', () => {
    expect(() =>
      synthGuard((stack) => ({
        linksEnabled: false,
        linkSecret: secretsmanager.Secret.fromSecretNameV2(stack, 'Links', 'renewal-guard/links'),
      })),
    ).toThrow(
      'invalid RenewalGuard config:\n  linkSecret: given while linksEnabled is false, so nothing would read it; remove one of the two',
    );
  });

  it('name a secret brought by complete ARN by that ARN', () => {
    const arn = 'arn:aws:secretsmanager:ap-southeast-1:111111111111:secret:renewal-guard/links-AbCdEf';
    const synth = synthGuard((stack) => ({
      linksEnabled: true,
      linkSecret: secretsmanager.Secret.fromSecretCompleteArn(stack, 'Links', arn),
    }));

    expect(functionEnv(synth, 'GuardLinks')).toMatchObject({ RENEWAL_GUARD_LINK_SECRET_NAME: arn });
    synth.template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Resource: arn })]) },
    });
  });
});
