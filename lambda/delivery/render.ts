/**
 * The one renderer: what an alert becomes on a channel, in the reader's language, within the channel's
 * limits. Every sender (the SNS publisher's email and SMS variants, the chat / webhook / PagerDuty
 * drivers, the EventBridge publisher) takes its text from here, so a wording, an escape or a limit is
 * decided once.
 *
 * - Language: the channel's own `language`, else the document's (`language` here), else English.
 * - Escaping: each platform's formatter makes user text inert in its own markup (see channels/text/escape).
 * - Limits: each formatter fits its platform's documented limit. A digest too long for one chat message
 *   is split into several, on project boundaries, in the summary's stable order (most urgent first),
 *   each titled `(i/n)` and each with the report link; email, webhook and EventBridge carry it whole
 *   (its facts are bounded: see core/policy/digest-summary), SMS its totals, PagerDuty nothing.
 *
 * @example
 * const [message] = render(alert, channel, config.language, context(alert));
 * const parts = render(digest, dingTalkChannel, 'zh-CN', { reportUrl }); // one payload per message
 */
import {
  formatDingTalk,
  formatEmail,
  formatFeishu,
  formatSlack,
  formatSms,
  formatTeams,
  formatWebhook,
  formatWeCom,
  pagerDutyEvents,
  type AlertContext,
  type DingTalkMarkdownMessage,
  type EmailMessage,
  type FeishuCardMessage,
  type FormatInput,
  type PagerDutyEvent,
  type SlackMessage,
  type TeamsMessage,
  type WebhookBody,
  type WeComMarkdownMessage,
} from '../channels/formatters';
import { channelLanguage } from '../channels/messages/alert-view';
import { digestBlocks, packBlocks } from '../channels/messages/digest-view';
import { messagesFor } from '../channels/messages/messages';
import { escapeMarkdown, escapeMrkdwn, inert } from '../channels/text/escape';
import { utf8Length } from '../channels/text/truncate';
import type { Alert, ChannelConfig, ChannelType, Language } from '../core/model';

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

interface ChannelRenderer {
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

const bytes = utf8Length;
const markdown = (text: string): string => escapeMarkdown(inert(text));

/** One line per channel type: a new channel is a formatter and a line here. */
const RENDERERS: Readonly<Record<ChannelType, ChannelRenderer>> = {
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
  email: { payloads: (i) => [formatEmail(i)] },
  sms: { payloads: (i) => [formatSms(i)] },
  webhook: { payloads: (i) => [formatWebhook(i)] },
  pagerduty: { payloads: (i) => pagerDutyEvents(i) },
};

/**
 * Every payload `alert` becomes on `channel`, in order: usually one; a split digest one per message;
 * PagerDuty's notices their resolve events (or none). `language` is the document's; the channel's own
 * `language` wins over it.
 */
export function render<T extends ChannelType>(
  alert: Alert,
  channel: ChannelConfig & { readonly type: T },
  language: Language | undefined,
  context?: AlertContext,
): RenderedByType[T][];
export function render(
  alert: Alert,
  channel: ChannelConfig,
  language: Language | undefined,
  context?: AlertContext,
): Rendered[];
export function render(
  alert: Alert,
  channel: ChannelConfig,
  language: Language | undefined,
  context: AlertContext = {},
): Rendered[] {
  return renderInput({ ...context, alert, channel, ...(language !== undefined && { language }) });
}

/** `render` for callers that already hold a FormatInput (the platform drivers' `payloads`). */
export function renderInput(input: FormatInput): Rendered[] {
  const renderer = RENDERERS[input.channel.type];
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

/**
 * The EventBridge `detail` of an alert: the contract's alert object (absent optional fields as null, as
 * rules match on them) with its headline in the document's language, as the webhook body has. Links and
 * the display name stay out: an event is not a message, and its rules match on ids.
 */
export type EventDetail = Omit<WebhookBody, 'serviceName' | 'ackUrl' | 'reportUrl'>;

export function renderEventDetail(
  alert: Alert,
  language: Language | undefined,
  context: AlertContext = {},
): EventDetail {
  const {
    serviceName: _name,
    ackUrl: _ack,
    reportUrl: _report,
    ...detail
  } = formatWebhook({
    ...context,
    alert,
    channel: EVENT_CHANNEL,
    ...(language !== undefined && { language }),
  });
  return detail;
}

/** EventBridge is no configured channel: it renders as a webhook with the document's language. */
const EVENT_CHANNEL: ChannelConfig = { id: 'eventbridge', type: 'webhook', to: [], minSeverity: 'info', options: {} };
