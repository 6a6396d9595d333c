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

describe('naming where a problem of a file merged with typed props was written', () => {
  const file = fixture('guard.yaml'); // accounts: agora-main, tencent-trtc, contracts; services: live-rtc, classroom-trtc; channels: ops, pager
  const invalidFile = fixture('invalid.yaml');
  const expiresOn = '"2026-02-30" is not a calendar date (expected YYYY-MM-DD)';

  it("names a bad typed service by its prop, not by its place after the file's two services", () => {
    const { message } = configError({
      configFile: file,
      services: [{ ...liveRtc, serviceId: 'new-service', expiresOn: '2026-02-30' }],
    });

    expect(message).toBe(
      ['invalid RenewalGuard config:', `  props.services[0] (serviceId "new-service").expiresOn: ${expiresOn}`].join(
        '\n',
      ),
    );
  });

  it('names a typed service that replaces a file entry by its prop, not by the file entry it replaced', () => {
    const { message } = configError({
      configFile: file,
      services: [{ ...liveRtc, serviceId: 'classroom-trtc', expiresOn: '2026-02-30' }],
    });

    expect(message).toBe(
      ['invalid RenewalGuard config:', `  props.services[0] (serviceId "classroom-trtc").expiresOn: ${expiresOn}`].join(
        '\n',
      ),
    );
  });

  it('names a bad file entry by the file while typed props add entries and settings of their own', () => {
    const { message } = configError({
      configFile: invalidFile,
      timeZone: 'UTC',
      checkTime: '08:00',
      services: [
        { ...liveRtc, serviceId: 'other', owners: ['carol@example.com'] },
        { ...liveRtc, serviceId: 'third', expiresOn: '2027-13-01' },
      ],
    });

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        `  ${invalidFile}: services[0].expiresOn: ${expiresOn}`,
        '  props.services[1] (serviceId "third").expiresOn: "2027-13-01" is not a calendar date (expected YYYY-MM-DD)',
      ].join('\n'),
    );
  });

  it('names a bad typed channel by its channelId', () => {
    const { message } = configError({
      configFile: file,
      channels: [AlertChannel.sms({ channelId: 'night', to: ['12345'] })],
    });

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  props.channels[0] (channelId "night").to[0]: "12345" is not an E.164 phone number (e.g. +8613800000000)',
      ].join('\n'),
    );
  });

  it('names a bad typed account by its accountId', () => {
    const { message } = configError((stack) => ({
      configFile: file,
      accounts: [
        VendorAccount.agora({
          accountId: 'agora-backup',
          credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'Backup', 'renewal-guard/agora-backup'),
          balance: { minAmount: -1 },
        }),
      ],
    }));

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  props.accounts[0] (accountId "agora-backup").balance.minAmount: -1 is out of range; give 0 or more',
      ].join('\n'),
    );
  });

  it('names a file entry that a typed entry clashes with by the file', () => {
    const { message } = configError((stack) => ({
      configFile: file,
      accounts: [
        VendorAccount.agora({
          accountId: 'agora-backup',
          credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'Backup', 'renewal-guard/agora.main'),
        }),
      ],
    }));

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  props.accounts[0] (accountId "agora-backup").credentials: secret name "renewal-guard/agora.main" and ' +
          `"renewal-guard/agora-main" (accounts[0].credentials of ${file}) map to the same local environment ` +
          'variable RENEWAL_GUARD_SECRET__RENEWAL_GUARD_AGORA_MAIN, so they would share one credential; rename one of them',
      ].join('\n'),
    );
  });

  it('names a bad scalar prop by its prop name, over a file that sets it well', () => {
    const { message } = configError({
      configFile: file,
      checkTime: '9:30',
      quietHours: { fromTime: '22:00', to: '25:00' },
    });

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  props.checkTime: "9:30" is not a time (expected HH:MM, 00:00 to 23:59)',
        '  props.quietHours.to: "25:00" is not a time (expected HH:MM, 00:00 to 23:59)',
      ].join('\n'),
    );
  });

  it('names a bad typed calendar day by calendarDays', () => {
    const { message } = configError({ configFile: file, calendar: 'CN', calendarDays: { workdays: ['2027-02-30'] } });

    expect(message).toBe(
      'invalid RenewalGuard config:\n  props.calendarDays.workdays[0]: "2027-02-30" is not a calendar date (expected YYYY-MM-DD)',
    );
  });
});

describe('config validation at synth time', () => {
  it('reports every problem of a config file in one error, naming the file, before creating anything', () => {
    const file = fixture('invalid.yaml');
    const { message, childrenCreated } = configError({ configFile: file });

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        `  ${file}: timeZone: "Mars/Olympus_Mons" is not an IANA time zone`,
        `  ${file}: checkTime: "25:00" is not a time (expected HH:MM, 00:00 to 23:59)`,
        `  ${file}: services[0].expiresOn: "2026-02-30" is not a calendar date (expected YYYY-MM-DD)`,
      ].join('\n'),
    );
    expect(childrenCreated).toBe(0);
  });

  it('reports every problem of the typed props in one error, named by prop and entry id', () => {
    const { message } = configError({
      timeZone: 'Mars/Olympus_Mons',
      reminderDays: [30, -1],
      services: [{ ...liveRtc, expiresOn: '2026-02-30', channels: ['ops'] }],
      channels: [AlertChannel.sms({ channelId: 'pager', to: ['13800000000'] })],
    });

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  props.timeZone: "Mars/Olympus_Mons" is not an IANA time zone',
        '  props.reminderDays[1]: -1 is not a whole number of days from 0 to 3650',
        '  props.services[0] (serviceId "live-rtc").expiresOn: "2026-02-30" is not a calendar date (expected YYYY-MM-DD)',
        '  props.services[0] (serviceId "live-rtc").channels[0]: "ops" is not a channel id (known: pager)',
        '  props.channels[0] (channelId "pager").to[0]: "13800000000" is not an E.164 phone number (e.g. +8613800000000)',
      ].join('\n'),
    );
  });

  it('names a typed service merged after the file by its prop, not by its place in the merged document', () => {
    const { message } = configError({
      configFile: fixture('guard.yaml'),
      services: [{ ...liveRtc, serviceId: 'new-service', owners: [] }],
    });

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  props.services[0] (serviceId "new-service").owners: empty; name at least one responsible person, e.g. [alice@example.com]',
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
        '  props.services[1].serviceId: "live-rtc" is used by props.services[0] (serviceId "live-rtc") too',
        '  props.channels[1].channelId: "ops" is used by props.channels[0] (channelId "ops") too',
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
        '  props.accounts[0] (accountId "agora-main").credentials: the name of secret GuardStack/Unnamed is only known at deploy time; ' +
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
        `  props.timeZone: ${token}`,
        `  props.services[0] (serviceId "live-rtc").owners[0]: ${token}`,
        '  props.checkTime: "9:30" is not a time (expected HH:MM, 00:00 to 23:59)',
        '  props.services[0] (serviceId "live-rtc").owners: empty; name at least one responsible person, e.g. [alice@example.com]',
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
        '  props.channels[0] (channelId "slack").secret: the name of secret GuardStack/Unnamed is only known at deploy time; ' +
          'give it an explicit secretName, or import it with Secret.fromSecretNameV2',
        '  props.channels[1] (channelId "team-chat").atMobiles[1]: must be known at synth time, got a token ' +
          '(e.g. a CfnParameter): the config is staged into the function code',
        '  props.channels[1] (channelId "team-chat").atMobiles[0]: "call me" is not a mobile number ' +
          '(digits, optionally with + and a country code)',
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
      'invalid RenewalGuard config:\n  props.language: "fr" is not a supported language; expected one of en, zh-CN',
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
