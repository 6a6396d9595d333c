import { PublishCommand, SNSClient, type MessageAttributeValue } from '@aws-sdk/client-sns';
import type { AlertPublisher } from '../app/ports';
import { DeliveryError, errorMessage } from '../core/errors';
import type { Alert } from '../core/model';

/**
 * One SNS message per alert. Message attributes carry what subscription filter policies route on
 * (contract section 5): `severity`, `project`, `kind`, `serviceId`, and `channels` — the ids of the
 * channels this alert is for, so an email subscription only receives its own channel's alerts.
 */
export class SnsAlertPublisher implements AlertPublisher {
  readonly target = 'sns';
  private readonly client: SNSClient;

  constructor(
    private readonly options: {
      topicArn: string;
      client?: SNSClient;
      /** Signed links for the email text: acknowledge for alerts, the report for digests. */
      links?: MessageLinks;
    },
  ) {
    this.client = options.client ?? new SNSClient({});
  }

  async publish(alert: Alert): Promise<void> {
    try {
      await this.client.send(
        new PublishCommand({
          TopicArn: this.options.topicArn,
          Subject: alertSubject(alert),
          MessageStructure: 'json',
          Message: alertMessage(alert, this.options.links),
          MessageAttributes: alertAttributes(alert),
        }),
      );
    } catch (e) {
      const retryable = (e as { $retryable?: unknown }).$retryable !== undefined || isServerFault(e);
      throw new DeliveryError(`SNS publish of ${alert.key} failed: ${errorMessage(e)}`, { retryable, cause: e });
    }
  }
}

/**
 * SNS subjects must be ASCII, without line breaks, and under 100 characters; service names may be
 * Chinese, so the subject uses the (ASCII) ids and leaves names to the body.
 */
export function alertSubject(alert: Alert): string {
  const what = alert.serviceId ?? alert.accountId ?? 'renewal-guard';
  let text: string;
  if (alert.kind === 'expiry' && alert.daysLeft !== undefined) {
    text =
      alert.daysLeft < 0
        ? `${what} expired on ${alert.expiresOn}`
        : alert.daysLeft === 0
          ? `${what} expires today (${alert.expiresOn})`
          : `${what} expires ${alert.expiresOn} (${alert.daysLeft} days left)`;
  } else {
    text = `${what}: ${alert.kind}`;
  }
  const subject = `[${alert.severity.toUpperCase()}] ${text}`.replace(/[^\x20-\x7e]/g, '?');
  return subject.length < 100 ? subject : `${subject.slice(0, 96)}...`;
}

/**
 * One message, a variant per protocol (SNS `MessageStructure: json`): people read text by email and SMS,
 * while a Lambda subscriber (the notifier) receives the alert object itself, as EventBridge does.
 */
export function alertMessage(alert: Alert, links?: MessageLinks): string {
  const text = alertBody(alert, links);
  return JSON.stringify({
    default: text,
    email: text,
    sms: smsText(alert),
    lambda: JSON.stringify(alert),
  });
}

/** SMS: the severity and the one-paragraph message, kept within two concatenated segments. */
export function smsText(alert: Alert): string {
  const text = `${alert.severity.toUpperCase()}: ${alert.message}`;
  const limit = /[^\x00-\x7f]/.test(text) ? 134 : 306; // two UCS-2 or two GSM segments
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

/** What an email can link to: the signed links of the guard's links function (absent when not deployed). */
export interface MessageLinks {
  ackUrl(alert: Alert): string;
  reportUrl(alert: Alert): string;
}

export function alertBody(alert: Alert, links?: MessageLinks): string {
  const lines = [alert.message, ''];
  if (alert.project) lines.push(`Project: ${alert.project}`);
  if (alert.expiresOn) lines.push(`Expires on: ${alert.expiresOn}`);
  if (alert.daysLeft !== undefined) lines.push(`Days left: ${alert.daysLeft}`);
  lines.push(`Severity: ${alert.severity}`, `Owners: ${alert.owners.join(', ')}`, `Alert key: ${alert.key}`);
  // a digest has nothing to acknowledge; it links the whole picture instead
  if (links && alert.kind === 'digest') lines.push('', `Full report: ${links.reportUrl(alert)}`);
  else if (links) lines.push('', `Acknowledge or snooze: ${links.ackUrl(alert)}`);
  return lines.join('\n');
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
