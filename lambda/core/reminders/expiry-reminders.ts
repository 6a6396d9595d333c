import { WorkingCalendar } from '../calendar/working-calendar';
import { addDays, daysBetween, epochDayOf } from '../dates';
import type { Alert, ChannelConfig, IsoDate, ServiceConfig } from '../model';
import { expiryAlertKey } from './alert-key';
import { routeToChannels } from './channel-routing';
import { asDecisionReminder, contractDecision, dayAfterDecision } from './contract-decision';
import { dayContext, dueTier } from './due-tier';
import { expiryMessage } from './expiry-message';
import { severityForTier } from './severity';
import { placeTiers, type TierPlacement } from './tier-placement';

export interface ExpiryContext {
  readonly calendar: WorkingCalendar;
  readonly channels: ReadonlyMap<string, ChannelConfig>;
}

/**
 * The expiry reminder a cycle on `today` owes a service, if any: the most urgent tier whose delivery day
 * has come. A cycle that runs every day sends each tier on its day; a first cycle, or one after missed
 * days, sends only the most urgent tier already due — never a flood of stale ones (catch-up). From the
 * expiry day on, the reminder is tier 0: an emergency that the service expires today or has expired.
 *
 * Whether it was already sent is not decided here: the key is stable, so the ledger's conditional write
 * makes it fire once however often cycles run.
 */
export function dueExpiryReminder(service: ServiceConfig, today: IsoDate, ctx: ExpiryContext): Alert | undefined {
  // a contract with a notice period: its decision until the decision date, its expiry after
  const decision = contractDecision(service);
  if (decision === undefined) return dueDatedReminder(service, today, ctx);
  if (today <= decision.decideBy) {
    const due = dueDatedReminder(decision.untilDecision, today, ctx);
    return due && asDecisionReminder(due, service, decision);
  }
  return dueDatedReminder(decision.afterDecision, today, ctx);
}

function dueDatedReminder(service: ServiceConfig, today: IsoDate, ctx: ExpiryContext): Alert | undefined {
  const expiresOn = service.expiresOn;
  if (expiresOn === undefined) return undefined;
  // Day numbers, not date strings: this runs once per service per cycle, and parsing `today` and placing
  // five tiers through the calendar per service was most of a cycle's CPU (bench/README.md, decisions).
  const day = dayContext(ctx.calendar, today);
  const expiresOnDay = epochDayOf(expiresOn);
  const daysLeft = expiresOnDay - day.todayDay;
  if (daysLeft <= 0) return expiryAlert(service, expiresOn, 0, today, daysLeft, ctx);

  if (day.nextWorkingDay === undefined) return placedDueReminder(service, expiresOn, today, daysLeft, ctx);
  const tier = dueTier(expiresOnDay, service.reminderDays, day.nextWorkingDay);
  return tier === undefined ? undefined : expiryAlert(service, expiresOn, tier, today, daysLeft, ctx);
}

/** The tier-by-tier placement `dueTier` shortcuts; kept for a calendar with no working day ahead. */
function placedDueReminder(
  service: ServiceConfig,
  expiresOn: IsoDate,
  today: IsoDate,
  daysLeft: number,
  ctx: ExpiryContext,
): Alert | undefined {
  let due: TierPlacement | undefined;
  for (const placement of placeTiers(expiresOn, service.reminderDays, ctx.calendar)) {
    if (placement.date > today) break;
    due = placement;
  }
  return due && expiryAlert(service, expiresOn, due.tier, today, daysLeft, ctx);
}

/**
 * The expiry reminders daily cycles from `from` through `from + days − 1` would send, if nothing is
 * renewed and nothing was sent before `from` (so `from` itself shows what a first cycle would catch up).
 * Equivalent to running `dueExpiryReminder` each day against a ledger, without the day-by-day loop.
 */
export function expiryRemindersBetween(
  service: ServiceConfig,
  from: IsoDate,
  days: number,
  ctx: ExpiryContext,
): Alert[] {
  const decision = contractDecision(service);
  if (decision === undefined) return datedRemindersBetween(service, from, days, ctx);
  const last = addDays(from, days - 1);
  const reminders: Alert[] = [];
  if (from <= decision.decideBy) {
    const until = last < decision.decideBy ? days : daysBetween(from, decision.decideBy) + 1;
    reminders.push(
      ...datedRemindersBetween(decision.untilDecision, from, until, ctx).map((a) =>
        asDecisionReminder(a, service, decision),
      ),
    );
  }
  const after = from > decision.decideBy ? from : dayAfterDecision(decision);
  if (after <= last) {
    reminders.push(...datedRemindersBetween(decision.afterDecision, after, daysBetween(after, last) + 1, ctx));
  }
  return reminders;
}

function datedRemindersBetween(service: ServiceConfig, from: IsoDate, days: number, ctx: ExpiryContext): Alert[] {
  const expiresOn = service.expiresOn;
  if (expiresOn === undefined || days <= 0) return [];
  const last = addDays(from, days - 1);
  const reminders: Alert[] = [];
  const first = dueDatedReminder(service, from, ctx);
  if (first) reminders.push(first);
  if (daysBetween(from, expiresOn) <= 0) return reminders;

  for (const placement of placeTiers(expiresOn, service.reminderDays, ctx.calendar)) {
    if (placement.date > from && placement.date <= last && placement.tier > 0) {
      reminders.push(
        expiryAlert(service, expiresOn, placement.tier, placement.date, daysBetween(placement.date, expiresOn), ctx),
      );
    }
  }
  if (expiresOn > from && expiresOn <= last) reminders.push(expiryAlert(service, expiresOn, 0, expiresOn, 0, ctx));
  return reminders;
}

function expiryAlert(
  service: ServiceConfig,
  expiresOn: IsoDate,
  tier: number,
  date: IsoDate,
  /** `date` to `expiresOn` in days, which every caller already knows. */
  daysLeft: number,
  ctx: ExpiryContext,
): Alert {
  const severity = severityForTier(tier);
  return {
    key: expiryAlertKey(service.id, expiresOn, tier),
    kind: 'expiry',
    severity,
    serviceId: service.id,
    accountId: service.account,
    project: service.project,
    tier,
    daysLeft,
    expiresOn,
    date,
    owners: service.owners,
    channels: routeToChannels(service.channels, severity, ctx.channels),
    message: expiryMessage(service, expiresOn, daysLeft),
  };
}
