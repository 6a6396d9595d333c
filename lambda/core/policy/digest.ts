import { BLIND_SPOT_AFTER_FAILURES } from '../accounts/account-evaluation';
import { accountFigures, type AccountStatus } from '../accounts/account-figures';
import type { AccountState } from '../accounts/account-state';
import { compareDates, daysBetween } from '../dates';
import type {
  AccountConfig,
  Alert,
  Criticality,
  GuardConfig,
  IsoDate,
  ServiceConfig,
  ServiceKind,
  Vendor,
} from '../model';
import type { Money } from '../vendor-port';
import { acknowledgedRoots, isAcknowledged, type AcknowledgementFact } from './acknowledgements';
import { CRITICAL_WITHIN_DAYS, policyDays } from './policy-defaults';
import { ackRoot, digestKey } from './policy-keys';

export const SERVICE_STATUSES = ['expired', 'critical', 'due-soon', 'ok', 'undated'] as const;
/** Worst first: expired (the date has come), within 7 days, within the reminder tiers, later, no date. */
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export type ContactsStatus = 'fresh' | 'stale' | 'unconfirmed';
export type { AccountStatus };

export interface DigestService {
  readonly serviceId: string;
  readonly name: string;
  readonly kind: ServiceKind;
  readonly criticality: Criticality;
  readonly status: ServiceStatus;
  readonly expiresOn?: IsoDate;
  readonly daysLeft?: number;
  readonly accountId?: string;
  readonly runwayDays?: number;
  readonly owners: readonly string[];
  readonly contacts: ContactsStatus;
  /** Keys of the alerts about this service that still wait for someone. */
  readonly unacknowledged: readonly string[];
}

export interface DigestProject {
  readonly project: string;
  readonly worst: ServiceStatus;
  readonly services: readonly DigestService[];
}

export interface DigestAccount {
  readonly accountId: string;
  readonly vendor: Vendor;
  readonly status: AccountStatus;
  readonly balance?: Money;
  /** Average spend a day, in the balance's currency (AccountFigures.dailySpend). */
  readonly dailySpend?: number;
  readonly runwayDays?: number;
  readonly lastError?: string;
  readonly unacknowledged: readonly string[];
}

export interface Digest {
  /** The ledger key of this digest: one per day it is built for. */
  readonly key: string;
  readonly date: IsoDate;
  readonly timeZone: string;
  readonly totals: {
    readonly services: number;
    readonly projects: number;
    readonly byStatus: Readonly<Record<ServiceStatus, number>>;
    readonly unacknowledged: number;
    readonly accountsLow: number;
    readonly accountsFailing: number;
    readonly contactsToConfirm: number;
  };
  /** Sorted by project name; services worst first, then soonest, then by id. */
  readonly projects: readonly DigestProject[];
  readonly accounts: readonly DigestAccount[];
}

export interface DigestInput {
  readonly now: Date;
  /** The local date of `now` in the guard's zone. */
  readonly today: IsoDate;
  /** The registry's active services (with discovered expiries applied, as the cycle sees them). */
  readonly services: readonly ServiceConfig[];
  readonly accountStates: readonly AccountState[];
  /** Alerts fired earlier (e.g. each service's and account's newest per kind, from the ledger). */
  readonly firedAlerts: readonly Alert[];
  readonly acknowledgements: readonly AcknowledgementFact[];
}

/**
 * The weekly health report of the whole registry, as data: per project, each service's status, days
 * left, its account's runway, owners, whether the owners need confirming, and what is unacknowledged;
 * per account, its balance, runway and health. Render it with `renderDigestText`.
 *
 * "Unacknowledged" counts warnings and worse that still matter: the newest alert per subject and kind,
 * not acknowledged or snoozed, about the service's current expiry (a renewal retires the old date's
 * alerts), or about an account that is still low or still failing.
 */
export function buildDigest(input: DigestInput, config: GuardConfig): Digest {
  const { contactsMaxAgeDays } = policyDays(config);
  const states = new Map(input.accountStates.map((s) => [s.accountId, s]));
  const open = openAlerts(input, states);
  const accountRunway = new Map<string, number | undefined>();
  const accounts = config.accounts.map((account) => {
    const row = digestAccount(account, states.get(account.id), input.today, open);
    accountRunway.set(account.id, row.runwayDays);
    return row;
  });

  const rows = input.services.map((service) => {
    const daysLeft = service.expiresOn === undefined ? undefined : daysBetween(input.today, service.expiresOn);
    const runway = service.account === undefined ? undefined : accountRunway.get(service.account);
    const confirmedAge =
      service.ownersConfirmedOn === undefined ? undefined : daysBetween(service.ownersConfirmedOn, input.today);
    const row: DigestService = {
      serviceId: service.id,
      name: service.name,
      kind: service.kind,
      criticality: service.criticality,
      status: serviceStatus(daysLeft, service.reminderDays),
      ...(service.expiresOn !== undefined && { expiresOn: service.expiresOn, daysLeft }),
      ...(service.account !== undefined && { accountId: service.account }),
      ...(runway !== undefined && { runwayDays: runway }),
      owners: service.owners,
      contacts: confirmedAge === undefined ? 'unconfirmed' : confirmedAge > contactsMaxAgeDays ? 'stale' : 'fresh',
      unacknowledged: open.filter((a) => a.serviceId === service.id).map((a) => a.key),
    };
    return { project: service.project, row };
  });

  const projectNames = [...new Set(rows.map((r) => r.project))].sort();
  const projects = projectNames.map((project) => {
    const services = rows
      .filter((r) => r.project === project)
      .map((r) => r.row)
      .sort(byUrgency);
    return { project, worst: services[0]!.status, services };
  });
  const byStatus = Object.fromEntries(SERVICE_STATUSES.map((s) => [s, 0])) as Record<ServiceStatus, number>;
  for (const { row } of rows) byStatus[row.status]++;
  return {
    key: digestKey(input.today),
    date: input.today,
    timeZone: config.timeZone,
    totals: {
      services: rows.length,
      projects: projects.length,
      byStatus,
      unacknowledged: open.length,
      accountsLow: accounts.filter((a) => a.status === 'low').length,
      accountsFailing: accounts.filter((a) => a.status === 'failing').length,
      contactsToConfirm: rows.filter((r) => r.row.contacts !== 'fresh').length,
    },
    projects,
    accounts,
  };
}

function serviceStatus(daysLeft: number | undefined, tiers: readonly number[]): ServiceStatus {
  if (daysLeft === undefined) return 'undated';
  if (daysLeft <= 0) return 'expired';
  if (daysLeft <= CRITICAL_WITHIN_DAYS) return 'critical';
  if (daysLeft <= Math.max(0, ...tiers)) return 'due-soon';
  return 'ok';
}

function byUrgency(a: DigestService, b: DigestService): number {
  const status = SERVICE_STATUSES.indexOf(a.status) - SERVICE_STATUSES.indexOf(b.status);
  if (status !== 0) return status;
  const days = (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity);
  if (days !== 0 && !Number.isNaN(days)) return days;
  return a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0;
}

function digestAccount(
  account: AccountConfig,
  state: AccountState | undefined,
  today: IsoDate,
  open: readonly Alert[],
): DigestAccount {
  // the same figures as check, preview, the report and the metrics (one truth per figure)
  const figures = accountFigures(account.id, state, today);
  return {
    accountId: account.id,
    vendor: account.vendor,
    status: figures.status,
    ...(figures.balance && { balance: figures.balance }),
    ...(figures.dailySpend !== undefined && { dailySpend: figures.dailySpend }),
    ...(figures.runwayDays !== undefined && { runwayDays: figures.runwayDays }),
    ...(figures.lastError !== undefined && { lastError: figures.lastError }),
    unacknowledged: open.filter((a) => a.serviceId === undefined && a.accountId === account.id).map((a) => a.key),
  };
}

const NOTICE_KINDS: readonly string[] = ['renewal-confirmed', 'digest'];

function openAlerts(input: DigestInput, states: ReadonlyMap<string, AccountState>): Alert[] {
  const silenced = acknowledgedRoots(input.acknowledgements, input.now);
  const services = new Map(input.services.map((s) => [s.id, s]));
  const newest = new Map<string, Alert>();
  for (const alert of input.firedAlerts) {
    if (alert.severity === 'info' || NOTICE_KINDS.includes(alert.kind) || isAcknowledged(alert.key, silenced)) continue;
    if (!stillMatters(alert, services, states)) continue;
    const subject = `${alert.serviceId ?? ''}|${alert.accountId ?? ''}|${alert.kind}`;
    const seen = newest.get(subject);
    if (!seen || compareDates(alert.date, seen.date) > 0) newest.set(subject, alert);
  }
  // an escalation or a repeat stands for its episode: list the episode's own key once
  const byRoot = new Map<string, Alert>();
  for (const alert of newest.values()) byRoot.set(ackRoot(alert.key), { ...alert, key: ackRoot(alert.key) });
  return [...byRoot.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function stillMatters(
  alert: Alert,
  services: ReadonlyMap<string, ServiceConfig>,
  states: ReadonlyMap<string, AccountState>,
): boolean {
  if (alert.serviceId !== undefined) {
    const service = services.get(alert.serviceId);
    return service !== undefined && (alert.expiresOn === undefined || alert.expiresOn === service.expiresOn);
  }
  const state = alert.accountId === undefined ? undefined : states.get(alert.accountId);
  if (!state) return false;
  if (alert.kind === 'blind-spot') return state.consecutiveFailures >= BLIND_SPOT_AFTER_FAILURES;
  if (alert.kind === 'balance' || alert.kind === 'runway') return state.lowBalanceSince !== undefined;
  return true;
}
