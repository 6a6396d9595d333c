import { Criticality } from './criticality';
import { RenewalPrice } from './renewal-price';
import { ServiceKind } from './service-kind';

/**
 * A service that must not lapse: one `services[]` entry of the config document, as a typed prop.
 *
 * @example
 * const liveRtc: ServiceDeclaration = {
 *   serviceId: 'live-rtc',
 *   name: 'Live app RTC',
 *   project: 'live-app',
 *   account: 'agora-main',
 *   kind: ServiceKind.SUBSCRIPTION,
 *   expiresOn: '2026-10-09',
 *   owners: ['alice@example.com'],
 *   criticality: Criticality.CORE,
 *   autoRenew: true,
 *   renewalPrice: { amount: 1200, currency: 'USD' },
 *   ownersConfirmedOn: '2026-06-01',
 * };
 */
export interface ServiceDeclaration {
  /**
   * Unique id of the service (`[a-z0-9-]`, up to 64 characters); `id` in the config document. Alert keys
   * and the registry record are derived from it, so keep it stable.
   */
  readonly serviceId: string;

  /** Human-readable name, used in every alert. */
  readonly name: string;

  /** The project or product the service belongs to; sent as the `project` message attribute. */
  readonly project: string;

  /**
   * Id of the vendor account (see `VendorAccount`) that is polled for this service's balance and usage.
   *
   * @default - the service is not linked to a polled account; only its dates are watched
   */
  readonly account?: string;

  /** How the service is paid for. */
  readonly kind: ServiceKind;

  /**
   * The last day the service is paid for, `YYYY-MM-DD`, a calendar date in the guard's `timeZone`.
   *
   * @default - no date; allowed for prepaid and postpaid services, whose risk is the balance
   */
  readonly expiresOn?: string;

  /**
   * Whether the vendor renews the service by itself. Reminders still fire: a renewal can fail.
   *
   * @default false
   */
  readonly autoRenew?: boolean;

  /** The people responsible for the service, named in every alert. At least one. */
  readonly owners: string[];

  /**
   * How much a lapse would hurt.
   *
   * @default Criticality.STANDARD
   */
  readonly criticality?: Criticality;

  /**
   * Reminder tiers for this service, in days before `expiresOn`.
   *
   * @default - the guard's `reminderDays`
   */
  readonly reminderDays?: number[];

  /**
   * Ids of the channels (see `AlertChannel`) that receive this service's alerts.
   *
   * @default - every channel
   */
  readonly channels?: string[];

  /**
   * What an automatic renewal costs. With `autoRenew` and `account`, the guard warns when the account's
   * balance will not cover it by the renewal date at the current spend (critical within 7 days); without
   * them it is only a warning at synth time.
   *
   * @default - no auto-renewal risk check
   */
  readonly renewalPrice?: RenewalPrice;

  /**
   * The `serviceId` of the service that takes over when this one ends (a migration or a plan change).
   * A gap before the successor's `startsOn` is reported from the guard's `coverageGapLeadDays` before
   * `expiresOn`. Needs `expiresOn`; a chain of successors cannot loop.
   *
   * @default - no successor; no coverage-gap check
   */
  readonly replacedBy?: string;

  /**
   * The first day the service is in force, `YYYY-MM-DD` in the guard's `timeZone`; before `expiresOn`.
   * A successor (see `replacedBy`) starting after its predecessor's `expiresOn` leaves a coverage gap.
   *
   * @default - in force already
   */
  readonly startsOn?: string;

  /**
   * The day the owners were last confirmed as still responsible, `YYYY-MM-DD`. Once it is older than the
   * guard's `contactsMaxAgeDays`, an info reminder asks to confirm them, once a quarter.
   *
   * @default - no date: no contacts reminder; the weekly digest lists the service as unconfirmed
   */
  readonly ownersConfirmedOn?: string;

  /**
   * The id (or name) of the subscription, plan or package at `account`'s vendor that this service is: the
   * expiry the vendor reports for it then counts, and a renewal the vendor shows is a renewal. Needs
   * `account`.
   *
   * @default - the vendor's expiry is not matched to this service
   */
  readonly entitlement?: string;

  /**
   * More entitlements of `account` this service covers, by id, name or pattern (`*` stands for any run
   * of characters, e.g. `rtc-cn-*`); at most 6. An entitlement the vendor reports that no service claims
   * (here or by `entitlement`) raises one "not in the inventory" notice to the operators. Needs `account`.
   *
   * @default - the service claims only its `entitlement`
   */
  readonly claims?: string[];

  /**
   * For `ServiceKind.CONTRACT`: the days of notice the contract requires before `expiresOn`. Its decision
   * date is `expiresOn − noticeDays`; the reminder tiers count to that date (`contract-decision` alerts),
   * and after it only the expiry tiers inside the notice period remain.
   *
   * @default - no notice period: the tiers count to `expiresOn`
   */
  readonly noticeDays?: number;

  /**
   * For `ServiceKind.SDK_SUPPORT`: the SDK version whose support ends, named in every reminder.
   *
   * @default - no version named
   */
  readonly version?: string;

  /**
   * For `ServiceKind.SDK_SUPPORT`: the day support for `version` ends, `YYYY-MM-DD`; stands for
   * `expiresOn` (give one of them, or the same day in both). Its reminders say "upgrade", not "renew".
   *
   * @default - `expiresOn`
   */
  readonly endOfSupport?: string;

  /**
   * For `ServiceKind.PAYMENT_METHOD`: the ids of the services charged to this card or mandate. Each
   * auto-renewing one that renews after `expiresOn` gets an auto-renewal risk alert that rises as the
   * payment method nears expiry (info from 60 days, warning within 30, critical within 7, emergency once
   * expired with the renewal a week away).
   *
   * @default - no service is linked to it
   */
  readonly paysFor?: string[];

  /**
   * Where the service is renewed (the vendor console page, a purchasing form): an absolute http(s) URL
   * without credentials, at most 1,000 ASCII characters. Every message about the service carries it as
   * its action link.
   *
   * @default - no renewal link
   */
  readonly renewUrl?: string;

  /**
   * The runbook for the service (what to do, who to call): an absolute http(s) URL, carried by every
   * message about it.
   *
   * @default - no runbook link
   */
  readonly runbook?: string;
}
