import { DINGTALK_PLATFORM } from './dingtalk-platform';
import { FEISHU_PLATFORM } from './feishu-platform';
import { PAGERDUTY_PLATFORM } from './pagerduty-platform';
import type { PlatformDriver } from './platform-driver';
import { SLACK_PLATFORM } from './slack-platform';
import { TEAMS_PLATFORM } from './teams-platform';
import { WEBHOOK_PLATFORM } from './webhook-platform';
import { WECOM_PLATFORM } from './wecom-platform';
import type { ChannelType } from '../../core/model';

/** The platforms delivered over HTTP by the guard itself; email and sms go through SNS subscriptions. */
export const PLATFORMS: Readonly<Partial<Record<ChannelType, PlatformDriver>>> = {
  dingtalk: DINGTALK_PLATFORM,
  feishu: FEISHU_PLATFORM,
  wecom: WECOM_PLATFORM,
  slack: SLACK_PLATFORM,
  teams: TEAMS_PLATFORM,
  webhook: WEBHOOK_PLATFORM,
  pagerduty: PAGERDUTY_PLATFORM,
};

export function isDirectChannel(type: ChannelType): boolean {
  return PLATFORMS[type] !== undefined;
}
