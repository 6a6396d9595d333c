/**
 * What the report shows, as plain data, and how it is derived from the config, the registry's services
 * and any account history. The renderer (report-page.ts) only draws this; every decision about dates,
 * severities and status is made here, with the same calendar and tier rules the reminders use.
 */
import { reportUnclaimed } from './report-discovery';
import { accountFigures, type AccountFigures } from '../core/accounts/account-figures';
import type { AccountState, BalancePoint } from '../core/accounts/account-state';
import { WorkingCalendar } from '../core/calendar/working-calendar';
import { addDays, daysBetween, formatOffsetDateTime, localDate } from '../core/dates';
import type { UnclaimedEntitlement } from '../core/inventory/unclaimed-entitlements';
import type {
  BalancePolicy,
  Criticality,
  GuardConfig,
  IsoDate,
  ServiceConfig,
  ServiceKind,
  Severity,
  Vendor,
} from '../core/model';
import { placeTiers, severityForTier } from '../core/reminders';

/** A severity, or `ok` (no reminder due yet), or `none` (nothing to judge: no expiry date, no data). */
export type Tone = Severity | 'ok' | 'none';

/** `expired`: on or past its expiry; `due`: a reminder tier has been reached; `upcoming`: none yet. */
export type ServiceStatus = 'expired' | 'due' | 'upcoming' | 'no-expiry';

export interface ReportTier {
  readonly tier: number;
  /** The delivery day (the due day moved to the preceding working day). */
  readonly date: IsoDate;
  readonly severity: Severity;
}

export interface ReportService {
  readonly id: string;
  readonly name: string;
  readonly project: string;
  readonly kind: ServiceKind;
  readonly account?: string;
  readonly owners: readonly string[];
  readonly criticality: Criticality;
  readonly autoRenew: boolean;
  readonly expiresOn?: IsoDate;
  /** Calendar days from today to the expiry, negative once expired. */
  readonly daysLeft?: number;
  /** Reminder tiers other than the expiry day itself, oldest first. */
  readonly tiers: readonly ReportTier[];
  readonly status: ServiceStatus;
  readonly tone: Tone;
}

/** A day of the account's history (the registry's BalancePoint). */
export type BalanceHistoryPoint = BalancePoint;

/** What the last poll said, for an account without history to draw. */
export interface AccountCurrent {
  readonly status: 'ok' | 'failed' | 'unknown';
  readonly balance?: number;
  readonly runwayDays?: number;
  readonly error?: string;
  /** ISO instant of the reading. */
  readonly asOf?: string;
}

export interface ReportAccount {
  readonly id: string;
  readonly vendor: Vendor;
  readonly currency?: string;
  readonly policy?: BalancePolicy;
  readonly serviceIds: readonly string[];
  /** Daily balances, oldest first; absent or empty when the registry keeps none yet. */
  readonly history?: readonly BalanceHistoryPoint[];
  /** Balance, spend, runway and status as every view shows them (accountFigures); absent without a state. */
  readonly figures?: AccountFigures;
  readonly current?: AccountCurrent;
}

export interface ReportData {
  /** The generation instant with the guard's offset: `2026-09-30T09:30:00+08:00`. */
  readonly generatedAt: string;
  readonly today: IsoDate;
  readonly timeZone: string;
  /** The calendar spec (`CN`, `weekends`, ...). */
  readonly calendar: string;
  /** First day of the timeline. */
  readonly from: IsoDate;
  /** Days the timeline spans. */
  readonly days: number;
  /** Sorted: most urgent first, then by project and id; services without an expiry last. */
  readonly services: readonly ReportService[];
  readonly accounts: readonly ReportAccount[];
  /** Entitlements the vendors reported that no service claims (report-discovery.ts). */
  readonly notInInventory?: readonly UnclaimedEntitlement[];
}

export interface ReportInput {
  readonly config: GuardConfig;
  /** The services to show: the registry's where it has them, else the config's. */
  readonly services: readonly ServiceConfig[];
  readonly now: Date;
  /** @default a week before today, so what just expired and the today line stay in view */
  readonly from?: IsoDate;
  /** @default 120 */
  readonly days?: number;
  /** What is known of each account beyond its config, by account id. */
  readonly accountFacts?: ReadonlyMap<string, AccountFacts>;
}

/**
 * What the registry keeps of an account: its state (daily balances, spend, open episodes, failures), from
 * which the report takes the account's figures and its chart, and the last poll's status.
 */
export interface AccountFacts {
  readonly state?: AccountState;
  readonly current?: AccountCurrent;
}

export const DEFAULT_REPORT_DAYS = 120;
export const DEFAULT_REPORT_LEAD_DAYS = 7;

export function buildReportData(input: ReportInput): ReportData {
  const { config } = input;
  const today = localDate(input.now, config.timeZone);
  const calendar = new WorkingCalendar(config.calendar);
  const services = input.services.map((s) => reportService(s, today, calendar)).sort(byUrgency);
  const accounts = config.accounts.map((a): ReportAccount => {
    const facts = input.accountFacts?.get(a.id);
    const state = facts?.state;
    return {
      id: a.id,
      vendor: a.vendor,
      ...(state?.currency ? { currency: state.currency } : {}),
      ...(a.balance ? { policy: a.balance } : {}),
      serviceIds: input.services.filter((s) => s.account === a.id).map((s) => s.id),
      ...(state && state.history.length > 0 ? { history: state.history } : {}),
      ...(state ? { figures: accountFigures(a.id, state, today) } : {}),
      ...(facts?.current ? { current: facts.current } : {}),
    };
  });
  return {
    generatedAt: formatOffsetDateTime(input.now, config.timeZone),
    today,
    timeZone: config.timeZone,
    calendar: config.calendar.spec,
    from: input.from ?? addDays(today, -DEFAULT_REPORT_LEAD_DAYS),
    days: input.days ?? DEFAULT_REPORT_DAYS,
    services,
    accounts,
    notInInventory: reportUnclaimed(config, input.services, input.accountFacts),
  };
}

export function reportService(service: ServiceConfig, today: IsoDate, calendar: WorkingCalendar): ReportService {
  const base = {
    id: service.id,
    name: service.name,
    project: service.project,
    kind: service.kind,
    ...(service.account ? { account: service.account } : {}),
    owners: service.owners,
    criticality: service.criticality,
    autoRenew: service.autoRenew,
  };
  if (service.expiresOn === undefined) return { ...base, tiers: [], status: 'no-expiry', tone: 'none' };

  const daysLeft = daysBetween(today, service.expiresOn);
  const tiers = placeTiers(service.expiresOn, service.reminderDays, calendar)
    .filter((p) => p.tier > 0)
    .map((p): ReportTier => ({ tier: p.tier, date: p.date, severity: severityForTier(p.tier) }));
  const reached = tiers.filter((t) => t.date <= today);
  const status: ServiceStatus = daysLeft <= 0 ? 'expired' : reached.length > 0 ? 'due' : 'upcoming';
  // as the reminders do: the most urgent tier already delivered names the severity
  const tone: Tone =
    status === 'expired' ? 'emergency' : status === 'due' ? reached[reached.length - 1]!.severity : 'ok';
  return { ...base, expiresOn: service.expiresOn, daysLeft, tiers, status, tone };
}

function byUrgency(a: ReportService, b: ReportService): number {
  const da = a.daysLeft ?? Number.POSITIVE_INFINITY;
  const db = b.daysLeft ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  if (a.project !== b.project) return a.project < b.project ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
