/**
 * The normalized configuration and alert model shared by the core, the adapters, the CLI and the
 * synth-time config loader. Everything here is plain data: no behaviour, no I/O.
 */

/** A calendar date `YYYY-MM-DD`, read in the guard's `timeZone`. */
export type IsoDate = string;

export const VENDORS = ['agora', 'tencent', 'alibaba', 'twilio', 'huawei', 'vonage', 'http-json', 'manual'] as const;
export type Vendor = (typeof VENDORS)[number];

export const SERVICE_KINDS = ['subscription', 'prepaid', 'postpaid', 'contract', 'package', 'sdk-support'] as const;
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

export interface AccountConfig {
  readonly id: string;
  readonly vendor: Vendor;
  /** Name of the secret holding the credentials (never a value). Absent for `manual`. */
  readonly credentials?: string;
  readonly endpoint?: string;
  readonly balance?: BalancePolicy;
  /** Vendor-specific extras (price table, site, product codes...), validated by the vendor adapter. */
  readonly options: Readonly<Record<string, unknown>>;
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
  /** Resolved: the service's own tiers, else the document's, in descending order, unique. */
  readonly reminderDays: readonly number[];
  /** Resolved: the service's own channel ids, else every channel id. */
  readonly channels: readonly string[];
}

export interface ChannelConfig {
  readonly id: string;
  readonly type: ChannelType;
  /** Recipients for `email` / `sms`. */
  readonly to: readonly string[];
  readonly minSeverity: Severity;
  /** Name of a secret holding a webhook URL / signing key (chat, webhook and pagerduty channels). */
  readonly secret?: string;
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
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** An alert decided by the core: what to say, to whom, and its idempotency key. */
export interface Alert {
  /** Stable key: e.g. `live-rtc:expiry:2026-10-09:7`. Fires at most once per channel. */
  readonly key: string;
  readonly kind: AlertKind;
  readonly severity: Severity;
  readonly serviceId?: string;
  readonly accountId?: string;
  readonly project?: string;
  /** The tier (days before expiry) this reminder is for. */
  readonly tier?: number;
  /** Calendar days from the delivery day to the expiry date (negative once expired). */
  readonly daysLeft?: number;
  readonly expiresOn?: IsoDate;
  /** The day the alert is delivered on (after working-day shifting). */
  readonly date: IsoDate;
  readonly owners: readonly string[];
  readonly channels: readonly string[];
  readonly message: string;
}
