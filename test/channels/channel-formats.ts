import {
  formatDingTalk,
  formatEmail,
  formatFeishu,
  formatPagerDuty,
  formatSlack,
  formatSms,
  formatTeams,
  formatWebhook,
  formatWeCom,
  type FormatInput,
} from '../../lambda/channels/formatters';
import type { ChannelType } from '../../lambda/core/model';

/** Every channel's formatter by type, for tests that go through all of them alike (SMS text wrapped as `{ text }`). */
export const FORMAT: Record<ChannelType, (input: FormatInput) => unknown> = {
  dingtalk: formatDingTalk,
  feishu: formatFeishu,
  wecom: formatWeCom,
  slack: formatSlack,
  teams: formatTeams,
  webhook: formatWebhook,
  pagerduty: formatPagerDuty,
  email: formatEmail,
  sms: (formatInput) => ({ text: formatSms(formatInput) }),
};
