import type { WorkingCalendar } from '../calendar/working-calendar';
import { addDays } from '../dates';
import type { Alert, AlertKind, ChannelConfig, IsoDate, ServiceConfig, Severity } from '../model';
import { routeToChannels } from '../reminders/channel-routing';

/** What the service rules need besides the service: the day, the working-day calendar, the channels. */
export interface ServiceRuleContext {
  readonly today: IsoDate;
  readonly calendar: WorkingCalendar;
  readonly channels: ReadonlyMap<string, ChannelConfig>;
}

export interface ServiceAlertFields {
  readonly key: string;
  readonly kind: AlertKind;
  readonly severity: Severity;
  readonly date: IsoDate;
  readonly message: string;
  readonly tier?: number;
  readonly daysLeft?: number;
  readonly expiresOn?: IsoDate;
  /** Defaults to the service's owners. */
  readonly owners?: readonly string[];
}

/** An alert about a service, addressed like its expiry reminders: its owners, its channels by severity. */
export function serviceAlert(
  service: ServiceConfig,
  fields: ServiceAlertFields,
  channels: ReadonlyMap<string, ChannelConfig>,
): Alert {
  return {
    key: fields.key,
    kind: fields.kind,
    severity: fields.severity,
    serviceId: service.id,
    ...(service.account !== undefined && { accountId: service.account }),
    project: service.project,
    ...(fields.tier !== undefined && { tier: fields.tier }),
    ...(fields.daysLeft !== undefined && { daysLeft: fields.daysLeft }),
    ...(fields.expiresOn !== undefined && { expiresOn: fields.expiresOn }),
    date: fields.date,
    owners: fields.owners ?? service.owners,
    channels: routeToChannels(service.channels, fields.severity, channels),
    message: fields.message,
  };
}

/** `Live app RTC (live-rtc, project live-app)`, as every service message names it. */
export function serviceTitle(service: ServiceConfig): string {
  return `${service.name} (${service.id}, project ${service.project})`;
}

export function ownersSentence(owners: readonly string[]): string {
  return `Owners: ${owners.join(', ')}.`;
}

/**
 * Planning notices (info and warning) wait for a working day, like the expiry tiers: a reminder nobody
 * reads over a holiday is a reminder lost. Critical and emergency alerts go out any day.
 */
export function deliverableToday(severity: Severity, ctx: ServiceRuleContext): boolean {
  return severity === 'critical' || severity === 'emergency' || ctx.calendar.isWorkingDay(ctx.today);
}

/** Longer than any run of non-working days (the calendar's own lookback bound). */
const MAX_RUN_OF_DAYS_OFF = 366;

/**
 * The last day whose foreseeable alerts are delivered today: on a working day, the day before the next
 * working day (a Friday speaks for the weekend, 2026-09-30 for National Day through 10-07); on a
 * non-working day, today. A rule that sees a date coming (a coverage gap turning critical, an auto-renewal
 * at risk, contacts going stale) asks it as of this day, so its alert is placed on the closest preceding
 * working day, as the expiry tiers are, and nothing foreseeable is first said on a holiday.
 */
export function lookaheadDay(ctx: Pick<ServiceRuleContext, 'today' | 'calendar'>): IsoDate {
  if (!ctx.calendar.isWorkingDay(ctx.today)) return ctx.today;
  let day = addDays(ctx.today, 1);
  for (let step = 0; step < MAX_RUN_OF_DAYS_OFF && !ctx.calendar.isWorkingDay(day); step++) day = addDays(day, 1);
  return addDays(day, -1);
}
