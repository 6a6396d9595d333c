import * as path from 'path';
import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AlertChannel, Language, RenewalGuard, RenewalGuardProps, ServiceKind, VendorAccount } from '../../src';
import { fixture, stagedConfig, synthGuard } from './support/guard-stack';

/** Builds a guard that is expected to throw, and returns the message along with what was left behind. */
function configError(props: RenewalGuardProps | ((stack: Stack) => RenewalGuardProps)): {
  message: string;
  childrenCreated: number;
} {
  const stack = new Stack(new App(), 'GuardStack');
  try {
    new RenewalGuard(stack, 'Guard', typeof props === 'function' ? props(stack) : props);
  } catch (e) {
    return { message: (e as Error).message, childrenCreated: stack.node.findChild('Guard').node.children.length };
  }
  throw new Error('expected the guard to reject its config');
}

const liveRtc = {
  serviceId: 'live-rtc',
  name: 'Live app RTC',
  project: 'live-app',
  kind: ServiceKind.SUBSCRIPTION,
  expiresOn: '2026-10-09',
  owners: ['alice@example.com'],
};

describe('config validation at synth time', () => {
  it('reports every problem of a config file in one error, before creating anything', () => {
    const { message, childrenCreated } = configError({ configFile: fixture('invalid.yaml') });

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  timeZone: "Mars/Olympus_Mons" is not an IANA time zone',
        '  checkTime: "25:00" is not a time (expected HH:MM, 00:00 to 23:59)',
        '  services[0].expiresOn: "2026-02-30" is not a calendar date (expected YYYY-MM-DD)',
      ].join('\n'),
    );
    expect(childrenCreated).toBe(0);
  });

  it('reports every problem of the typed props in one error', () => {
    const { message } = configError({
      timeZone: 'Mars/Olympus_Mons',
      reminderDays: [30, -1],
      services: [{ ...liveRtc, expiresOn: '2026-02-30', channels: ['ops'] }],
      channels: [AlertChannel.sms({ channelId: 'pager', to: ['13800000000'] })],
    });

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  timeZone: "Mars/Olympus_Mons" is not an IANA time zone',
        '  reminderDays[1]: -1 is not a whole number of days from 0 to 3650',
        '  services[0].expiresOn: "2026-02-30" is not a calendar date (expected YYYY-MM-DD)',
        '  services[0].channels[0]: "ops" is not a channel id (known: pager)',
        '  channels[0].to[0]: "13800000000" is not an E.164 phone number (e.g. +8613800000000)',
      ].join('\n'),
    );
  });

  it('names a typed service merged after the file by its place in the merged document', () => {
    const { message } = configError({
      configFile: fixture('guard.yaml'),
      services: [{ ...liveRtc, serviceId: 'new-service', owners: [] }],
    });

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  services[2].owners: empty; name at least one responsible person, e.g. [alice@example.com]',
      ].join('\n'),
    );
  });

  it('rejects two typed entries with the same id', () => {
    const { message } = configError({
      services: [liveRtc, { ...liveRtc, name: 'Live app RTC (copy)' }],
      channels: [
        AlertChannel.email({ channelId: 'ops', to: ['a@example.com'] }),
        AlertChannel.sms({ channelId: 'ops', to: ['+8613800000000'] }),
      ],
    });

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  services[1].id: "live-rtc" is used by services[0] too',
        '  channels[1].id: "ops" is used by channels[0] too',
      ].join('\n'),
    );
  });

  it('says so when the config file does not exist', () => {
    const { message } = configError({ configFile: 'no-such-config.yaml' });

    expect(message).toBe(`invalid RenewalGuard config:\n  ${path.resolve('no-such-config.yaml')}: file not found`);
  });

  it('rejects a secret whose name CloudFormation only generates at deploy time', () => {
    const { message } = configError((stack) => ({
      accounts: [
        VendorAccount.agora({ accountId: 'agora-main', credentials: new secretsmanager.Secret(stack, 'Unnamed') }),
      ],
    }));

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  accounts[0].credentials: the name of secret GuardStack/Unnamed is only known at deploy time; ' +
          'give it an explicit secretName, or import it with Secret.fromSecretNameV2',
      ].join('\n'),
    );
  });

  it('rejects deploy-time tokens where the staged config needs a value, along with the other problems', () => {
    const { message } = configError((stack) => ({
      timeZone: new CfnParameter(stack, 'TimeZone').valueAsString,
      checkTime: '9:30',
      services: [{ ...liveRtc, owners: [new CfnParameter(stack, 'Owner').valueAsString] }],
    }));

    const token =
      'must be known at synth time, got a token (e.g. a CfnParameter): the config is staged into the function code';
    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        `  timeZone: ${token}`,
        `  services[0].owners[0]: ${token}`,
        '  checkTime: "9:30" is not a time (expected HH:MM, 00:00 to 23:59)',
        '  services[0].owners: empty; name at least one responsible person, e.g. [alice@example.com]',
      ].join('\n'),
    );
  });

  it('reports the problems of chat channels: a deploy-time secret name, tokens and malformed options', () => {
    const { message } = configError((stack) => ({
      channels: [
        AlertChannel.slack({ channelId: 'slack', secret: new secretsmanager.Secret(stack, 'Unnamed') }),
        AlertChannel.dingTalk({
          channelId: 'team-chat',
          secret: secretsmanager.Secret.fromSecretNameV2(stack, 'DingTalk', 'renewal-guard/dingtalk'),
          atMobiles: ['call me', new CfnParameter(stack, 'OnCall').valueAsString],
        }),
      ],
    }));

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  channels[0].secret: the name of secret GuardStack/Unnamed is only known at deploy time; ' +
          'give it an explicit secretName, or import it with Secret.fromSecretNameV2',
        '  channels[1].options.atMobiles[1]: must be known at synth time, got a token (e.g. a CfnParameter): ' +
          'the config is staged into the function code',
        '  channels[1].options.atMobiles[0]: "call me" is not a mobile number (digits, optionally with + and a country code)',
      ].join('\n'),
    );
  });

  it('stages the language of typed props over the file', () => {
    const synth = synthGuard({ configFile: fixture('guard.yaml'), language: Language.ZH_CN });

    expect(stagedConfig(synth).language).toBe('zh-CN');
  });

  it('rejects a language it has no messages in', () => {
    const { message } = configError({ language: 'fr' as Language });

    expect(message).toBe(
      'invalid RenewalGuard config:\n  language: "fr" is not a supported language; expected one of en, zh-CN',
    );
  });

  it('synthesizes with no config at all, warning that nothing is watched', () => {
    const synth = synthGuard();

    expect(
      Annotations.fromStack(synth.stack)
        .findWarning('*', Match.anyValue())
        .map((w) => w.entry.data),
    ).toEqual(['services: no services are listed; nothing will be watched']);
  });
});
