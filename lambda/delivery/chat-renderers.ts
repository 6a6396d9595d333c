/**
 * The renderers of the chat and incident platforms the notifier's drivers post to: a digest too long for
 * one message is split (channel-renderer.ts), each platform escaping user text its own way. Only
 * render.ts (any channel) uses this table, so the poller, which sends email, SMS and events
 * (message-renderers.ts), does not bundle these formatters.
 */
import type { ChannelRenderer } from './channel-renderer';
import type { MessageChannelType } from './message-renderers';
import { formatDingTalk } from '../channels/formatters/dingtalk';
import { formatFeishu } from '../channels/formatters/feishu';
import { pagerDutyEvents } from '../channels/formatters/pagerduty';
import { formatSlack } from '../channels/formatters/slack';
import { formatTeams } from '../channels/formatters/teams';
import { formatWeCom } from '../channels/formatters/wecom';
import { escapeMarkdown, escapeMrkdwn, inert } from '../channels/text/escape';
import { utf8Length } from '../channels/text/truncate';
import type { ChannelType } from '../core/model';

export type ChatChannelType = Exclude<ChannelType, MessageChannelType>;

const bytes = utf8Length;
const markdown = (text: string): string => escapeMarkdown(inert(text));

/** One line per channel type: a new channel is a formatter and a line here (or in message-renderers.ts). */
export const CHAT_RENDERERS: Readonly<Record<ChatChannelType, ChannelRenderer>> = {
  // documented limits: DingTalk ours 4,000 B, WeCom 4,096 B, Feishu 20 KB, Slack 3,000 characters a
  // section (escaped), Teams 28 KB; budgets leave ~1 KB (chat) to 4 KB (cards) for the rest of the message
  dingtalk: { payloads: (i) => [formatDingTalk(i)], digestBudget: { max: 2800, measure: bytes }, userText: markdown },
  wecom: { payloads: (i) => [formatWeCom(i)], digestBudget: { max: 2800, measure: bytes }, userText: markdown },
  feishu: { payloads: (i) => [formatFeishu(i)], digestBudget: { max: 12000, measure: bytes }, userText: markdown },
  slack: {
    payloads: (i) => [formatSlack(i)],
    digestBudget: { max: 2800, measure: (t) => escapeMrkdwn(t).length },
    userText: inert,
  },
  teams: { payloads: (i) => [formatTeams(i)], digestBudget: { max: 16000, measure: bytes }, userText: markdown },
  pagerduty: { payloads: (i) => pagerDutyEvents(i) },
};
