import { CfnParameter } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AlertChannel, Severity } from '../../src';
import { fixture, stagedConfig, synthGuard, SynthesizedGuard } from './support/guard-stack';

function subscriptions(synth: SynthesizedGuard): Array<Record<string, unknown>> {
  return Object.values(synth.template.findResources('AWS::SNS::Subscription'))
    .map((r) => r.Properties as Record<string, unknown>)
    .sort((a, b) => JSON.stringify(a.Endpoint).localeCompare(JSON.stringify(b.Endpoint)));
}

describe('alert channels', () => {
  describe('declared in the config file', () => {
    let synth: SynthesizedGuard;
    beforeAll(() => {
      synth = synthGuard({ configFile: fixture('guard.yaml') });
    });

    it('subscribe each email address and phone number, filtered to its channel and severities', () => {
      const topic = { Ref: expect.stringMatching(/^GuardAlertTopic/) };
      expect(subscriptions(synth)).toEqual([
        {
          Protocol: 'sms',
          Endpoint: '+8613800000000',
          TopicArn: topic,
          FilterPolicy: { channels: ['pager'], severity: ['critical', 'emergency'] },
        },
        {
          Protocol: 'email',
          Endpoint: 'finance@example.com',
          TopicArn: topic,
          FilterPolicy: { channels: ['ops'], severity: ['info', 'warning', 'critical', 'emergency'] },
        },
        {
          Protocol: 'email',
          Endpoint: 'tech-lead@example.com',
          TopicArn: topic,
          FilterPolicy: { channels: ['ops'], severity: ['info', 'warning', 'critical', 'emergency'] },
        },
      ]);
    });
  });

  describe('given as typed props', () => {
    let synth: SynthesizedGuard;
    beforeAll(() => {
      synth = synthGuard({
        configFile: fixture('guard.yaml'),
        channels: [
          AlertChannel.email({ channelId: 'ops', to: ['oncall@example.com'], minSeverity: Severity.WARNING }),
          AlertChannel.sms({ channelId: 'night', to: ['+8613900000000'], minSeverity: Severity.EMERGENCY }),
        ],
      });
    });

    it('replace the file channel with the same id and add the others', () => {
      expect(subscriptions(synth).map((s) => [s.Protocol, s.Endpoint, s.FilterPolicy])).toEqual([
        ['sms', '+8613800000000', { channels: ['pager'], severity: ['critical', 'emergency'] }],
        ['sms', '+8613900000000', { channels: ['night'], severity: ['emergency'] }],
        ['email', 'oncall@example.com', { channels: ['ops'], severity: ['warning', 'critical', 'emergency'] }],
      ]);
    });
  });

  it('keep the subscriptions of the other recipients when one is removed', () => {
    const ids = (to: string[]) =>
      Object.keys(
        synthGuard({ channels: [AlertChannel.email({ channelId: 'ops', to })] }).template.findResources(
          'AWS::SNS::Subscription',
        ),
      );

    const before = ids(['a@example.com', 'b@example.com', 'c@example.com']);
    const after = ids(['b@example.com', 'c@example.com']);

    expect(after).toHaveLength(2);
    expect(before).toEqual(expect.arrayContaining(after));
  });

  it('accept deploy-time recipients from a CfnParameter', () => {
    const synth = synthGuard((stack) => {
      const email = new CfnParameter(stack, 'OpsEmail');
      const phone = new CfnParameter(stack, 'OnCallPhone');
      return {
        channels: [
          AlertChannel.email({ channelId: 'ops', to: [email.valueAsString, 'lead@example.com'] }),
          AlertChannel.sms({ channelId: 'pager', to: [phone.valueAsString] }),
        ],
      };
    });

    expect(subscriptions(synth).map((s) => [s.Protocol, s.Endpoint])).toEqual([
      ['email', 'lead@example.com'],
      ['sms', { Ref: 'OnCallPhone' }],
      ['email', { Ref: 'OpsEmail' }],
    ]);
  });

  it('subscribe to a topic brought by the user', () => {
    const synth = synthGuard((stack) => ({
      alertTopic: sns.Topic.fromTopicArn(stack, 'Alerts', 'arn:aws:sns:ap-southeast-1:111111111111:team-alerts'),
      channels: [AlertChannel.email({ channelId: 'ops', to: ['a@example.com'] })],
    }));

    synth.template.hasResourceProperties('AWS::SNS::Subscription', {
      TopicArn: 'arn:aws:sns:ap-southeast-1:111111111111:team-alerts',
      Endpoint: 'a@example.com',
    });
  });

  it('raise no warning for a chat channel: the notifier delivers it', () => {
    const synth = synthGuard({ configFile: fixture('dingtalk.yaml') });

    const warnings = Annotations.fromStack(synth.stack)
      .findWarning('*', Match.anyValue())
      .map((w) => w.entry.data);
    expect(warnings).toEqual(['services: no services are listed; nothing will be watched']);
    expect(subscriptions(synth).map((s) => s.Protocol)).toEqual(['lambda']);
  });

  describe('chat, webhook and PagerDuty channels given as typed props', () => {
    let synth: SynthesizedGuard;
    beforeAll(() => {
      synth = synthGuard((stack) => {
        const secret = (name: string) => secretsmanager.Secret.fromSecretNameV2(stack, name, `renewal-guard/${name}`);
        return {
          channels: [
            AlertChannel.dingTalk({
              channelId: 'dingtalk',
              secret: secret('dingtalk'),
              minSeverity: Severity.WARNING,
              atMobiles: ['13800000000', '+86-13900000000'],
              atAll: false,
            }),
            AlertChannel.feishu({ channelId: 'feishu', secret: secret('feishu') }),
            AlertChannel.weCom({ channelId: 'wecom', secret: secret('wecom') }),
            AlertChannel.slack({ channelId: 'slack', secret: secret('slack'), minSeverity: Severity.CRITICAL }),
            AlertChannel.teams({ channelId: 'teams', secret: secret('teams') }),
            AlertChannel.webhook({ channelId: 'webhook', secret: secret('webhook') }),
            AlertChannel.pagerDuty({
              channelId: 'pagerduty',
              secret: secret('pagerduty'),
              minSeverity: Severity.EMERGENCY,
            }),
          ],
        };
      });
    });

    it('stage each with its type, secret name, severity and options, never a recipient', () => {
      const entry = (id: string, type: string, minSeverity = 'info', options = {}) => ({
        id,
        type,
        to: [],
        minSeverity,
        secret: `renewal-guard/${id}`,
        options,
      });

      expect(stagedConfig(synth).channels).toEqual([
        entry('dingtalk', 'dingtalk', 'warning', { atMobiles: ['13800000000', '+86-13900000000'], atAll: false }),
        entry('feishu', 'feishu'),
        entry('wecom', 'wecom'),
        entry('slack', 'slack', 'critical'),
        entry('teams', 'teams'),
        entry('webhook', 'webhook'),
        entry('pagerduty', 'pagerduty', 'emergency'),
      ]);
    });

    it('name their type', () => {
      const types = [
        AlertChannel.dingTalk,
        AlertChannel.feishu,
        AlertChannel.weCom,
        AlertChannel.slack,
        AlertChannel.teams,
        AlertChannel.webhook,
        AlertChannel.pagerDuty,
      ].map((factory) => factory({ channelId: 'c', secret: {} as secretsmanager.ISecret }).channelType);

      expect(types).toEqual(['dingtalk', 'feishu', 'wecom', 'slack', 'teams', 'webhook', 'pagerduty']);
    });

    it('get no SNS subscription of their own: one notifier subscription filters on all of them', () => {
      expect(subscriptions(synth).map((s) => [s.Protocol, s.FilterPolicy])).toEqual([
        ['lambda', { channels: ['dingtalk', 'feishu', 'wecom', 'slack', 'teams', 'webhook', 'pagerduty'] }],
      ]);
    });
  });

  it('replace a file channel with the same id, even one of another type', () => {
    const synth = synthGuard((stack) => ({
      configFile: fixture('guard.yaml'),
      channels: [
        AlertChannel.slack({
          channelId: 'pager',
          secret: secretsmanager.Secret.fromSecretNameV2(stack, 'Slack', 'renewal-guard/slack'),
        }),
      ],
    }));

    expect(stagedConfig(synth).channels.map((c: { id: string; type: string }) => [c.id, c.type])).toEqual([
      ['ops', 'email'],
      ['pager', 'slack'],
    ]);
    expect(subscriptions(synth).map((s) => [s.Protocol, (s.FilterPolicy as { channels: string[] }).channels])).toEqual([
      ['email', ['ops']],
      ['email', ['ops']],
      ['lambda', ['pager']],
    ]);
  });
});
