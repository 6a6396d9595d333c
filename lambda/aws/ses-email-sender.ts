import { SendEmailCommand, SESv2Client, type SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import type { EmailSender, OutgoingEmail } from '../core/delivery-port';
import { DeliveryError, errorMessage } from '../core/errors';
import { perSecond, RateLimiter } from '../http/rate-limiter';

/**
 * SES errors no retry fixes: the message or the sender is refused (an unverified identity, a sandboxed
 * account's unverified recipient, a bad address), or sending is stopped for the account. Everything
 * else (throttling, `LimitExceeded` once the second passes, server faults, the network) is retryable: the
 * owner stays owed in the outbox for the next cycle.
 */
const PERMANENT = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'BadRequestException',
  'NotFoundException',
  'AccessDeniedException',
]);

export interface SesEmailSenderOptions {
  /** @default a new SESv2Client in the function's region */
  readonly client?: SESv2Client;
  /** An SES configuration set for event publishing (bounces, complaints). @default none */
  readonly configurationSetName?: string;
  /**
   * Emails a second this process sends at most, so a cycle with many owners waits instead of running
   * into SES's sending rate. @default DEFAULT_SES_SEND_RATE
   */
  readonly maxPerSecond?: number;
  /** @default the system clock */
  readonly clock?: () => Date;
  /** @default a real timer */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Owner emails a second. SES's sending rate is per account and region: 1 a second in the sandbox, and out
 * of it one that "varies based on your specific use case" ("Service quotas in Amazon SES",
 * https://docs.aws.amazon.com/ses/latest/dg/quotas.html). Above the account's rate SES answers
 * TooManyRequests; the SDK retries it, and what still fails stays owed in the outbox for the next cycle.
 * At 10 a second the poller's 5-minute cycle sends up to ~2,900 owner emails.
 */
export const DEFAULT_SES_SEND_RATE = 10;

/**
 * Owner email through Amazon SES (SESv2 `SendEmail`, simple content): one recipient per call, a text and
 * an HTML part in UTF-8, and the alert key as a message tag (`renewal-guard-alert`, with the characters
 * SES does not accept in a tag replaced by `_`), so a bounce or complaint event names the alert.
 *
 * The function's role may only send from the configured address (IAM condition `ses:FromAddress`, set by
 * the construct), so a document that names another sender fails here with SES's AccessDenied.
 *
 * @example
 * const sender = new SesEmailSender({ configurationSetName: process.env.RENEWAL_GUARD_SES_CONFIGURATION_SET });
 * await sender.send({ from, to: 'alice@example.com', subject, text, html, alertKey: alert.key });
 */
export class SesEmailSender implements EmailSender {
  private readonly client: SESv2Client;
  private readonly limiter = new RateLimiter();

  constructor(private readonly options: SesEmailSenderOptions = {}) {
    this.client = options.client ?? new SESv2Client({});
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.limiter.acquire(
      'ses',
      perSecond(this.options.maxPerSecond ?? DEFAULT_SES_SEND_RATE),
      this.options.clock ?? (() => new Date()),
      this.options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    );
    try {
      await this.client.send(new SendEmailCommand(sendEmailInput(email, this.options.configurationSetName)));
    } catch (e) {
      const name = (e as { name?: unknown }).name;
      const retryable = typeof name !== 'string' || !PERMANENT.has(name);
      throw new DeliveryError(`SES SendEmail failed: ${errorMessage(e)}`, { retryable, cause: e });
    }
  }
}

/** The SESv2 `SendEmail` request of one email. */
export function sendEmailInput(email: OutgoingEmail, configurationSetName?: string): SendEmailCommandInput {
  const utf8 = (data: string) => ({ Data: data, Charset: 'UTF-8' });
  return {
    FromEmailAddress: email.from,
    Destination: { ToAddresses: [email.to] },
    Content: {
      Simple: {
        Subject: utf8(email.subject),
        Body: { Text: utf8(email.text), Html: utf8(email.html) },
      },
    },
    EmailTags: [{ Name: 'renewal-guard-alert', Value: tagValue(email.alertKey) }],
    ...(configurationSetName !== undefined &&
      configurationSetName !== '' && { ConfigurationSetName: configurationSetName }),
  };
}

/** SESv2 MessageTag values: ASCII letters, digits, `_` and `-`, at most 256 characters. */
function tagValue(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 256);
}
