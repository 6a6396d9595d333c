import { createHash } from 'crypto';
import { alertContextFromConfig } from './channel-publishers';
import { renderOwnerEmail } from './render-owner-email';
import type { AlertContext } from '../channels/formatters/format-input';
import { isEmailAddress } from '../core/config/validate-owner-email';
import type { EmailSender, RecipientPublisher } from '../core/delivery-port';
import { DeliveryError, errorMessage, RenewalGuardError } from '../core/errors';
import type { Alert, GuardConfig, Language, OwnerEmailConfig } from '../core/model';
import { isResolvingNotice } from '../core/policy/resolutions';
import type { DeliveryTarget } from '../core/registry-port';
import { meetsMinSeverity } from '../core/reminders/severity';

/** The prefix of an owner's delivery target: `owner:<fingerprint of the address>`. */
export const OWNER_TARGET_PREFIX = 'owner:';

/**
 * An owner's delivery target. A fingerprint of the lower-cased address, not the address: the ledger and
 * the logs then hold no address, and the same owner of two services is the same target.
 */
export function ownerTarget(address: string): DeliveryTarget {
  const digest = createHash('sha256').update(address.trim().toLowerCase()).digest('hex').slice(0, 16);
  return `${OWNER_TARGET_PREFIX}${digest}`;
}

export interface OwnerEmailPublisherOptions {
  readonly ownerEmail: OwnerEmailConfig & { readonly from: string };
  readonly sender: EmailSender;
  /** The document's language; `ownerEmail.language` wins over it. @default 'en' */
  readonly language?: Language;
  /** Service names, kinds and the acknowledge link of an alert. @default ids, no link */
  readonly context?: (alert: Alert) => AlertContext;
}

/**
 * Emails each owner of an alert's service the alert, one message per owner (SES `SendEmail` takes one
 * recipient per call here, so one bounce never hides the others and nobody sees the other owners'
 * addresses), with a text and an HTML part in the owners' language and the acknowledge link.
 *
 * Each owner is a delivery target (`owner:<fingerprint>`, see ownerTarget), owed, retried and recorded
 * on its own: a failed owner stays owed in the outbox while the others are recorded as delivered.
 * Owed: alerts about a service (or an account alert naming owners) at `minSeverity` or above, and every
 * resolving notice (a renewal confirmed, a balance recovered), whatever `minSeverity`; never the digest,
 * which is for the operators. Owner entries that are not email addresses (names) are skipped.
 *
 * @example
 * const owners = ownerEmailPublisher(config, { sender: new SesEmailSender({ sendEmail }), ackUrl });
 * await runCycle(config, { ...deps, publishers: [sns, bus, ...owners] }, now, cycleId);
 */
export class OwnerEmailPublisher implements RecipientPublisher {
  readonly target = 'owners';

  constructor(private readonly options: OwnerEmailPublisherOptions) {}

  targetsOf(alert: Alert): DeliveryTarget[] {
    if (!this.owes(alert)) return [];
    return [...new Set(this.addresses(alert).map(ownerTarget))];
  }

  async publish(alert: Alert): Promise<void> {
    for (const target of this.targetsOf(alert)) await this.publishTo(alert, target);
  }

  async publishTo(alert: Alert, target: DeliveryTarget): Promise<void> {
    const to = this.addresses(alert).find((a) => ownerTarget(a) === target);
    if (to === undefined) {
      // the alert (as claimed) no longer names this owner: nothing can be sent, nothing will be
      throw new DeliveryError(`${target} is not an owner of ${alert.key}; nothing was sent`, { retryable: false });
    }
    const language = this.options.ownerEmail.language ?? this.options.language ?? 'en';
    const email = renderOwnerEmail(alert, language, this.options.context?.(alert) ?? {});
    try {
      await this.options.sender.send({ from: this.options.ownerEmail.from, to, ...email, alertKey: alert.key });
    } catch (e) {
      const retryable = e instanceof RenewalGuardError ? e.retryable : true;
      // the target, not the address: logs and delivery reports name owners by fingerprint
      throw new DeliveryError(`owner email ${target} of ${alert.key} failed: ${errorMessage(e)}`, {
        retryable,
        cause: e,
      });
    }
  }

  private owes(alert: Alert): boolean {
    if ((alert.kind as string) === 'digest' || !this.options.ownerEmail.enabled) return false;
    return isResolvingNotice(alert) || meetsMinSeverity(alert.severity, this.options.ownerEmail.minSeverity);
  }

  private addresses(alert: Alert): string[] {
    return alert.owners.map((o) => o.trim()).filter(isEmailAddress);
  }
}

/**
 * The owner email publisher of a document, as a list to spread into the publishers: empty when the
 * document has no `ownerEmail` sender or turns it off.
 */
export function ownerEmailPublishers(
  config: Pick<GuardConfig, 'ownerEmail' | 'language' | 'services'>,
  deps: {
    readonly sender: EmailSender;
    /** The signed acknowledge link of an alert, when the links are deployed. @default none */
    readonly ackUrl?: (alert: Alert) => string | undefined;
  },
): OwnerEmailPublisher[] {
  const ownerEmail = config.ownerEmail;
  if (!ownerEmail?.enabled || ownerEmail.from === undefined) return [];
  return [
    new OwnerEmailPublisher({
      ownerEmail: { ...ownerEmail, from: ownerEmail.from },
      sender: deps.sender,
      ...(config.language !== undefined && { language: config.language }),
      context: alertContextFromConfig(config as GuardConfig, deps.ackUrl),
    }),
  ];
}
