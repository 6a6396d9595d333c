/**
 * The digest as it travels: the facts a message shows, bounded whatever the registry's size. A digest of
 * 10,000 services is not a 10,000-line message: each project keeps its counts and its most urgent
 * services, the most urgent projects and accounts are listed, and the report link carries the rest.
 * The outbox, SNS and EventBridge carry these facts (never rendered text), so every carrier's limit
 * holds at any size: at the caps below a summary stays under ~80 KB of JSON even with the longest
 * names, well within DynamoDB's 400 KB item and SNS's 256 KB message.
 */
import type { IsoDate, ServiceKind, Vendor } from '../model';
import type { Money } from '../vendor-port';
import {
  SERVICE_STATUSES,
  type AccountStatus,
  type Digest,
  type DigestAccount,
  type DigestProject,
  type DigestService,
  type ServiceStatus,
} from './digest';

export const DIGEST_SUMMARY_LIMITS = {
  /** Projects listed, most urgent first; the rest are counted in the totals and shown by the report. */
  projects: 30,
  /** Services listed per project, most urgent first. */
  servicesPerProject: 3,
  /** Accounts listed, failing and low first. */
  accounts: 10,
  /** Longest name, project or id a summary keeps, in characters. */
  textChars: 80,
  /** Longest vendor error a summary keeps. */
  errorChars: 160,
} as const;

export interface DigestSummaryService {
  readonly serviceId: string;
  readonly name: string;
  readonly kind: ServiceKind;
  readonly status: ServiceStatus;
  readonly expiresOn?: IsoDate;
  readonly daysLeft?: number;
  /** Alerts about this service that still wait for someone. */
  readonly unacknowledged: number;
}

export interface DigestSummaryProject {
  readonly project: string;
  readonly worst: ServiceStatus;
  readonly counts: Readonly<Record<ServiceStatus, number>>;
  readonly unacknowledged: number;
  /** The most urgent services, at most `servicesPerProject`; `counts` has them all. */
  readonly urgent: readonly DigestSummaryService[];
}

export interface DigestSummaryAccount {
  readonly accountId: string;
  readonly vendor: Vendor;
  readonly status: AccountStatus;
  readonly balance?: Money;
  readonly runwayDays?: number;
  readonly lastError?: string;
  readonly unacknowledged: number;
}

export interface DigestSummary {
  readonly date: IsoDate;
  readonly timeZone: string;
  readonly totals: Digest['totals'] & { readonly accounts: number };
  /** Most urgent first (worst status, then most services at it, then name): a stable order to split on. */
  readonly projects: readonly DigestSummaryProject[];
  /** Projects not listed (the report shows them). */
  readonly projectsOmitted: number;
  /** Failing first, then low, then the rest, by id. */
  readonly accounts: readonly DigestSummaryAccount[];
  readonly accountsOmitted: number;
}

export function summarizeDigest(digest: Digest): DigestSummary {
  const L = DIGEST_SUMMARY_LIMITS;
  const projects = [...digest.projects].sort(byProjectUrgency).map(projectSummary);
  const accounts = [...digest.accounts].sort(byAccountUrgency);
  return {
    date: digest.date,
    timeZone: digest.timeZone,
    totals: { ...digest.totals, accounts: digest.accounts.length },
    projects: projects.slice(0, L.projects),
    projectsOmitted: Math.max(0, projects.length - L.projects),
    accounts: accounts.slice(0, L.accounts).map(accountSummary),
    accountsOmitted: Math.max(0, accounts.length - L.accounts),
  };
}

function projectSummary(project: DigestProject): DigestSummaryProject {
  const counts = Object.fromEntries(SERVICE_STATUSES.map((s) => [s, 0])) as Record<ServiceStatus, number>;
  let unacknowledged = 0;
  for (const s of project.services) {
    counts[s.status]++;
    unacknowledged += s.unacknowledged.length;
  }
  return {
    project: cap(project.project),
    worst: project.worst,
    counts,
    unacknowledged,
    // the digest keeps each project's services worst first, then soonest, then by id
    urgent: project.services.slice(0, DIGEST_SUMMARY_LIMITS.servicesPerProject).map(serviceSummary),
  };
}

function serviceSummary(s: DigestService): DigestSummaryService {
  return {
    serviceId: cap(s.serviceId),
    name: cap(s.name),
    kind: s.kind,
    status: s.status,
    ...(s.expiresOn !== undefined && { expiresOn: s.expiresOn }),
    ...(s.daysLeft !== undefined && { daysLeft: s.daysLeft }),
    unacknowledged: s.unacknowledged.length,
  };
}

function accountSummary(a: DigestAccount): DigestSummaryAccount {
  return {
    accountId: cap(a.accountId),
    vendor: a.vendor,
    status: a.status,
    ...(a.balance && { balance: a.balance }),
    ...(a.runwayDays !== undefined && { runwayDays: a.runwayDays }),
    ...(a.lastError !== undefined && { lastError: cap(a.lastError, DIGEST_SUMMARY_LIMITS.errorChars) }),
    unacknowledged: a.unacknowledged.length,
  };
}

const statusRank = (s: ServiceStatus): number => SERVICE_STATUSES.indexOf(s);

function byProjectUrgency(a: DigestProject, b: DigestProject): number {
  const worst = statusRank(a.worst) - statusRank(b.worst);
  if (worst !== 0) return worst;
  const atWorst = (p: DigestProject) => p.services.filter((s) => s.status === p.worst).length;
  const many = atWorst(b) - atWorst(a);
  if (many !== 0) return many;
  return a.project < b.project ? -1 : a.project > b.project ? 1 : 0;
}

const ACCOUNT_RANK: Readonly<Record<AccountStatus, number>> = { failing: 0, low: 1, 'no-data': 2, ok: 3 };

function byAccountUrgency(a: DigestAccount, b: DigestAccount): number {
  const rank = ACCOUNT_RANK[a.status] - ACCOUNT_RANK[b.status];
  if (rank !== 0) return rank;
  return a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;
}

/** Cuts on a code-point boundary; the core has no truncation helper of its own to borrow. */
function cap(text: string, max: number = DIGEST_SUMMARY_LIMITS.textChars): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}
