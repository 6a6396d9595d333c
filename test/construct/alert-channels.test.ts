import { CfnParameter } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AlertChannel, Severity } from '../../src';
import { fixture, synthGuard, SynthesizedGuard } from './support/guard-stack';

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

  it('warn that chat channels are not delivered by this version', () => {
    const synth = synthGuard({ configFile: fixture('dingtalk.yaml') });

    const warnings = Annotations.fromStack(synth.stack)
      .findWarning('*', Match.anyValue())
      .map((w) => w.entry.data);
    expect(warnings).toEqual([
      'services: no services are listed; nothing will be watched',
      'channels[0]: dingtalk channels are delivered by the notifier function, which this version does not deploy yet; only email and sms channels receive alerts',
    ]);
    synth.template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
