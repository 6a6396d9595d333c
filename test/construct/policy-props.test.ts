/** The alert policy as typed props: each one staged under the config's name, and checked by the shared loader. */
import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import {
  AlertChannel,
  Criticality,
  RenewalGuard,
  RenewalGuardProps,
  ServiceDeclaration,
  ServiceKind,
  Severity,
  VendorAccount,
  Weekday,
} from '../../src';
import { fixture, logicalId, stagedConfig, synthGuard } from './support/guard-stack';

const liveRtc: ServiceDeclaration = {
  serviceId: 'live-rtc',
  name: 'Live app RTC',
  project: 'live-app',
  account: 'ali-main',
  entitlement: 'rtc-cn-7x1',
  kind: ServiceKind.SUBSCRIPTION,
  expiresOn: '2026-12-31',
  autoRenew: true,
  renewalPrice: { amount: 1200, currency: 'CNY' },
  replacedBy: 'live-rtc-2027',
  owners: ['alice@example.com'],
  ownersConfirmedOn: '2026-06-01',
  criticality: Criticality.CORE,
};

const successor: ServiceDeclaration = {
  serviceId: 'live-rtc-2027',
  name: 'Live app RTC (2027 contract)',
  project: 'live-app',
  kind: ServiceKind.CONTRACT,
  startsOn: '2026-12-31',
  expiresOn: '2027-12-31',
  owners: ['alice@example.com'],
};

/** The typed twin of fixtures/policy.yaml. */
function typedProps(stack: Stack): RenewalGuardProps {
  return {
    timeZone: 'America/New_York',
    checkTime: '09:00',
    calendar: 'US',
    quietHours: { fromTime: '22:00', to: '08:00' },
    digest: { weekday: Weekday.MONDAY, time: '10:00' },
    escalation: { critical: ['oncall-sms'], emergency: ['oncall-sms', 'pager'] },
    criticalityTiers: { core: [90, 60, 30, 14, 7, 3, 1], experimental: [14, 3] },
    contactsMaxAgeDays: 120,
    renewalGraceDays: 2,
    coverageGapLeadDays: 45,
    accounts: [
      VendorAccount.alibaba({
        accountId: 'ali-main',
        credentials: secretsmanager.Secret.fromSecretNameV2(stack, 'AliMain', 'renewal-guard/ali-main'),
      }),
    ],
    services: [liveRtc, successor],
    channels: [
      AlertChannel.email({ channelId: 'ops', to: ['ops@example.com'] }),
      AlertChannel.sms({ channelId: 'oncall-sms', to: ['+15555550100'], minSeverity: Severity.CRITICAL }),
      AlertChannel.sms({ channelId: 'pager', to: ['+15555550101'], minSeverity: Severity.EMERGENCY }),
    ],
  };
}

function configError(props: RenewalGuardProps | ((stack: Stack) => RenewalGuardProps)): string {
  const stack = new Stack(new App(), 'GuardStack');
  try {
    new RenewalGuard(stack, 'Guard', typeof props === 'function' ? props(stack) : props);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the guard to reject its config');
}

describe('typed alert policy props', () => {
  const typed = synthGuard(typedProps);
  const staged = stagedConfig(typed);

  it('stage each document-wide setting under its config name', () => {
    expect(staged).toMatchObject({
      quietHours: { from: '22:00', to: '08:00' },
      digest: { weekday: 'MON', time: '10:00' },
      escalation: { critical: ['oncall-sms'], emergency: ['oncall-sms', 'pager'] },
      criticalityTiers: { core: [90, 60, 30, 14, 7, 3, 1], experimental: [14, 3] },
      contactsMaxAgeDays: 120,
      renewalGraceDays: 2,
      coverageGapLeadDays: 45,
    });
  });

  it('stage each service field under its config name, and resolve core tiers from criticalityTiers', () => {
    const [predecessor, next] = staged.services;

    expect(predecessor).toMatchObject({
      id: 'live-rtc',
      entitlement: 'rtc-cn-7x1',
      renewalPrice: { amount: 1200, currency: 'CNY' },
      replacedBy: 'live-rtc-2027',
      ownersConfirmedOn: '2026-06-01',
      reminderDays: [90, 60, 30, 14, 7, 3, 1],
    });
    expect(next).toMatchObject({ id: 'live-rtc-2027', startsOn: '2026-12-31' });
  });

  it('stage the same config as the file that writes the policy by hand', () => {
    const fromFile = stagedConfig(synthGuard({ configFile: fixture('policy.yaml') }));

    expect(staged).toEqual(fromFile);
  });

  it('schedule the weekly digest at the typed slot', () => {
    const poller = logicalId(typed.template, 'AWS::Lambda::Function', 'GuardPoller');

    typed.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 10 ? * MON *)',
      ScheduleExpressionTimezone: 'America/New_York',
      Target: { Arn: { 'Fn::GetAtt': [poller, 'Arn'] } },
    });
    expect(typed.guard.digestSchedule).toBeDefined();
  });
});

describe('typed alert policy props over a config file', () => {
  it('win over the file: each struct replaces the file value as a whole, and the digest schedule follows', () => {
    const synth = synthGuard({
      configFile: fixture('policy.yaml'),
      quietHours: { fromTime: '23:30', to: '06:00' },
      digest: { weekday: Weekday.FRIDAY, time: '16:45' },
      escalation: { emergency: ['pager'] },
      criticalityTiers: { experimental: [7] },
      renewalGraceDays: 0,
      services: [{ ...successor, startsOn: '2027-01-15' }],
    });
    const staged = stagedConfig(synth);

    expect(staged.quietHours).toEqual({ from: '23:30', to: '06:00' });
    expect(staged.digest).toEqual({ weekday: 'FRI', time: '16:45' });
    expect(staged.escalation).toEqual({ emergency: ['pager'] });
    expect(staged.criticalityTiers).toEqual({ experimental: [7] });
    expect(staged.renewalGraceDays).toBe(0);
    expect(staged.contactsMaxAgeDays).toBe(120); // not set as a prop: the file's
    expect(staged.services[1]).toMatchObject({ id: 'live-rtc-2027', startsOn: '2027-01-15' });
    const schedules = Object.values(synth.template.findResources('AWS::Scheduler::Schedule'));
    expect(schedules.map((s: any) => s.Properties.ScheduleExpression).sort()).toEqual([
      'cron(0 9 * * ? *)',
      'cron(45 16 ? * FRI *)',
      'rate(1 hour)', // the closer watch, whatever the policy
    ]);
  });
});

describe('typed alert policy validation', () => {
  it('fails synth naming the prop of a bad typed value', () => {
    const message = configError({ quietHours: { fromTime: '22:00', to: '22:00' } });

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  props.quietHours: from and to are both "22:00"; give a window such as { from: "22:00", to: "08:00" } or remove quietHours',
      ].join('\n'),
    );
  });

  it('reports every bad policy prop at once, each named by its prop', () => {
    const message = configError({
      digest: { weekday: Weekday.MONDAY, time: '25:00' },
      escalation: { critical: ['nowhere'] },
      contactsMaxAgeDays: 0,
      services: [
        { ...liveRtc, account: undefined, replacedBy: 'live-rtc', renewalPrice: { amount: 0, currency: 'cny' } },
      ],
    });

    expect(message).toBe(
      [
        'invalid RenewalGuard config:',
        '  props.digest.time: "25:00" is not a time (expected HH:MM, 00:00 to 23:59)',
        '  props.escalation.critical[0]: "nowhere" is not a channel id (no channels are defined)',
        '  props.contactsMaxAgeDays: 0 is not a whole number of days from 1 to 3650',
        '  props.services[0] (serviceId "live-rtc").renewalPrice.amount: 0 is out of range; give an amount above 0',
        '  props.services[0] (serviceId "live-rtc").renewalPrice.currency: "cny" is not an ISO 4217 currency code ' +
          'such as USD or CNY; did you mean CNY?',
        '  props.services[0] (serviceId "live-rtc").replacedBy: "live-rtc" is this service itself; name the service ' +
          'that takes over from it',
        '  props.services[0] (serviceId "live-rtc").entitlement: needs account: name the vendor account whose ' +
          'subscriptions or packages include it',
      ].join('\n'),
    );
  });

  it('reports a deploy-time token in a policy struct under its prop path', () => {
    const message = configError((stack) => ({
      services: [
        {
          ...successor,
          renewalPrice: { amount: new CfnParameter(stack, 'Price', { type: 'Number' }).valueAsNumber, currency: 'USD' },
        },
      ],
      quietHours: { fromTime: new CfnParameter(stack, 'From').valueAsString, to: '08:00' },
    }));

    expect(message).toContain(
      '  props.quietHours.fromTime: must be known at synth time, got a token (e.g. a CfnParameter): the config is staged into the function code',
    );
    expect(message).toContain(
      '  props.services[0] (serviceId "live-rtc-2027").renewalPrice.amount: must be known at synth time',
    );
  });
});
