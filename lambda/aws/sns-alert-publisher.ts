import { PublishCommand, SNSClient, type MessageAttributeValue } from '@aws-sdk/client-sns';
import type { AlertContext, EmailMessage } from '../channels/formatters';
import { truncateBytes, utf8Length } from '../channels/text/truncate';
import type { AlertPublisher } from '../core/delivery-port';
import { DeliveryError, errorMessage } from '../core/errors';
import type { Alert, ChannelConfig, GuardConfig, Language } from '../core/model';
import { renderMessage } from '../delivery/message-renderers';
import { serviceContext } from '../delivery/render-context';

/**
 * One SNS message per alert and language. Message attributes carry what subscription filter policies
 * route on (contract section 5): `severity`, `project`, `kind`, `serviceId`, and `channels` — the ids of
 * the channels the message is for, so an email subscription only receives its own channel's alerts.
 *
 * People read the email and SMS variants, rendered by the one renderer (delivery/render, through its
 * email / SMS table in delivery/message-renderers) in each channel's language: when email or SMS
 * channels speak different languages, each language gets its own message, whose `channels` name only
 * its channels (the document's language also carries the channels the notifier delivers). The `lambda`
 * variant is the alert object itself, for the notifier.
 */
export class SnsAlertPublisher implements AlertPublisher {
  readonly target = 'sns';
  private readonly client: SNSClient;
  private readonly context: (alert: Alert) => AlertContext;

  constructor(
    private readonly options: {
      topicArn: string;
      client?: SNSClient;
      /** Signed links for the email text: acknowledge for alerts, the report for digests. */
      links?: MessageLinks;
      /**
       * The document: its `language`, its channels (each email / SMS channel's own `language`) and its
       * services (names and kinds for the text). @default English, every channel alike, services by id
       */
      config?: Pick<GuardConfig, 'language' | 'channels' | 'services'>;
    },
  ) {
    this.client = options.client ?? new SNSClient({});
    this.context = options.config ? serviceContext(options.config) : () => ({});
  }

  async publish(alert: Alert): Promise<void> {
    for (const message of snsPublications(alert, this.options.links, this.options.config, this.context)) {
      try {
        await this.client.send(new PublishCommand({ TopicArn: this.options.topicArn, ...message }));
      } catch (e) {
        const retryable = (e as { $retryable?: unknown }).$retryable !== undefined || isServerFault(e);
        throw new DeliveryError(`SNS publish of ${alert.key} failed: ${errorMessage(e)}`, { retryable, cause: e });
      }
    }
  }
}

export interface SnsPublication {
  readonly Subject: string;
  readonly MessageStructure: 'json';
  readonly Message: string;
  readonly MessageAttributes: Record<string, MessageAttributeValue>;
}

/** The SNS messages of an alert: one per language its email and SMS channels speak. */
export function snsPublications(
  alert: Alert,
  links?: MessageLinks,
  config?: Pick<GuardConfig, 'language' | 'channels' | 'services'>,
  context: (alert: Alert) => AlertContext = config ? serviceContext(config) : () => ({}),
): SnsPublication[] {
  return languageGroups(alert, config).map((group) => {
    const facts = context(alert);
    const email = emailVariant(alert, group, { ...facts, ...linkContext(alert, links) });
    return {
      Subject: snsSubject(email.subject),
      MessageStructure: 'json',
      Message: snsMessage(alert, email.text, smsVariant(alert, group, facts)),
      MessageAttributes: alertAttributes({ ...alert, channels: group.channels }),
    };
  });
}

/** The (first) SNS message of an alert, as its subscribers receive it: a JSON object of variants. */
export function alertMessage(
  alert: Alert,
  links?: MessageLinks,
  config?: Pick<GuardConfig, 'language' | 'channels' | 'services'>,
): string {
  return snsPublications(alert, links, config)[0]!.Message;
}

/** SNS's limit on a whole message (all variants and attributes), in bytes. */
export const SNS_MESSAGE_BYTES = 256 * 1024;
/** Room kept for the message attributes and the JSON around the variants. */
const SNS_ENVELOPE_BYTES = 8 * 1024;

/** What an email can link to: the signed links of the guard's links function (absent when not deployed). */
export interface MessageLinks {
  ackUrl(alert: Alert): string;
  reportUrl(alert: Alert): string;
}

interface LanguageGroup {
  readonly language: Language;
  readonly channels: readonly string[];
  /** An email / SMS channel of the group, for its options; a bare one when the group has none. */
  readonly email: ChannelConfig;
  readonly sms: ChannelConfig;
}

/**
 * The alert's channels by the language their people read: one group per language an email or SMS
 * channel of the alert speaks, the document's language first and holding every other channel too.
 */
export function languageGroups(
  alert: Alert,
  config: Pick<GuardConfig, 'language' | 'channels'> | undefined,
): LanguageGroup[] {
  const base: Language = config?.language ?? 'en';
  const byId = new Map((config?.channels ?? []).map((c) => [c.id, c]));
  const languageOf = (id: string): Language => {
    const channel = byId.get(id);
    return channel && (channel.type === 'email' || channel.type === 'sms') ? (channel.language ?? base) : base;
  };
  const languages = [base, ...new Set(alert.channels.map(languageOf).filter((l) => l !== base))];
  return languages.map((language) => {
    const channels = alert.channels.filter((id) => languageOf(id) === language);
    const own = (type: 'email' | 'sms'): ChannelConfig =>
      channels.map((id) => byId.get(id)).find((c) => c?.type === type) ?? {
        id: type,
        type,
        to: [],
        minSeverity: 'info',
        options: {},
        language,
      };
    return { language, channels, email: { ...own('email'), language }, sms: { ...own('sms'), language } };
  });
}

function linkContext(alert: Alert, links: MessageLinks | undefined): AlertContext {
  if (!links) return {};
  // a digest has nothing to acknowledge; it links the whole picture instead
  return alert.kind === 'digest' ? { reportUrl: links.reportUrl(alert) } : { ackUrl: links.ackUrl(alert) };
}

/** SNS's limit on a subject, in characters ("less than 100"). */
const SUBJECT_CHARS = 99;
/** An encoded-word is at most 75 characters (RFC 2047, section 2): 12 of markup, 63 of base64. */
const WORD_BYTES = 45;

/**
 * The email subject as SNS takes it. SNS's Publish reference has long asked for ASCII subjects (no line
 * breaks or control characters, under 100 characters), so a subject in another script (the reader's
 * language: `【严重】语音房 将于 7 天后到期`) travels as RFC 2047 encoded-words (`=?UTF-8?B?…?=`), which
 * every mail client shows as the text itself; it is cut, on a character, to fit.
 */
export function snsSubject(subject: string): string {
  // eslint-disable-next-line no-control-regex
  const plain = subject.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(plain)) {
    return plain.length <= SUBJECT_CHARS ? plain : `${plain.slice(0, SUBJECT_CHARS - 3)}...`;
  }
  let chars = [...plain];
  for (;;) {
    const encoded = encodedWords(chars.join(''));
    if (encoded.length <= SUBJECT_CHARS) return encoded;
    chars = [...chars.slice(0, -2), '…'];
  }
}

/**
 * ASCII words stay as they are; runs of other words (short ASCII words between them included, as each
 * encoded-word costs 12 characters of markup) become encoded-words. Decoders drop the space between two
 * encoded-words and keep it beside plain text, so a run's own spaces are encoded with it.
 */
function encodedWords(text: string): string {
  const tokens = text.split(' ');
  const ascii = (t: string) => /^[\x20-\x7e]*$/.test(t);
  const plain = tokens.map(
    (t, i) => ascii(t) && (t.length >= 4 || (!hasOther(tokens[i - 1]) && !hasOther(tokens[i + 1]))),
  );
  const segments: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) segments.push(encodeRun(run.join(' ')));
    run = [];
  };
  tokens.forEach((t, i) => {
    if (plain[i]) {
      flush();
      segments.push(t);
    } else {
      run.push(t);
    }
  });
  flush();
  return segments.join(' ');

  function hasOther(t: string | undefined): boolean {
    return t !== undefined && !ascii(t);
  }
}

function encodeRun(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch, 'utf8') > WORD_BYTES) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join(' ');
}

function emailVariant(alert: Alert, group: LanguageGroup, context: AlertContext): EmailMessage {
  return renderMessage(alert, group.email as ChannelConfig & { type: 'email' }, group.language, context)[0]!;
}

/** SMS stays short: no link (the acknowledge page is one tap away in the email and chat messages). */
function smsVariant(alert: Alert, group: LanguageGroup, context: AlertContext): string {
  return renderMessage(alert, group.sms as ChannelConfig & { type: 'sms' }, group.language, context)[0]!;
}

/**
 * One message, a variant per protocol (SNS `MessageStructure: json`): people read text by email and SMS,
 * while a Lambda subscriber (the notifier) receives the alert object itself, as EventBridge does. The
 * whole stays within SNS's 256 KB: the alert is bounded (a digest carries its summary, not the
 * registry), and the email text is what gives way if anything must.
 */
export function snsMessage(alert: Alert, email: string, sms: string): string {
  const lambda = JSON.stringify(alert);
  const fixed = utf8Length(JSON.stringify({ sms, lambda })) + SNS_ENVELOPE_BYTES;
  // the text appears twice (default and email) and JSON may escape it: budget each copy a third of the rest
  const room = Math.floor((SNS_MESSAGE_BYTES - fixed) / 3);
  const text = utf8Length(JSON.stringify(email)) <= room ? email : truncateBytes(email, Math.max(0, room));
  return JSON.stringify({ default: text, email: text, sms, lambda });
}

export function alertAttributes(alert: Alert): Record<string, MessageAttributeValue> {
  const attributes: Record<string, MessageAttributeValue> = {
    severity: { DataType: 'String', StringValue: alert.severity },
    kind: { DataType: 'String', StringValue: alert.kind },
    channels: { DataType: 'String.Array', StringValue: JSON.stringify(alert.channels) },
  };
  // SNS rejects empty attribute values, so absent ones are left out rather than sent blank
  if (alert.project) attributes.project = { DataType: 'String', StringValue: alert.project };
  if (alert.serviceId) attributes.serviceId = { DataType: 'String', StringValue: alert.serviceId };
  return attributes;
}

function isServerFault(e: unknown): boolean {
  return (e as { $fault?: unknown }).$fault === 'server';
}
