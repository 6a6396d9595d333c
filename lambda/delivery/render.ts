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
 * The renderers sit in two tables joined here: message-renderers.ts (email, SMS, webhook, and the
 * EventBridge detail) and chat-renderers.ts (chat and incident platforms). The poller's senders use the
 * first directly (`renderMessage`), so its bundle carries no chat formatter; the payloads are the same.
 *
 * @example
 * const [message] = render(alert, channel, config.language, context(alert));
 * const parts = render(digest, dingTalkChannel, 'zh-CN', { reportUrl }); // one payload per message
 */
import { renderWith, type ChannelRenderer, type Rendered, type RenderedByType } from './channel-renderer';
import { CHAT_RENDERERS } from './chat-renderers';
import { MESSAGE_RENDERERS, type MessageChannelType } from './message-renderers';
import type { AlertContext, FormatInput } from '../channels/formatters/format-input';
import type { Alert, ChannelConfig, ChannelType, Language } from '../core/model';

export type { Rendered, RenderedByType } from './channel-renderer';
export { renderEventDetail, type EventDetail } from './message-renderers';

/**
 * A channel type's renderer, from whichever table holds it (their types cover every channel type between
 * them, so a new channel is a formatter and a line in one of the two). A lookup, not a merged table: a
 * top-level spread would count as a side effect and keep the chat table in every bundle that reaches this
 * file through delivery/index.ts.
 */
function rendererOf(type: ChannelType): ChannelRenderer {
  return isMessageChannel(type) ? MESSAGE_RENDERERS[type] : CHAT_RENDERERS[type];
}

function isMessageChannel(type: ChannelType): type is MessageChannelType {
  return Object.hasOwn(MESSAGE_RENDERERS, type);
}

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
  return renderWith(rendererOf(input.channel.type), input);
}
