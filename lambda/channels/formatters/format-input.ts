import type { Alert, ChannelConfig, Language, ServiceKind } from '../../core/model';

/** What a message knows beyond the alert itself, looked up by whoever delivers it. */
export interface AlertContext {
  /** The service's display name (`Live app RTC`); the id is used when absent. */
  readonly serviceName?: string;
  /** The service's kind, so the message speaks of a contract, a package, a bill...; generic words when absent. */
  readonly serviceKind?: ServiceKind;
  /** A signed acknowledge link for this alert, when an acknowledge endpoint is configured. */
  readonly ackUrl?: string;
  /** A digest's signed link to the HTML report, when the links function is deployed. Digests only. */
  readonly reportUrl?: string;
  /**
   * Keys of earlier alerts this one closes: for a `renewal-confirmed` notice, the keys of the old expiry
   * date. PagerDuty resolves them; chat channels just show the notice.
   */
  readonly resolves?: readonly string[];
}

/**
 * Everything a formatter reads. Formatters are pure and never see a secret: credentials (DingTalk's
 * signed URL, Feishu's `sign`, PagerDuty's `routing_key`) are added by the delivery step.
 */
export interface FormatInput extends AlertContext {
  readonly alert: Alert;
  readonly channel: ChannelConfig;
  /** The document's language; the channel's own `language` wins over it. @default 'en' */
  readonly language?: Language;
  /**
   * One message of a digest split across several (see delivery/render): the text it carries and its
   * place. Absent, a digest message carries its whole summary, shortened to the platform's limit.
   */
  readonly digestPart?: { readonly index: number; readonly count: number; readonly text: string };
}
