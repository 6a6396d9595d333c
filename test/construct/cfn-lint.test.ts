/**
 * Every template variant the construct tests synthesize, linted by cfn-lint against its stack's region in
 * one run: no error, no deprecated runtime (W1034), and no other finding that is not listed, with its
 * reason, in IGNORED_RULES (support/cfn-lint.ts).
 */
import { Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import {
  AlertChannel,
  LinksEndpoint,
  ServiceDeclaration,
  ServiceKind,
  Severity,
  VendorAccount,
  Weekday,
} from '../../src';
import { describeFinding, IGNORED_RULES, lintTemplates, type LintFinding, type LintVariant } from './support/cfn-lint';
import { fixture, synthGuard } from './support/guard-stack';
import { ACCEPTANCE_REGIONS, ONE_SERVICE, regionChannels, synthStackIn, teamStackIn } from './support/region-stacks';

/** Where synthGuard puts its stack. */
const GUARD_STACK_REGION = 'ap-southeast-1';
const ARN = {
  table: 'arn:aws:dynamodb:ap-southeast-1:111111111111:table/team-registry',
  topic: 'arn:aws:sns:ap-southeast-1:111111111111:team-alerts',
  bus: 'arn:aws:events:ap-southeast-1:111111111111:event-bus/team-bus',
  key: 'arn:aws:kms:ap-southeast-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
};

function secret(stack: Stack, name: string): secretsmanager.ISecret {
  return secretsmanager.Secret.fromSecretNameV2(stack, `Secret-${name}`, `renewal-guard/${name}`);
}

/** One channel of every type AlertChannel builds (src/alert-channel.ts). */
function everyChannel(stack: Stack): AlertChannel[] {
  return [
    AlertChannel.email({ channelId: 'email', to: ['tech-lead@example.com'] }),
    AlertChannel.sms({ channelId: 'sms', to: ['+8613800000000'], minSeverity: Severity.CRITICAL }),
    AlertChannel.dingTalk({ channelId: 'dingtalk', secret: secret(stack, 'dingtalk'), atMobiles: ['13800000000'] }),
    AlertChannel.feishu({ channelId: 'feishu', secret: secret(stack, 'feishu') }),
    AlertChannel.weCom({ channelId: 'wecom', secret: secret(stack, 'wecom') }),
    AlertChannel.slack({ channelId: 'slack', secret: secret(stack, 'slack') }),
    AlertChannel.teams({ channelId: 'teams', secret: secret(stack, 'teams') }),
    AlertChannel.webhook({ channelId: 'webhook', secret: secret(stack, 'webhook') }),
    AlertChannel.pagerDuty({ channelId: 'pagerduty', secret: secret(stack, 'pagerduty') }),
  ];
}

function services(count: number, accounts: number): ServiceDeclaration[] {
  return Array.from({ length: count }, (_, i) => ({
    serviceId: `svc-${String(i).padStart(5, '0')}`,
    name: `Service ${i}`,
    project: `project-${i % 17}`,
    kind: ServiceKind.SUBSCRIPTION,
    account: `acct-${String(i % accounts).padStart(4, '0')}`,
    expiresOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
    owners: [`owner-${i % 40}@example.com`],
  }));
}

function variants(): LintVariant[] {
  const guard = (name: string, synth: ReturnType<typeof synthGuard>): LintVariant => ({
    name,
    template: synth.template.toJSON(),
    region: GUARD_STACK_REGION,
  });
  return [
    guard('defaults', synthGuard()),
    guard('config-file', synthGuard({ configFile: fixture('guard.yaml') })),
    guard(
      'bring-your-own',
      synthGuard((stack) => ({
        registryTable: dynamodb.Table.fromTableArn(stack, 'Table', ARN.table),
        alertTopic: sns.Topic.fromTopicArn(stack, 'Topic', ARN.topic),
        eventBus: events.EventBus.fromEventBusArn(stack, 'Bus', ARN.bus),
        encryptionKey: kms.Key.fromKeyArn(stack, 'Key', ARN.key),
        linkSecret: secret(stack, 'links'),
        channels: [AlertChannel.email({ channelId: 'ops', to: ['ops@example.com'] })],
      })),
    ),
    guard(
      'every-channel-typed-props',
      synthGuard((stack) => ({
        timeZone: 'Asia/Shanghai',
        checkTime: '23:30',
        calendar: 'CN',
        quietHours: { fromTime: '22:00', to: '08:00' },
        digest: { weekday: Weekday.MONDAY, time: '10:00' },
        escalation: { critical: ['pagerduty'], emergency: ['sms'] },
        accounts: [VendorAccount.agora({ accountId: 'acct-0000', credentials: secret(stack, 'agora') })],
        services: services(3, 1),
        channels: everyChannel(stack),
        detailedMetrics: true,
      })),
    ),
    guard(
      'thousand-accounts',
      synthGuard((stack) => ({
        accounts: Array.from({ length: 1000 }, (_, i) =>
          VendorAccount.agora({
            accountId: `acct-${String(i).padStart(4, '0')}`,
            credentials: secret(stack, `acct-${String(i).padStart(4, '0')}`),
          }),
        ),
        services: services(2000, 1000),
        channels: [AlertChannel.email({ channelId: 'ops', to: ['ops@example.com'] })],
      })),
    ),
    guard('operations-off', synthGuard({ alarmsEnabled: false, dashboardEnabled: false, linksEnabled: true })),
    ...ACCEPTANCE_REGIONS.map((region) => ({
      name: `region-${region}`,
      template: teamStackIn(region).template.toJSON(),
      region,
    })),
    {
      name: 'no-reserved-concurrency',
      template: synthStackIn('us-east-1', (holder) => ({
        services: ONE_SERVICE,
        channels: regionChannels(holder, 'us-east-1'),
        reservedConcurrency: false,
      })).template.toJSON(),
      region: 'us-east-1',
    },
    {
      name: 'region-agnostic-http-api',
      template: synthStackIn(undefined, {
        services: ONE_SERVICE,
        linksEnabled: true,
        linksEndpoint: LinksEndpoint.HTTP_API,
      }).template.toJSON(),
      region: 'us-east-1',
    },
  ];
}

/** A function template whose runtime is `runtime`, for the canaries. */
function functionTemplate(runtime: unknown, mappings?: object): Record<string, unknown> {
  return {
    ...(mappings && { Mappings: mappings }),
    Resources: {
      Canary: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Runtime: runtime,
          Handler: 'index.handler',
          Role: 'arn:aws:iam::111111111111:role/canary',
          Code: { ZipFile: 'exports.handler = async () => ({})' },
        },
      },
    },
  };
}

/**
 * Templates that break one rule each, linted in the same run: they show that the rules the assertions
 * rely on fire on this machine, with the region each file names. The first is what the Provider
 * framework's function looked like (issue 11): a runtime from aws-cdk-lib's LatestNodeRuntimeMap.
 */
const CANARIES: Readonly<Record<string, { variant: LintVariant; rule: string }>> = {
  W1034: {
    rule: 'W1034',
    variant: {
      name: 'canary-runtime-from-map',
      region: 'us-east-1',
      template: functionTemplate(
        { 'Fn::FindInMap': ['LatestNodeRuntimeMap', { Ref: 'AWS::Region' }, 'value'] },
        { LatestNodeRuntimeMap: { 'us-east-1': { value: 'nodejs20.x' } } },
      ),
    },
  },
  E2533: {
    rule: 'E2533',
    variant: { name: 'canary-runtime', region: 'us-east-1', template: functionTemplate('nodejs20.x') },
  },
  E3006: {
    rule: 'E3006',
    variant: {
      name: 'canary-function-url-ap-southeast-5',
      region: 'ap-southeast-5',
      template: {
        Resources: {
          Canary: {
            Type: 'AWS::Lambda::Url',
            Properties: {
              AuthType: 'NONE',
              TargetFunctionArn: 'arn:aws:lambda:ap-southeast-5:111111111111:function:canary',
            },
          },
        },
      },
    },
  },
};

describe('cfn-lint on every template variant', () => {
  let findings: LintFinding[];
  let canaryFindings: LintFinding[];
  let linted: string[];
  beforeAll(() => {
    const all = variants();
    linted = all.map((v) => v.name);
    const canaries = new Set(Object.values(CANARIES).map((c) => c.variant.name));
    const found = lintTemplates([...all, ...Object.values(CANARIES).map((c) => c.variant)]);
    findings = found.filter((f) => !canaries.has(f.variant));
    canaryFindings = found.filter((f) => canaries.has(f.variant));
  }, 300_000);

  it('runs the rules it relies on: each canary template gets exactly its finding', () => {
    expect(canaryFindings.map((f) => `${f.variant} ${f.rule}`).sort()).toEqual(
      Object.values(CANARIES)
        .map((c) => `${c.variant.name} ${c.rule}`)
        .sort(),
    );
  });

  it('lints every variant, each against its own region', () => {
    expect(linted).toEqual([
      'defaults',
      'config-file',
      'bring-your-own',
      'every-channel-typed-props',
      'thousand-accounts',
      'operations-off',
      'region-cn-north-1',
      'region-ap-southeast-5',
      'region-us-east-1',
      'no-reserved-concurrency',
      'region-agnostic-http-api',
    ]);
  });

  it('finds no error', () => {
    expect(findings.filter((f) => f.level === 'Error').map(describeFinding)).toEqual([]);
  });

  it('finds no deprecated runtime (W1034, E2533): every function runs on a runtime CloudFormation still creates', () => {
    expect(findings.filter((f) => ['W1034', 'E2533'].includes(f.rule)).map(describeFinding)).toEqual([]);
  });

  it('finds no resource type the region lacks (E3006): no function URL where there are none', () => {
    expect(findings.filter((f) => f.rule === 'E3006').map(describeFinding)).toEqual([]);
  });

  it('finds nothing else either: a new warning is fixed, or listed with its reason in IGNORED_RULES', () => {
    expect(findings.map(describeFinding)).toEqual([]);
  });

  it('fails, saying why, when cfn-lint is not there: the lint is never skipped', () => {
    expect(() => lintTemplates([], 'cfn-lint-not-installed')).toThrow(
      /^cfn-lint-not-installed is not installed or not on PATH \(spawnSync cfn-lint-not-installed ENOENT\): the template lint needs it; install it with pip install "cfn-lint==1\.51\.\*"$/,
    );
  });

  it('gives a reason for every rule it ignores', () => {
    for (const [rule, reason] of Object.entries(IGNORED_RULES)) {
      expect(rule).toMatch(/^[EWI]\d{4}$/);
      expect(reason.length).toBeGreaterThan(20);
    }
  });
});
