/**
 * `check --send` and owner email. Locally there is no SES: the command prints, for each alert this
 * cycle fired, the email each owner would get (recipient, language, subject, text), and records
 * nothing, as it does for the email and SMS channels that SNS delivers when deployed. With `--ses` it
 * sends them through Amazon SES with the caller's AWS credentials and region, and owners become
 * delivery targets recorded in the store like the chat channels.
 */
import type { CliIo } from './cli-io';
import type { EmailSender, OutgoingEmail } from '../core/delivery-port';
import type { Alert, GuardConfig } from '../core/model';
import { ownerEmailPublishers } from '../delivery/owner-email-publisher';

/** An email sender that keeps what it is given: what would have been sent. */
export class CapturingEmailSender implements EmailSender {
  readonly sent: OutgoingEmail[] = [];
  async send(email: OutgoingEmail): Promise<void> {
    this.sent.push(email);
  }
}

/** The emails owners would get for `alerts`, in the order of the alerts and their owners. */
export async function ownerEmailsFor(config: GuardConfig, alerts: readonly Alert[]): Promise<OutgoingEmail[]> {
  const sender = new CapturingEmailSender();
  for (const publisher of ownerEmailPublishers(config, { sender })) {
    for (const alert of alerts) await publisher.publish(alert);
  }
  return sender.sent;
}

export function printOwnerEmails(io: CliIo, config: GuardConfig, emails: readonly OutgoingEmail[]): void {
  if (emails.length === 0) return;
  const language = config.ownerEmail?.language ?? config.language ?? 'en';
  io.stdout(
    `\nOwner email (${emails.length}, ${language}): not sent from here, the deployed guard sends it by Amazon SES ` +
      '(add --ses to send it now with your AWS credentials)\n',
  );
  for (const e of emails) {
    io.stdout(`\nFrom: ${e.from}\nTo: ${e.to}\nSubject: ${e.subject}\n\n${e.text}\n`);
  }
}
