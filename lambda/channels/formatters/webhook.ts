/**
 * Generic webhook: a JSON body any receiver can parse, signed by delivery.
 *
 * The body is the contract's alert object (section 4: key, kind, severity, serviceId, tier, daysLeft,
 * channels, message, date) plus `project`, `owners`, `expiresOn` and `accountId` — the same fields as
 * the EventBridge `detail`, absent ones as null — and `serviceName`, `ackUrl`, the localized `title` and
 * its `language`. Delivery sends it with
 *
 *   X-RenewalGuard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(signingSecret, "<t>.<raw body>")>
 *   Idempotency-Key: <alert key>
 *
 * A receiver recomputes v1 over the raw bytes it got, compares in constant time, and rejects a `t` more
 * than five minutes from its own clock (see verifyWebhookSignature).
 */
import type { FormatInput } from './format-input';
import type { Alert, Language } from '../../core/model';
import { buildAlertView, channelLanguage } from '../messages/alert-view';

export type WebhookBody = Omit<Alert, 'project' | 'expiresOn' | 'accountId'> & {
  readonly project: string | null;
  readonly expiresOn: string | null;
  readonly accountId: string | null;
  readonly serviceName: string | null;
  readonly ackUrl: string | null;
  /** A digest's report link; absent from other alerts. */
  readonly reportUrl?: string;
  readonly title: string;
  readonly language: Language;
};

export function formatWebhook(input: FormatInput): WebhookBody {
  const { alert } = input;
  return {
    ...alert,
    project: alert.project ?? null,
    owners: alert.owners,
    expiresOn: alert.expiresOn ?? null,
    accountId: alert.accountId ?? null,
    serviceName: input.serviceName ?? null,
    ackUrl: alert.kind === 'digest' ? null : (input.ackUrl ?? null),
    ...(alert.kind === 'digest' && input.reportUrl !== undefined && { reportUrl: input.reportUrl }),
    title: buildAlertView(input).headline,
    language: channelLanguage(input),
  };
}
