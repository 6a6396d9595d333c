import { Criticality } from './criticality';
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
}
