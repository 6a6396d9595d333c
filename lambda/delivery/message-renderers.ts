/**
 * The renderers of messages sent whole: email, SMS and webhook, and the EventBridge detail (a webhook
 * body). They are what the poller sends (the SNS topic's email and SMS variants, owners' emails, the
 * event bus), so it bundles these formatters and not the chat platforms' (chat-renderers.ts). The one
 * renderer for any channel is render.ts, which uses this table for these three types.
 */
import { renderWith, type ChannelRenderer, type RenderedByType } from './channel-renderer';
import { formatEmail } from '../channels/formatters/email';
import type { AlertContext } from '../channels/formatters/format-input';
import { formatSms } from '../channels/formatters/sms';
import { formatWebhook, type WebhookBody } from '../channels/formatters/webhook';
import type { Alert, ChannelConfig, Language } from '../core/model';

export type MessageChannelType = 'email' | 'sms' | 'webhook';

/** One line per channel type; none of these splits a digest: email and webhook carry it whole, SMS its totals. */
export const MESSAGE_RENDERERS: Readonly<Record<MessageChannelType, ChannelRenderer>> = {
  email: { payloads: (i) => [formatEmail(i)] },
  sms: { payloads: (i) => [formatSms(i)] },
  webhook: { payloads: (i) => [formatWebhook(i)] },
};

/**
 * `render` (render.ts) for an email, SMS or webhook channel, without the chat platforms' formatters:
 * the same payloads, from the same table.
 *
 * @example
 * const [email] = renderMessage(alert, emailChannel, config.language, context(alert));
 */
export function renderMessage<T extends MessageChannelType>(
  alert: Alert,
  channel: ChannelConfig & { readonly type: T },
  language: Language | undefined,
  context: AlertContext = {},
): RenderedByType[T][] {
  const input = { ...context, alert, channel, ...(language !== undefined && { language }) };
  return renderWith(MESSAGE_RENDERERS[channel.type], input) as RenderedByType[T][];
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
