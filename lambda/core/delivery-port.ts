/**
 * What delivery needs from the world: publishers that hand an alert to one target (SNS, EventBridge, a
 * chat, webhook or PagerDuty channel) or to each of its recipients (owners, through an email sender)
 * and a logger. The pipeline (lambda/delivery) drives them; the
 * adapters (lambda/aws, lambda/delivery/channel-publisher.ts) implement them.
 */
import type { Alert } from './model';
import type { DeliveryTarget } from './registry-port';

/** Hands an alert to one delivery target. Throws DeliveryError when it could not. */
export interface AlertPublisher {
  readonly target: DeliveryTarget;
  publish(alert: Alert): Promise<void>;
}

/**
 * A publisher whose targets the alert itself names, one per recipient (a service's owners): each is
 * owed, sent, retried and recorded on its own, like a channel, while the template and the publisher
 * list stay the same whatever the number of recipients. `target` names the family (`owners`).
 */
export interface RecipientPublisher extends AlertPublisher {
  /** The targets this alert is owed (`owner:<fingerprint>`), none when it is not for any recipient. */
  targetsOf(alert: Alert): readonly DeliveryTarget[];
  /** Sends the alert to one of `targetsOf(alert)`. Throws DeliveryError when it could not. */
  publishTo(alert: Alert, target: DeliveryTarget): Promise<void>;
}

export function isRecipientPublisher(publisher: AlertPublisher): publisher is RecipientPublisher {
  return typeof (publisher as Partial<RecipientPublisher>).targetsOf === 'function';
}

/** One email to one recipient, with a plain text and an HTML part of the same content. */
export interface OutgoingEmail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The alert key: a tag on the message, so bounces and complaints can be traced to it. */
  readonly alertKey: string;
}

/** Sends one email (Amazon SES in AWS; printed by the CLI). Throws DeliveryError when it could not. */
export interface EmailSender {
  send(email: OutgoingEmail): Promise<void>;
}

/** Structured logging; a Powertools Logger in Lambda, stderr JSON lines in the CLI. Never given a secret. */
export interface CycleLogger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export const SILENT_LOGGER: CycleLogger = { info() {}, warn() {}, error() {} };
