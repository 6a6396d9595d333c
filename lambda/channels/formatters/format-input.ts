import type { Alert, ChannelConfig, Language } from '../../core/model';

/** What a message knows beyond the alert itself, looked up by whoever delivers it. */
export interface AlertContext {
  /** The service's display name (`Live app RTC`); the id is used when absent. */
  readonly serviceName?: string;
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
  /** @default 'en' */
  readonly language?: Language;
}
