/**
 * A package runs out by quantity as well as by date. For a `package` service that names its vendor
 * `entitlement`, the remaining quantity the vendor reports over recent cycles gives a daily use and a
 * quantity runway; when the quantity runs out before the package expires, that day drives the
 * reminders: the service's tiers count to it (placed on working days like expiry tiers, severity by
 * tier), as `quantity-runway` alerts keyed by the package's expiry and the tier, so a run-out day that
 * drifts with usage never repeats a tier, and a new package (a later expiry) starts fresh.
 */
import type { WorkingCalendar } from '../calendar/working-calendar';
import { addDays, daysBetween } from '../dates';
import type { Alert, ChannelConfig, IsoDate, ServiceConfig } from '../model';
import { routeToChannels } from './channel-routing';
import { severityForTier } from './severity';
import { placeTiers } from './tier-placement';
import { serviceAlertKey } from '../policy/policy-keys';

/** The remaining quantity of one entitlement as one poll read it. */
export interface QuantityPoint {
  readonly date: IsoDate;
  readonly remaining: number;
  readonly unit?: string;
}

export interface QuantityRunway {
  readonly remaining: number;
  readonly unit?: string;
  /** Average use a day over the points' span (one day at least). */
  readonly dailyUse: number;
  /** The day the quantity runs out at that rate; absent when nothing is being used. */
  readonly runOutOn?: IsoDate;
}

/**
 * The runway of a series (any order, several points a day allowed: the last of a day counts). Needs two
 * days of points; a top-up (remaining rising) restarts the series from it.
 */
export function quantityRunway(points: readonly QuantityPoint[], today: IsoDate): QuantityRunway | undefined {
  const byDay = new Map<IsoDate, QuantityPoint>();
  for (const p of [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) byDay.set(p.date, p);
  let series = [...byDay.values()];
  for (let i = series.length - 1; i > 0; i -= 1) {
    if (series[i]!.remaining > series[i - 1]!.remaining) {
      series = series.slice(i);
      break;
    }
  }
  if (series.length < 2) return undefined;
  const first = series[0]!;
  const last = series[series.length - 1]!;
  const span = Math.max(1, daysBetween(first.date, last.date));
  const dailyUse = Math.max(0, (first.remaining - last.remaining) / span);
  const runOutOn = dailyUse > 0 ? addDays(last.date, Math.max(0, Math.floor(last.remaining / dailyUse))) : undefined;
  return {
    remaining: last.remaining,
    ...(last.unit !== undefined && { unit: last.unit }),
    dailyUse,
    ...(runOutOn !== undefined && { runOutOn: runOutOn < today ? today : runOutOn }),
  };
}

/** The quantity reminder due today, if the quantity runs out before the package expires. */
export function dueQuantityReminder(
  service: ServiceConfig,
  runway: QuantityRunway | undefined,
  today: IsoDate,
  ctx: { readonly calendar: WorkingCalendar; readonly channels: ReadonlyMap<string, ChannelConfig> },
): Alert | undefined {
  const expiresOn = service.expiresOn;
  const runOutOn = runway?.runOutOn;
  if (service.kind !== 'package' || !runway || runOutOn === undefined || expiresOn === undefined) return undefined;
  if (runOutOn >= expiresOn) return undefined; // the date comes first: the expiry reminders say it
  let due: number | undefined;
  for (const placement of placeTiers(runOutOn, [...service.reminderDays, 0], ctx.calendar)) {
    if (placement.date <= today) due = placement.tier;
  }
  if (due === undefined) return undefined;
  const severity = severityForTier(due);
  const daysLeft = daysBetween(today, runOutOn);
  const unit = runway.unit ? ` ${runway.unit}` : '';
  const amount = (n: number) => `${Math.round(n * 100) / 100}${unit}`;
  return {
    key: serviceAlertKey(service.id, 'quantity-runway', expiresOn, due),
    kind: 'quantity-runway',
    severity,
    serviceId: service.id,
    ...(service.account !== undefined && { accountId: service.account }),
    project: service.project,
    tier: due,
    daysLeft,
    expiresOn,
    runOutOn,
    date: today,
    owners: service.owners,
    channels: routeToChannels(service.channels, severity, ctx.channels),
    message:
      `${service.name} (${service.id}, project ${service.project}) has ${amount(runway.remaining)} left; at the recent ` +
      `use of ${amount(runway.dailyUse)} a day it runs out on ${runOutOn} ` +
      `(${daysLeft === 0 ? 'today' : daysLeft === 1 ? '1 day left' : `${daysLeft} days left`}), before the package ` +
      `expires on ${expiresOn}. Buy more, or a larger package, before then. Owners: ${service.owners.join(', ')}.`,
  };
}
