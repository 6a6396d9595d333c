/**
 * What rendering a channel type means, and the one way a renderer is applied (a digest split into the
 * messages its platform needs). The renderers themselves live in two tables, so a function bundles only
 * the formatters it can reach: message-renderers.ts (email, SMS, webhook: what the guard's topic, its
 * event bus and owners' emails carry) and chat-renderers.ts (chat and incident platforms, the
 * notifier's drivers). render.ts joins them for any channel.
 */
import type { DingTalkMarkdownMessage } from '../channels/formatters/dingtalk';
import type { EmailMessage } from '../channels/formatters/email';
import type { FeishuCardMessage } from '../channels/formatters/feishu';
import type { FormatInput } from '../channels/formatters/format-input';
import type { PagerDutyEvent } from '../channels/formatters/pagerduty';
import type { SlackMessage } from '../channels/formatters/slack';
import type { TeamsMessage } from '../channels/formatters/teams';
import type { WebhookBody } from '../channels/formatters/webhook';
import type { WeComMarkdownMessage } from '../channels/formatters/wecom';
import { channelLanguage } from '../channels/messages/alert-view';
import { digestBlocks, packBlocks } from '../channels/messages/digest-view';
import { messagesFor } from '../channels/messages/messages';
import type { ChannelType } from '../core/model';

/** The payload type each channel type renders to. */
export interface RenderedByType {
  readonly email: EmailMessage;
  readonly sms: string;
  readonly dingtalk: DingTalkMarkdownMessage;
  readonly feishu: FeishuCardMessage;
  readonly wecom: WeComMarkdownMessage;
  readonly slack: SlackMessage;
  readonly teams: TeamsMessage;
  readonly webhook: WebhookBody;
  readonly pagerduty: PagerDutyEvent;
}

export type Rendered = RenderedByType[ChannelType];

export interface ChannelRenderer {
  readonly payloads: (input: FormatInput) => readonly Rendered[];
  /**
   * How much digest text one message of this platform carries, as `measure` counts it once the text is
   * escaped the platform's way: the platform's limit less the room its headline, action, link and footer
   * take. Absent: the digest is never split (it fits whole, or is not shown).
   */
  readonly digestBudget?: { readonly max: number; readonly measure: (text: string) => number };
  /** How this platform makes user text inert in a digest (as its formatter does for other messages). */
  readonly userText?: (text: string) => string;
}

/** Every payload `input` becomes through `renderer`: usually one; a split digest one per message. */
export function renderWith(renderer: ChannelRenderer, input: FormatInput): Rendered[] {
  const parts = digestParts(input, renderer);
  if (parts.length <= 1) return [...renderer.payloads(input)];
  return parts.flatMap((text, i) =>
    renderer.payloads({ ...input, digestPart: { index: i + 1, count: parts.length, text } }),
  );
}

/** A digest's text, cut into the messages this platform needs; [] when it is sent whole. */
function digestParts(input: FormatInput, renderer: ChannelRenderer): string[] {
  const { alert } = input;
  if ((alert.kind as string) !== 'digest' || !alert.digest || !renderer.digestBudget || !renderer.userText) return [];
  const m = messagesFor(channelLanguage(input)).digest;
  const blocks = digestBlocks(alert.digest, m, renderer.userText);
  return packBlocks(blocks, renderer.digestBudget.max, renderer.digestBudget.measure);
}
