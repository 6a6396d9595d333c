import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ses from 'aws-cdk-lib/aws-ses';
import { AwsSolutionsChecks } from 'cdk-nag';
import { OwnerEmail, RenewalGuard, ServiceKind, Severity, type ServiceDeclaration } from '../../src';
import { describeFinding, lintTemplates } from './support/cfn-lint';
import { synthGuard } from './support/guard-stack';
import { nagFindings } from './support/nag-findings';
import { actionsOf, statementsOf, type Statement } from './support/policies';
import { ENV_SES_CONFIGURATION_SET } from '../../src/shared/owner-email-schema';

const FROM = 'renewal-guard@example.com';

/** `count` services, each with an owner address of its own. */
function services(count: number): ServiceDeclaration[] {
  return Array.from({ length: count }, (_, i) => ({
    serviceId: `svc-${i}`,
    name: `Service ${i}`,
    project: 'live-app',
    kind: ServiceKind.SUBSCRIPTION,
    expiresOn: '2027-10-09',
    owners: [`owner-${i}@example.com`],
  }));
}

const sesStatements = (statements: Statement[]) =>
  statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('ses:')));

const identityArn = (name: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ses:ap-southeast-1:111111111111:identity/${name}`]],
});

describe('owner email', () => {
  it('lets the poller send only ses:SendEmail, only from the configured address, only through its identity', () => {
    // Act
    const synth = synthGuard({ services: services(2), ownerEmail: OwnerEmail.ses({ fromAddress: FROM }) });

    // Assess: the address's identity and its domain's, in the stack's account and region
    expect(sesStatements(statementsOf(synth, 'GuardPollerRole'))).toEqual([
      {
        Sid: 'OwnerEmail',
        Effect: 'Allow',
        Action: 'ses:SendEmail',
        Resource: [identityArn(FROM), identityArn('example.com')],
        Condition: { StringEquals: { 'ses:FromAddress': FROM } },
      },
    ]);
    // and no other role of the stack may use SES
    const everyStatement = Object.values(synth.template.findResources('AWS::IAM::Policy')).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as Statement[],
    );
    expect(sesStatements(everyStatement)).toHaveLength(1);
  });

  it('scopes the grant to a given identity and configuration set, and tells the poller the set', () => {
    // Act
    const synth = synthGuard((stack) => ({
      services: services(1),
      ownerEmail: OwnerEmail.ses({
        fromAddress: FROM,
        identity: ses.EmailIdentity.fromEmailIdentityName(stack, 'Identity', 'example.com'),
        configurationSet: ses.ConfigurationSet.fromConfigurationSetName(stack, 'Events', 'guard-events'),
        minSeverity: Severity.WARNING,
      }),
    }));

    // Assess
    const [statement] = sesStatements(statementsOf(synth, 'GuardPollerRole'));
    expect(statement).toMatchObject({
      Action: 'ses:SendEmail',
      Resource: [
        identityArn('example.com'),
        {
          'Fn::Join': [
            '',
            ['arn:', { Ref: 'AWS::Partition' }, ':ses:ap-southeast-1:111111111111:configuration-set/guard-events'],
          ],
        },
      ],
      Condition: { StringEquals: { 'ses:FromAddress': FROM } },
    });
    synth.template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'poll-and-evaluate/index.handler',
      Environment: { Variables: Match.objectLike({ [ENV_SES_CONFIGURATION_SET]: 'guard-events' }) },
    });
  });

  it('adds no cdk-nag finding: the statement names its resources, no wildcard', () => {
    const synth = synthGuard(
      { services: services(2), ownerEmail: OwnerEmail.ses({ fromAddress: FROM }) },
      { beforeSynth: (stack) => void Aspects.of(stack).add(new AwsSolutionsChecks()) },
    );

    expect(nagFindings(synth.stack)).toEqual([]);
  });

  it('passes cfn-lint with the SES statement', () => {
    const synth = synthGuard((stack) => ({
      services: services(2),
      ownerEmail: OwnerEmail.ses({
        fromAddress: FROM,
        configurationSet: ses.ConfigurationSet.fromConfigurationSetName(stack, 'Events', 'guard-events'),
      }),
    }));

    const findings = lintTemplates([
      { name: 'owner-email', template: synth.template.toJSON(), region: 'ap-southeast-1' },
    ]);

    expect(findings.map(describeFinding)).toEqual([]);
  });

  it('synthesizes the same resources and the same poller policy for 10 owners as for 1,000', () => {
    // Act
    const ten = synthGuard({ services: services(10), ownerEmail: OwnerEmail.ses({ fromAddress: FROM }) });
    const thousand = synthGuard({ services: services(1000), ownerEmail: OwnerEmail.ses({ fromAddress: FROM }) });

    // Assess: the same logical ids and types; only the staged code's hash differs
    const shape = (t: Template) =>
      Object.entries(t.toJSON().Resources as Record<string, { Type: string }>)
        .map(([id, r]) => `${id} ${r.Type}`)
        .sort();
    expect(shape(thousand.template)).toEqual(shape(ten.template));
    expect(statementsOf(thousand, 'GuardPollerRole')).toEqual(statementsOf(ten, 'GuardPollerRole'));
    // and the template's size does not move with the number of owners beyond the asset hash's characters
    const size = (t: Template) => JSON.stringify(t.toJSON()).replace(/[0-9a-f]{64}/g, 'HASH').length;
    expect(size(thousand.template)).toBe(size(ten.template));
  });

  it('reads the sender from the config file when no prop is given', () => {
    // Prepare
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owner-email-'));
    const file = path.join(dir, 'renewal-guard.yaml');
    fs.writeFileSync(file, `version: 1\nownerEmail:\n  from: ${FROM}\n  minSeverity: critical\n`);

    // Act
    const synth = synthGuard({ configFile: file, services: services(1) });

    // Assess
    expect(sesStatements(statementsOf(synth, 'GuardPollerRole'))).toEqual([
      expect.objectContaining({ Condition: { StringEquals: { 'ses:FromAddress': FROM } } }),
    ]);
  });

  it('grants nothing and warns once when owners are declared with no sender', () => {
    // Act
    const synth = synthGuard({ services: services(3) });

    // Assess
    expect(sesStatements(statementsOf(synth, 'GuardPollerRole'))).toEqual([]);
    const warnings = Annotations.fromStack(synth.stack)
      .findWarning('*', Match.stringLikeRegexp('ownerEmail'))
      .map((w) => w.entry.data);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^ownerEmail: 3 service\(s\) declare owners with email addresses, but no ownerEmail sender/,
      ),
    ]);
  });

  it('grants nothing and says nothing when owner email is turned off', () => {
    const synth = synthGuard({ services: services(3), ownerEmail: OwnerEmail.disabled() });

    expect(sesStatements(statementsOf(synth, 'GuardPollerRole'))).toEqual([]);
    expect(Annotations.fromStack(synth.stack).findWarning('*', Match.stringLikeRegexp('ownerEmail'))).toEqual([]);
  });

  it('fails synthesis in a China region, naming the prop: Amazon SES is not offered there', () => {
    const stack = new Stack(new App(), 'Cn', { env: { account: '111111111111', region: 'cn-north-1' } });

    expect(() => new RenewalGuard(stack, 'Guard', { ownerEmail: OwnerEmail.ses({ fromAddress: FROM }) })).toThrow(
      'invalid RenewalGuard config:\n' +
        '  ownerEmail: Amazon SES, which sends owner email, is not available in the China regions (cn-north-1); ' +
        'remove ownerEmail (OwnerEmail.ses) or use OwnerEmail.disabled() (ownerEmail.enabled: false in the ' +
        'document); owners are still named in every channel message',
    );
  });

  it('refuses a sender that is a deploy-time token, or not an address', () => {
    const stack = new Stack(new App(), 'Tokens', { env: { account: '111111111111', region: 'ap-southeast-1' } });
    const from = new CfnParameter(stack, 'From').valueAsString;

    expect(() => new RenewalGuard(stack, 'Guard', { ownerEmail: OwnerEmail.ses({ fromAddress: from }) })).toThrow(
      /^invalid RenewalGuard config:\n {2}props\.ownerEmail\.fromAddress: must be known at synth time, got a token/,
    );
    expect(() => synthGuard({ ownerEmail: OwnerEmail.ses({ fromAddress: 'Guard <guard@example.com>' }) })).toThrow(
      /^invalid RenewalGuard config:\n {2}props\.ownerEmail\.fromAddress: "Guard <guard@example.com>" is not an email address/,
    );
  });
});
