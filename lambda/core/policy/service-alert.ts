import type { WorkingCalendar } from '../calendar/working-calendar';
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
