import { CfnParameter } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AlertChannel, GuardEncryption, Severity } from '../../src';
import { fixture, stagedConfig, synthGuard, SynthesizedGuard } from './support/guard-stack';

/** The subscriptions on the alert topic (`'alerts'`) or on the guard's own alarm topic (`'alarms'`). */
function subscriptions(synth: SynthesizedGuard, on: 'alerts' | 'alarms' = 'alerts'): Array<Record<string, unknown>> {
  const onAlarmTopic = (p: Record<string, unknown>) =>
    /^GuardAlarmTopic/.test(String((p.TopicArn as { Ref?: string } | undefined)?.Ref ?? ''));
  return Object.values(synth.template.findResources('AWS::SNS::Subscription'))
    .map((r) => r.Properties as Record<string, unknown>)
    .filter((p) => onAlarmTopic(p) === (on === 'alarms'))
    .sort((a, b) => JSON.stringify(a.Endpoint).localeCompare(JSON.stringify(b.Endpoint)));
}

describe('alert channels', () => {
  describe('declared in the config file', () => {
    let synth: SynthesizedGuard;
    beforeAll(() => {
      synth = synthGuard({ configFile: fixture('guard.yaml') });
    });

    it('subscribe each email address and phone number, filtered to its channel only: the poller applied minSeverity', () => {
      const topic = { Ref: expect.stringMatching(/^GuardAlertTopic/) };
      expect(subscriptions(synth)).toEqual([
        {
          Protocol: 'sms',
          Endpoint: '+8613800000000',
          TopicArn: topic,
          FilterPolicy: { channels: ['pager'] },
        },
        {
          Protocol: 'email',
          Endpoint: 'finance@example.com',
          TopicArn: topic,
          FilterPolicy: { channels: ['ops'] },
        },
        {
          Protocol: 'email',
          Endpoint: 'tech-lead@example.com',
          TopicArn: topic,
          FilterPolicy: { channels: ['ops'] },
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
        ['sms', '+8613800000000', { channels: ['pager'] }],
        ['sms', '+8613900000000', { channels: ['night'] }],
        ['email', 'oncall@example.com', { channels: ['ops'] }],
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

    // each address: its alert subscription and, as ops is the operators' channel, its alarm subscription
    expect(after).toHaveLength(4);
    expect(before).toEqual(expect.arrayContaining(after));
  });

  it('subscribe an address of two channels once to each topic, filtered to both: SNS holds one subscription per address', () => {
    // Prepare
    const channels = [
      AlertChannel.email({ channelId: 'ops', to: ['lead@example.com', 'ops@example.com'] }),
      AlertChannel.email({ channelId: 'finance', to: ['lead@example.com', 'cfo@example.com'] }),
      AlertChannel.sms({ channelId: 'pager', to: ['+8613800000000'], minSeverity: Severity.CRITICAL }),
      AlertChannel.sms({ channelId: 'night', to: ['+8613800000000'], minSeverity: Severity.EMERGENCY }),
    ];

    // Act
    const synth = synthGuard({ channels });

    // Assess
    expect(subscriptions(synth).map((s) => [s.Protocol, s.Endpoint, s.FilterPolicy])).toEqual([
      ['sms', '+8613800000000', { channels: ['pager', 'night'] }],
      ['email', 'cfo@example.com', { channels: ['finance'] }],
      ['email', 'lead@example.com', { channels: ['ops', 'finance'] }],
      ['email', 'ops@example.com', { channels: ['ops'] }],
    ]);
    expect(subscriptions(synth, 'alarms').map((s) => [s.Protocol, s.Endpoint])).toEqual([
      ['sms', '+8613800000000'],
      ['email', 'cfo@example.com'],
      ['email', 'lead@example.com'],
      ['email', 'ops@example.com'],
    ]);
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
    const file = fixture('dingtalk.yaml');
    const synth = synthGuard({ configFile: file });

    const warnings = Annotations.fromStack(synth.stack)
      .findWarning('*', Match.anyValue())
      .map((w) => w.entry.data);
    expect(warnings).toEqual([`${file}: services: no services are listed; nothing will be watched`]);
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

describe("the guard's alarms reach its operators", () => {
  const alarmTopic = { Ref: expect.stringMatching(/^GuardAlarmTopic/) };

  it('under the defaults: every email and SMS recipient is subscribed to the alarm topic, without a filter policy', () => {
    const synth = synthGuard({ configFile: fixture('guard.yaml') });

    expect(subscriptions(synth, 'alarms')).toEqual([
      { Protocol: 'sms', Endpoint: '+8613800000000', TopicArn: alarmTopic },
      { Protocol: 'email', Endpoint: 'finance@example.com', TopicArn: alarmTopic },
      { Protocol: 'email', Endpoint: 'tech-lead@example.com', TopicArn: alarmTopic },
    ]);
    // every alarm notifies that topic, never the alert topic (whose subscriptions all filter on attributes)
    const actions = Object.values(synth.template.findResources('AWS::CloudWatch::Alarm')).map(
      (a) => a.Properties.AlarmActions,
    );
    expect(actions).toHaveLength(4);
    for (const a of actions) expect(a).toEqual([alarmTopic]);
  });

  it('only the channels marked operators when one is, whatever their minSeverity', () => {
    const synth = synthGuard({
      configFile: fixture('guard.yaml'),
      channels: [
        AlertChannel.sms({
          channelId: 'night',
          to: ['+8613900000000'],
          minSeverity: Severity.EMERGENCY,
          operators: true,
        }),
      ],
    });

    expect(subscriptions(synth, 'alarms').map((s) => [s.Protocol, s.Endpoint, s.FilterPolicy])).toEqual([
      ['sms', '+8613900000000', undefined],
    ]);
    expect(stagedConfig(synth).channels.find((c: { id: string }) => c.id === 'night')).toMatchObject({
      operators: true,
    });
  });

  it('not a channel marked operators: false, even when no channel is marked true', () => {
    const synth = synthGuard({
      channels: [
        AlertChannel.email({ channelId: 'ops', to: ['ops@example.com'] }),
        AlertChannel.email({ channelId: 'finance', to: ['finance@example.com'], operators: false }),
      ],
    });

    expect(subscriptions(synth, 'alarms').map((s) => s.Endpoint)).toEqual(['ops@example.com']);
  });

  it("the operators' chat channels through the notifier: subscribed to the alarm topic without a filter", () => {
    const synth = synthGuard((stack) => ({
      channels: [
        AlertChannel.email({ channelId: 'finance', to: ['finance@example.com'] }),
        AlertChannel.slack({
          channelId: 'ops-chat',
          secret: secretsmanager.Secret.fromSecretNameV2(stack, 'Slack', 'renewal-guard/slack'),
          operators: true,
        }),
      ],
    }));

    const notifier = { 'Fn::GetAtt': [expect.stringMatching(/^GuardNotifier/), 'Arn'] };
    expect(subscriptions(synth, 'alarms')).toEqual([
      expect.objectContaining({ Protocol: 'lambda', Endpoint: notifier, TopicArn: alarmTopic }),
    ]);
    expect(subscriptions(synth, 'alarms')[0]).not.toHaveProperty('FilterPolicy');
  });

  it('no notifier subscription when no operators channel is one the notifier delivers to', () => {
    const synth = synthGuard((stack) => ({
      channels: [
        AlertChannel.email({ channelId: 'ops', to: ['ops@example.com'], operators: true }),
        AlertChannel.slack({
          channelId: 'team-chat',
          secret: secretsmanager.Secret.fromSecretNameV2(stack, 'Slack', 'renewal-guard/slack'),
        }),
      ],
    }));

    expect(subscriptions(synth, 'alarms').map((s) => s.Protocol)).toEqual(['email']);
  });

  it('with AWS managed encryption too: the lean profile alarm topic gets the same subscriptions', () => {
    const synth = synthGuard({ configFile: fixture('guard.yaml'), encryption: GuardEncryption.AWS_MANAGED });

    expect(subscriptions(synth, 'alarms').map((s) => [s.Protocol, s.Endpoint, s.FilterPolicy])).toEqual([
      ['sms', '+8613800000000', undefined],
      ['email', 'finance@example.com', undefined],
      ['email', 'tech-lead@example.com', undefined],
    ]);
  });

  it('none on an alarm topic the user gives, or an alert topic they bring: theirs to subscribe people to', () => {
    const synth = synthGuard((stack) => ({
      configFile: fixture('guard.yaml'),
      alarmTopic: sns.Topic.fromTopicArn(stack, 'Ops', 'arn:aws:sns:ap-southeast-1:111111111111:ops'),
    }));

    const all = Object.values(synth.template.findResources('AWS::SNS::Subscription'));
    expect(all.map((s) => s.Properties.TopicArn)).not.toContain('arn:aws:sns:ap-southeast-1:111111111111:ops');
    synth.template.resourceCountIs('AWS::SNS::Topic', 1); // the alert topic alone

    const brought = synthGuard((stack) => ({
      configFile: fixture('guard.yaml'),
      alertTopic: sns.Topic.fromTopicArn(stack, 'Alerts', 'arn:aws:sns:ap-southeast-1:111111111111:team-alerts'),
    }));
    // its three filtered alert subscriptions, nothing unfiltered that would take every alert
    const onBrought = Object.values(brought.template.findResources('AWS::SNS::Subscription')).map((s) => s.Properties);
    expect(onBrought.map((p) => [p.TopicArn, p.FilterPolicy?.channels])).toEqual([
      ['arn:aws:sns:ap-southeast-1:111111111111:team-alerts', ['ops']],
      ['arn:aws:sns:ap-southeast-1:111111111111:team-alerts', ['ops']],
      ['arn:aws:sns:ap-southeast-1:111111111111:team-alerts', ['pager']],
    ]);
  });

  it('refuses an operators value that is not true or false, naming where', () => {
    expect(() =>
      synthGuard({
        channels: [
          AlertChannel.email({ channelId: 'ops', to: ['a@example.com'], operators: 'yes' as unknown as boolean }),
        ],
      }),
    ).toThrow(/ {2}props\.channels\[0\] \(channelId "ops"\)\.operators: expected true or false, got "yes"/);
  });
});
