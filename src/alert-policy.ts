import { Weekday } from './weekday';

/**
 * A daily window in which non-emergency alerts are held: `quietHours` of the config document. Alerts
 * decided inside it wait in the outbox and are delivered when it ends; emergencies ignore it.
 *
 * Times are `HH:MM` in the guard's `timeZone` (correct across daylight-saving changes). `fromTime` (the
 * document's `from`) is inclusive and `to` exclusive; a window with `fromTime` later than `to` crosses
 * midnight. When the daily check or the digest falls inside the window, the guard schedules an extra run
 * at `to` to deliver what it held.
 *
 * @example
 * const night: QuietHours = { fromTime: '22:00', to: '08:00' };
 */
export interface QuietHours {
  /**
   * Start of the window, `HH:MM`; must differ from `to`. The config document's `from` (a reserved word
   * in Python, hence the longer name here).
   */
  readonly fromTime: string;

  /** End of the window, `HH:MM`: held alerts go out then. */
  readonly to: string;
}

/**
 * When the weekly health report goes out: `digest` of the config document. The guard schedules a run of
 * the check at this slot, which sends every service grouped by project with its status, days left, runway,
 * owners and what is unacknowledged.
 *
 * @example
 * const mondays: DigestSchedule = { weekday: Weekday.MONDAY, time: '10:00' };
 */
export interface DigestSchedule {
  /** The day of the week. */
  readonly weekday: Weekday;

  /** Local time, `HH:MM` in the guard's `timeZone`. */
  readonly time: string;
}

/**
 * The channels that strong alerts reach beyond their service's own: `escalation` of the config document.
 * Each list names channel ids (see `AlertChannel`) of the merged config, each once, whose `minSeverity`
 * lets that severity through.
 *
 * @example
 * const ladder: EscalationPolicy = { critical: ['oncall-sms'], emergency: ['oncall-sms', 'pager'] };
 */
export interface EscalationPolicy {
  /**
   * Receive, once, a critical alert still unacknowledged on the next working day's cycle.
   *
   * @default - critical alerts are not escalated
   */
  readonly critical?: string[];

  /**
   * Receive every emergency, and its daily repeats until it is acknowledged or resolved.
   *
   * @default - emergencies reach only their service's channels (still repeated daily)
   */
  readonly emergency?: string[];
}

/**
 * Reminder tiers per criticality, in days before expiry: `criticalityTiers` of the config document.
 * Standard services use the guard's `reminderDays`; a service's own `reminderDays` beats both.
 *
 * @example
 * const tiers: CriticalityTiers = { core: [90, 60, 30, 14, 7, 3, 1], experimental: [14, 3] };
 */
export interface CriticalityTiers {
  /**
   * Tiers of `Criticality.CORE` services.
   *
   * @default [90, 60, 30, 15, 7, 3, 1]
   */
  readonly core?: number[];

  /**
   * Tiers of `Criticality.EXPERIMENTAL` services.
   *
   * @default [30, 7, 1]
   */
  readonly experimental?: number[];
}
