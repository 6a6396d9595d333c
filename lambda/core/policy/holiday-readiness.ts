/**
 * Ready before long holidays (issue #13, point 4): on the last working day before a run of 3 or more
 * non-working days, one notice per team (project) naming what cannot wait until after it: the services
 * that expire during the block or within 5 working days after it, and the accounts whose balance will
 * not last that long at the spend expected over the block, with the top-up that would. Nobody tops up,
 * renews or answers a vendor ticket during the block, so this is the last day anyone can act.
 *
 * Expected spend: the trailing 30-day peak day (seasonal peaks such as live streaming at Spring Festival
 * run above the average), never less than the current daily spend. The account history the guard keeps
 * (62 days) does not reach the same period last year.
 */
import { addDays, compareDates, daysBetween } from '../dates';
import type { AccountConfig, Alert, IsoDate, ServiceConfig, Severity } from '../model';
import type { AccountFacts } from './account-facts';
import { formatAmount, plural } from './format';
import { GUARD_SUBJECT } from './policy-keys';
import type { ServiceRuleContext } from './service-alert';
import { spendSeriesOf } from './spend-series';
import { routeToChannels } from '../reminders/channel-routing';

/** The shortest run of non-working days that gets a readiness notice. */
export const MIN_BLOCK_DAYS = 3;
/** Working days after the block that still count: the time it takes to act once people are back. */
export const WORKING_DAYS_AFTER = 5;
/** The trailing window the expected spend's peak day is taken from. */
export const PEAK_WINDOW_DAYS = 30;
/** Longer than any real run of days off (the calendar's own bound). */
const MAX_BLOCK_DAYS = 366;

export interface NonWorkingBlock {
  readonly first: IsoDate;
  readonly last: IsoDate;
  readonly days: number;
}

/** The block of ≥ MIN_BLOCK_DAYS non-working days starting tomorrow, when today is its last working day. */
export function blockAfter(ctx: Pick<ServiceRuleContext, 'today' | 'calendar'>): NonWorkingBlock | undefined {
  const { today, calendar } = ctx;
  if (!calendar.isWorkingDay(today)) return undefined;
  const first = addDays(today, 1);
  let last = today;
  for (
    let day = first;
    !calendar.isWorkingDay(day) && daysBetween(first, day) < MAX_BLOCK_DAYS;
    day = addDays(day, 1)
  ) {
    last = day;
  }
  const days = daysBetween(today, last);
  return days >= MIN_BLOCK_DAYS ? { first, last, days } : undefined;
}

/** The `n`th working day after `date`. */
function workingDaysAfter(date: IsoDate, n: number, ctx: Pick<ServiceRuleContext, 'calendar'>): IsoDate {
  let day = date;
  for (let found = 0; found < n;) {
    day = ctx.calendar.followingWorkingDay(addDays(day, 1));
    found++;
  }
  return day;
}

/** An account that will not last through the block and the working days after it. */
export interface ShortAccount {
  readonly accountId: string;
  readonly currency: string;
  readonly balance: number;
  readonly expectedDailySpend: number;
  /** The day the balance runs out at the expected spend. */
  readonly runsOutOn: IsoDate;
  /** What would carry it through `through` (and keep it above its `minAmount`). */
  readonly topUp: number;
}

/** The readiness notices due today, one per project with something to say. */
export function holidayReadinessNotices(
  services: readonly ServiceConfig[],
  accounts: readonly AccountConfig[],
  facts: ReadonlyMap<string, AccountFacts>,
  ctx: ServiceRuleContext,
): Alert[] {
  const block = blockAfter(ctx);
  if (!block) return [];
  const through = workingDaysAfter(block.last, WORKING_DAYS_AFTER, ctx);
  const expiring = services.filter(
    (s) =>
      s.expiresOn !== undefined &&
      compareDates(s.expiresOn, block.first) >= 0 &&
      compareDates(s.expiresOn, through) <= 0,
  );
  const short = accounts.flatMap((a) => {
    const f = facts.get(a.id);
    const s = f && shortAccount(a, f, ctx.today, through);
    return s ? [s] : [];
  });

  const projects = [...new Set(services.map((s) => s.project))].sort();
  return projects.flatMap((project) => {
    const own = services.filter((s) => s.project === project);
    const ownExpiring = expiring.filter((s) => s.project === project);
    const ownShort = short.filter((a) => own.some((s) => s.account === a.accountId));
    if (ownExpiring.length === 0 && ownShort.length === 0) return [];
    const severity: Severity = ownShort.some((a) => compareDates(a.runsOutOn, block.last) <= 0)
      ? 'critical'
      : 'warning';
    return [
      {
        key: `${GUARD_SUBJECT}:holiday-readiness:${block.first}:${projectSegment(project)}`,
        kind: 'holiday-readiness' as const,
        severity,
        project,
        date: ctx.today,
        owners: [...new Set(own.flatMap((s) => s.owners))],
        channels: routeToChannels([...new Set(own.flatMap((s) => s.channels))], severity, ctx.channels),
        message: readinessText(block, through, ownExpiring, ownShort),
      },
    ];
  });
}

function shortAccount(
  account: AccountConfig,
  facts: AccountFacts,
  today: IsoDate,
  through: IsoDate,
): ShortAccount | undefined {
  const balance = facts.balance;
  if (!balance) return undefined;
  const recent = spendSeriesOf(facts).filter((d) => {
    const age = daysBetween(d.date, today);
    return age >= 0 && age < PEAK_WINDOW_DAYS;
  });
  const peak = Math.max(0, facts.dailySpend ?? 0, ...recent.map((d) => d.amount));
  if (!(peak > 0)) return undefined;
  const needed = peak * daysBetween(today, through) + (account.balance?.minAmount ?? 0);
  if (balance.amount >= needed) return undefined;
  return {
    accountId: account.id,
    currency: balance.currency,
    balance: balance.amount,
    expectedDailySpend: peak,
    runsOutOn: addDays(today, Math.max(0, Math.floor(balance.amount / peak))),
    topUp: Math.ceil(needed - balance.amount),
  };
}

function readinessText(
  block: NonWorkingBlock,
  through: IsoDate,
  expiring: readonly ServiceConfig[],
  short: readonly ShortAccount[],
): string {
  const lines = [
    `Today is the last working day before ${block.first} to ${block.last} (${plural(block.days, 'day')} off): ` +
      `nobody can renew or top up until it ends, and vendors' support is closed.`,
  ];
  for (const s of expiring) {
    lines.push(`${s.name} (${s.id}) expires on ${s.expiresOn}: renew it today.`);
  }
  for (const a of short) {
    lines.push(
      `Account ${a.accountId} has ${formatAmount(a.balance)} ${a.currency}; at the expected ${formatAmount(a.expectedDailySpend)} ` +
        `${a.currency} a day it runs out on ${a.runsOutOn}, before ${through}: top up ${formatAmount(a.topUp)} ${a.currency} today.`,
    );
  }
  return lines.join(' ');
}

/** A key segment for a free-text project name: a slug, with a hash when the slug changed it. */
export function projectSegment(project: string): string {
  const slug =
    project
      .toLowerCase()
      .replace(/[^a-z0-9._+-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'project';
  if (slug === project) return slug;
  // a 32-bit polynomial hash in plain arithmetic (every intermediate stays well under 2^53)
  let hash = 7;
  for (let i = 0; i < project.length; i++) hash = (hash * 31 + project.charCodeAt(i)) % 4_294_967_296;
  return `${slug}.${hash.toString(16)}`;
}
