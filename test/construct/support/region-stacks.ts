import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AlertChannel, RenewalGuardProps, RenewalGuardStack, ServiceKind } from '../../../src';

export interface RegionStack {
  readonly app: App;
  readonly stack: RenewalGuardStack;
  readonly template: Template;
}

/**
 * A `RenewalGuardStack` (what app/main.ts deploys) in `region`, or environment-agnostic when `region` is
 * undefined. A props function gets a stack of the same environment to import secrets into: the guard's
 * stack builds the guard in its constructor, before a test could add anything to it.
 */
export function synthStackIn(
  region: string | undefined,
  props: RenewalGuardProps | ((imports: Stack) => RenewalGuardProps) = {},
  beforeSynth?: (app: App) => void,
): RegionStack {
  const app = new App();
  beforeSynth?.(app);
  const env = region === undefined ? undefined : { account: '111111111111', region };
  const imports = new Stack(app, 'Imports', { env });
  const stack = new RenewalGuardStack(app, 'RenewalGuard', {
    env,
    ...(typeof props === 'function' ? props(imports) : props),
  });
  return { app, stack, template: Template.fromStack(stack) };
}

/**
 * The channels a team in the region would use: the chat robots there, email, and SMS in us-east-1 (SNS
 * sends SMS from the regions its "Supported countries and regions" page lists; not from China).
 */
export function regionChannels(scope: Stack, region: string): AlertChannel[] {
  const secret = (name: string) => secretsmanager.Secret.fromSecretNameV2(scope, name, `renewal-guard/${name}`);
  const email = AlertChannel.email({ channelId: 'ops', to: ['tech-lead@example.com'] });
  if (region.startsWith('cn-')) {
    return [
      email,
      AlertChannel.dingTalk({ channelId: 'team-chat', secret: secret('dingtalk') }),
      AlertChannel.weCom({ channelId: 'wecom', secret: secret('wecom') }),
      AlertChannel.feishu({ channelId: 'feishu', secret: secret('feishu') }),
    ];
  }
  return [
    email,
    ...(region === 'us-east-1' ? [AlertChannel.sms({ channelId: 'pager', to: ['+12025550123'] })] : []),
    AlertChannel.slack({ channelId: 'slack', secret: secret('slack') }),
  ];
}

/** One service, so the stacks are the shape a team deploys. */
export const ONE_SERVICE = [
  {
    serviceId: 'live-rtc',
    name: 'Live app RTC',
    project: 'live-app',
    kind: ServiceKind.SUBSCRIPTION,
    expiresOn: '2026-10-09',
    owners: ['alice@example.com'],
  },
];

/** The regions the acceptance names: China (no function URLs, no SMS), Malaysia (no function URLs), Virginia. */
export const ACCEPTANCE_REGIONS = ['cn-north-1', 'ap-southeast-5', 'us-east-1'] as const;

/** The stack of a team in `region`: its channels and one service. */
export function teamStackIn(region: string): RegionStack {
  return synthStackIn(region, (holder) => ({
    timeZone: 'Asia/Shanghai',
    services: ONE_SERVICE,
    channels: regionChannels(holder, region),
  }));
}
