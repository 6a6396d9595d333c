/**
 * The normalized configuration and alert model shared by the core, the adapters, the CLI and the
 * synth-time config loader. Everything here is plain data: no behaviour, no I/O.
 */

import type { DigestSummary } from './policy/digest-summary';

/** A calendar date `YYYY-MM-DD`, read in the guard's `timeZone`. */
export type IsoDate = string;

export const VENDORS = ['agora', 'tencent', 'alibaba', 'twilio', 'huawei', 'vonage', 'http-json', 'manual'] as const;
export type Vendor = (typeof VENDORS)[number];

export const SERVICE_KINDS = [
  'subscription',
  'prepaid',
  'postpaid',
  'contract',
  'package',
  'sdk-support',
  'payment-method',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const CRITICALITIES = ['core', 'standard', 'experimental'] as const;
export type Criticality = (typeof CRITICALITIES)[number];

/** In rising order: a filter `minSeverity: warning` lets warning, critical and emergency through. */
export const SEVERITIES = ['info', 'warning', 'critical', 'emergency'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CHANNEL_TYPES = [
  'email',
  'sms',
  'dingtalk',
  'feishu',
  'wecom',
  'slack',
  'teams',
  'webhook',
  'pagerduty',
] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface BalancePolicy {
  readonly minAmount?: number;
  readonly minRunwayDays?: number;
  readonly minFractionOfMonthlySpend?: number;
}

/**
 * Spend-trend thresholds of an account (amounts in its currency). Absent fields take the defaults in
 * lambda/core/policy/policy-defaults.ts.
 */
export interface SpendPolicy {
  /** A day's spend at least this many times its trailing 14-day average is a spike. */
  readonly spikeFactor?: number;
  /** A spike must also be above this amount, so pennies never alert. */
  readonly spikeMinAmount?: number;
  /** Month-over-month growth of the average daily spend above this fraction (0.3 = 30%) alerts. */
  readonly monthlyGrowth?: number;
}

export interface AccountConfig {
  readonly id: string;
  readonly vendor: Vendor;
  /** Name of the secret holding the credentials (never a value). Absent for `manual`. */
  readonly credentials?: string;
  readonly endpoint?: string;
  readonly balance?: BalancePolicy;
  readonly spend?: SpendPolicy;
  /** Vendor-specific extras (price table, site, product codes...), validated by the vendor adapter. */
  readonly options: Readonly<Record<string, unknown>>;
}

/** An amount in an ISO 4217 currency. */
export interface Price {
  readonly amount: number;
  readonly currency: string;
}

export interface ServiceConfig {
  readonly id: string;
  readonly name: string;
  readonly project: string;
  readonly account?: string;
  readonly kind: ServiceKind;
  readonly expiresOn?: IsoDate;
  readonly autoRenew: boolean;
  readonly owners: readonly string[];
  readonly criticality: Criticality;
  /**
   * Resolved, in descending order, unique: the service's own tiers, else its criticality's
   * (`criticalityTiers`, else the built-in core / experimental tiers), else the document's `reminderDays`.
   */
  readonly reminderDays: readonly number[];
  /** Resolved: the service's own channel ids, else every channel id. */
  readonly channels: readonly string[];
  /** What an automatic renewal costs, for the auto-renewal risk check against the account's balance. */
  readonly renewalPrice?: Price;
  /** The id of the service that takes over when this one ends (a migration or plan change). */
  readonly replacedBy?: string;
  /** The first day the service is in force; a successor starting after its predecessor ends leaves a gap. */
  readonly startsOn?: IsoDate;
  /** The day the owners were last confirmed as still responsible. */
  readonly ownersConfirmedOn?: IsoDate;
  /**
   * The id (or name) of the subscription, plan or package at `account`'s vendor that this service is:
   * the expiry the vendor reports for it then counts, and a renewal the vendor shows is a renewal.
   */
  readonly entitlement?: string;
  /**
   * More entitlements of `account` this service covers, by id, name or pattern (`*` for any run of
   * characters, e.g. `rtc-cn-*`): a reported entitlement no service claims raises a "not in the inventory"
   * notice (lambda/core/inventory/unclaimed-entitlements.ts).
   */
  readonly claims?: readonly string[];
  /** `contract`: days of notice before `expiresOn`; the decision is due on `expiresOn − noticeDays`. */
  readonly noticeDays?: number;
  /** `sdk-support`: the SDK version whose support ends. */
  readonly version?: string;
  /** `sdk-support`: the day support ends (the same day as `expiresOn`, which it fills when absent). */
  readonly endOfSupport?: IsoDate;
  /** `payment-method`: the ids of the services charged to it, whose auto-renewals fail once it expires. */
  readonly paysFor?: readonly string[];
  /** Where the service is renewed (the vendor console, a purchasing form): every message's action link. */
  readonly renewUrl?: string;
  /** The runbook for the service, linked from every message about it. */
  readonly runbook?: string;
}

export interface ChannelConfig {
  readonly id: string;
  readonly type: ChannelType;
  /** Recipients for `email` / `sms`. */
  readonly to: readonly string[];
  readonly minSeverity: Severity;
  /** Name of a secret holding a webhook URL / signing key (chat, webhook and pagerduty channels). */
  readonly secret?: string;
  /** The language of this channel's messages; absent means the document's `language`. */
  readonly language?: Language;
  /**
   * Whether the guard's operators read this channel: it also gets the guard's own CloudWatch alarms.
   * When no channel of the document sets it, every channel is an operators channel (operatorChannels).
   */
  readonly operators?: boolean;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface QuietHours {
  readonly from: string; // HH:MM
  readonly to: string; // HH:MM
}

export interface DigestSchedule {
  readonly weekday: Weekday;
  readonly time: string; // HH:MM
}

/**
 * A working-day calendar as data, so the deployed poller needs no holiday library: the config loader
 * resolves `calendar: CN` (or a country code) into explicit dates for the years it covers.
 */
export interface CalendarData {
  /** What the document asked for: `CN`, another ISO 3166 code, or `weekends`. */
  readonly spec: string;
  /** Years for which `holidays` / `workdays` are authoritative; other years fall back to weekends only. */
  readonly coveredYears: readonly number[];
  /** Non-working days that are not weekends (public holidays). */
  readonly holidays: readonly IsoDate[];
  /** Working days that fall on a weekend (CN make-up workdays, 调休). */
  readonly workdays: readonly IsoDate[];
  /**
   * Years with no official data whose likely holidays were estimated (CN: the statutory festivals from
   * the lunar calendar and solar terms), and those estimated non-working days. Estimates only ever
   * remove working days, so reminders placed on them move earlier, never later.
   */
  readonly provisional?: { readonly years: readonly number[]; readonly holidays: readonly IsoDate[] };
}

/** Tier lists for criticalities other than `standard` (which uses the document's `reminderDays`). */
export interface CriticalityTiers {
  readonly core?: readonly number[];
  readonly experimental?: readonly number[];
}

/** The channels an alert of a severity reaches beyond its service's own: the stronger ones. */
export interface EscalationPolicy {
  /** Receive a critical alert left unacknowledged until the next working day's cycle. */
  readonly critical?: readonly string[];
  /** Receive every emergency, and its daily repeats until it is acknowledged or resolved. */
  readonly emergency?: readonly string[];
}

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface GuardConfig {
  readonly version: 1;
  /** Language of messages; absent means `en`. */
  readonly language?: Language;
  readonly timeZone: string;
  readonly checkTime: string; // HH:MM
  readonly calendar: CalendarData;
  readonly quietHours?: QuietHours;
  readonly reminderDays: readonly number[];
  readonly digest?: DigestSchedule;
  readonly accounts: readonly AccountConfig[];
  readonly services: readonly ServiceConfig[];
  readonly channels: readonly ChannelConfig[];
  /** Present only when the document sets it; see ServiceConfig.reminderDays for how tiers resolve. */
  readonly criticalityTiers?: CriticalityTiers;
  readonly escalation?: EscalationPolicy;
  /** Owners confirmed longer ago than this are due for a check (default 180). */
  readonly contactsMaxAgeDays?: number;
  /** Days after an auto-renewing expiry passes without moving before it is reported missed (default 1). */
  readonly renewalGraceDays?: number;
  /** Days before a predecessor ends that a gap before its successor is reported (default 30). */
  readonly coverageGapLeadDays?: number;
  /** Email to each service's `owners` (lambda/delivery/owner-email-publisher.ts); absent: owners get none. */
  readonly ownerEmail?: OwnerEmailConfig;
}

/**
 * The document's `ownerEmail`: a service's owners (those that are email addresses) receive its alerts
 * from `from`, one email per owner, unless `enabled` is false.
 */
export interface OwnerEmailConfig {
  /** False turns owner email off (the default is on once `from` is set). */
  readonly enabled: boolean;
  /** The sender: an address of an identity verified in Amazon SES. Absent only when `enabled` is false. */
  readonly from?: string;
  /** Alerts below this severity are not emailed to owners (resolving notices always are). @default info */
  readonly minSeverity: Severity;
  /** The language of owner emails; absent means the document's `language`. */
  readonly language?: Language;
}

/** One problem in a config document, named by its path: `services[2].expiresOn`. */
export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}

export const ALERT_KINDS = [
  'expiry',
  'expired-in-use',
  'balance',
  'runway',
  'spend-spike',
  'auto-renew-risk',
  'blind-spot',
  'spend-growth',
  'renewal-missed',
  'renewal-confirmed',
  'coverage-gap',
  'contacts-stale',
  'digest',
  'alarm',
  'calendar-provisional',
  'holiday-readiness',
  'not-in-inventory',
  'contract-decision',
  'quantity-runway',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** What a CloudWatch alarm notification says, as an `alarm` alert carries it. */
export interface AlarmFacts {
  readonly name: string;
  /** `ALARM`, `OK` or `INSUFFICIENT_DATA`. */
  readonly state: string;
  readonly previousState?: string;
  /** The alarm's description: what the state means and what to do. */
  readonly description?: string;
  /** CloudWatch's reason for the change (`Threshold Crossed: …`). */
  readonly reason?: string;
  /** ISO-8601 instant of the change. */
  readonly changedAt: string;
  /** The region's display name (`US East (N. Virginia)`) or code. */
  readonly region?: string;
  readonly accountId?: string;
}

/** An alert decided by the core: what to say, to whom, and its idempotency key. */
export interface Alert {
  /** Stable key: e.g. `live-rtc:expiry:2026-10-09:7`. Fires at most once per channel. */
  readonly key: string;
  readonly kind: AlertKind;
  readonly severity: Severity;
  readonly serviceId?: string;
  readonly accountId?: string;
  readonly project?: string;
  /** The service's `renewUrl` and `runbook`, carried by every alert about it (lambda/core/reminders/alert-links.ts). */
  readonly renewUrl?: string;
  readonly runbook?: string;
  /** A `contract-decision` reminder: the day the contract must be decided (`expiresOn − noticeDays`). */
  readonly decideBy?: IsoDate;
  /** The tier (days before expiry) this reminder is for. */
  readonly tier?: number;
  /** Calendar days from the delivery day to the expiry date (negative once expired). */
  readonly daysLeft?: number;
  readonly expiresOn?: IsoDate;
  /** The day the alert is delivered on (after working-day shifting). */
  readonly date: IsoDate;
  /** Spend alerts: the day the balance runs out at the rate the alert is about. */
  readonly runOutOn?: IsoDate;
  /**
   * Set on the escalation ladder's follow-ups of an alert that was not acknowledged: a daily `repeat` of
   * an emergency, or the one `escalation` of a critical alert to stronger channels.
   */
  readonly followUp?: 'repeat' | 'escalation';
  readonly owners: readonly string[];
  readonly channels: readonly string[];
  readonly message: string;
  /**
   * A resolving notice's (renewal confirmed, balance recovered) keys of the earlier alerts it closes:
   * PagerDuty resolves them, the EventBridge and webhook bodies carry them. Absent from other alerts.
   */
  readonly resolves?: readonly string[];
  /** A digest's facts, bounded at any registry size; absent from every other kind. */
  readonly digest?: DigestSummary;
  /** An `alarm`: the guard's CloudWatch alarm whose state changed (core/policy/alarm-alert.ts). */
  readonly alarm?: AlarmFacts;
  /**
   * The numbers an account alert is about, so each channel can say them in its reader's language
   * (`message` says them in English).
   */
  readonly figures?: AlertFigures;
}

/** What an account alert measured: amounts in `currency`, days as decimals. */
export interface AlertFigures {
  readonly currency?: string;
  readonly balance?: number;
  readonly runwayDays?: number;
  /** The thresholds of the balance policy that hold (or, for a recovery, that it is back above). */
  readonly minAmount?: number;
  readonly minRunwayDays?: number;
  /** A runway short in working days: those left to top up, and the last of them (accounts/working-runway.ts). */
  readonly workingDaysToAct?: number;
  readonly lastDayToAct?: IsoDate;
  /** A spike: the day's spend, its day, and the trailing average it is compared with. */
  readonly spend?: number;
  readonly spendOn?: IsoDate;
  readonly averageSpend?: number;
  /** Month-over-month growth: the percent, and the two months' average daily spend. */
  readonly growthPercent?: number;
  readonly month?: string;
  readonly previousMonthSpend?: number;
  /** A blind spot: the consecutive failed polls and the latest error. */
  readonly failures?: number;
  readonly error?: string;
}
