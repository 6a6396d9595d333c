/**
 * The expiry calendar (RFC 5545): one all-day event per service expiry, one alarm per reminder.
 *
 * Choices a calendar client will notice:
 *
 * - UID `<serviceId>-<expiresOn>@renewal-guard`: re-importing or refreshing updates the same event, and
 *   a renewal (a later expiresOn) is a new event, while the old one leaves the feed.
 * - SEQUENCE is always 0 and DTSTAMP is the render time. An event's date can never change under its
 *   UID (the UID holds it), so no revision is "significant" in the sense of RFC 5545 3.8.7.4; between
 *   equal sequences, the later DTSTAMP is the newer copy (RFC 5546 2.1.5), which is what a re-render is.
 * - Alarms use absolute triggers (`TRIGGER;VALUE=DATE-TIME:…Z`), each at the instant the guard's own
 *   reminder goes out: the check time on the delivery day, in the guard's zone, in UTC. A relative
 *   trigger would hang off the start of an all-day event, which is midnight in each *viewer's* zone:
 *   a team spread over zones would be reminded at different instants, none of them the guard's. And
 *   working-day shifts make every tier's offset different anyway, so one form serves all.
 * - Alarms already past at render time are left out: clients such as Thunderbird pop up every missed
 *   alarm of an imported event at once. The description still lists every reminder.
 * - Events are TRANSPARENT: an expiry reminds, it does not make anyone busy.
 *
 * Pure: the render time comes in as `now`.
 */
import { calendarTextFor, type CalendarText } from './calendar-text';
import { escapeText, icsDate, icsUtcDateTime, joinContentLines } from './content-lines';
import { expiryAlarms, type ExpiryAlarm } from './expiry-alarms';
import { WorkingCalendar } from '../core/calendar/working-calendar';
import { addDays, compareDates, DateInputError } from '../core/dates';
import type { GuardConfig, IsoDate, ServiceConfig } from '../core/model';

export interface RenderCalendarOptions {
  /** The render time: DTSTAMP, and which alarms are still ahead. */
  readonly now: Date;
  /** The calendar's display name. @default "RenewalGuard: expiries" (or its zh-CN form) */
  readonly name?: string;
}

export const ICS_PRODID = '-//RenewalGuard//cdk-renewal-guard//EN';
/** How often subscribers should refresh: expiries change on deploys and renewals, not by the minute. */
export const ICS_REFRESH_INTERVAL = 'PT12H';

export function renderCalendar(config: GuardConfig, options: RenderCalendarOptions): string {
  const text = calendarTextFor(config.language);
  const settings = {
    calendar: new WorkingCalendar(config.calendar),
    checkTime: config.checkTime,
    timeZone: config.timeZone,
  };
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name ?? text.calendarName)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${ICS_REFRESH_INTERVAL}`,
    `X-PUBLISHED-TTL:${ICS_REFRESH_INTERVAL}`,
  ];
  for (const service of datedServices(config.services)) {
    const event = renderableEvent(service, settings, { text, config, now: options.now });
    if (event) lines.push(...event);
  }
  lines.push('END:VCALENDAR');
  return joinContentLines(lines);
}

/** How many events `renderCalendar` writes for this config: one per service with an expiry date it can express. */
export function calendarEventCount(config: GuardConfig): number {
  const settings = {
    calendar: new WorkingCalendar(config.calendar),
    checkTime: config.checkTime,
    timeZone: config.timeZone,
  };
  const ctx = { text: calendarTextFor(config.language), config, now: new Date(0) };
  return datedServices(config.services).filter((s) => renderableEvent(s, settings, ctx) !== undefined).length;
}

/**
 * One service's event, or undefined when its dates fall outside what can be expressed (an expiry on
 * 9999-12-31 has no following day for DTEND; tiers before 0000-01-01 have no date). Validation keeps a
 * document's dates in SUPPORTED_YEARS; this keeps one bad date, wherever it came from, from failing
 * the whole feed every subscriber reads.
 */
function renderableEvent(
  service: DatedService,
  settings: { calendar: WorkingCalendar; checkTime: string; timeZone: string },
  ctx: { text: CalendarText; config: GuardConfig; now: Date },
): string[] | undefined {
  try {
    const alarms = expiryAlarms(service, settings);
    return eventLines(service, alarms, ctx);
  } catch (error) {
    if (error instanceof DateInputError) return undefined;
    throw error;
  }
}

type DatedService = ServiceConfig & { readonly expiresOn: IsoDate };

function datedServices(services: readonly ServiceConfig[]): DatedService[] {
  return services
    .filter((s): s is DatedService => s.expiresOn !== undefined)
    .sort((a, b) => compareDates(a.expiresOn, b.expiresOn) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function eventLines(
  service: DatedService,
  alarms: readonly ExpiryAlarm[],
  ctx: { text: CalendarText; config: GuardConfig; now: Date },
): string[] {
  const { text, config, now } = ctx;
  const description = [
    text.expiresOn(service.name, service.id, service.expiresOn),
    text.project(service.project),
    text.owners(service.owners),
    text.whatToDo(service.autoRenew, service.expiresOn, service.kind, alarms.find((a) => a.decideBy)?.decideBy),
    text.remindersAt(config.checkTime, config.timeZone),
    ...alarms.map((a) => text.reminder(a)),
    text.acknowledgeWith,
  ].join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${service.id}-${service.expiresOn}@renewal-guard`,
    `DTSTAMP:${icsUtcDateTime(now)}`,
    'SEQUENCE:0',
    `DTSTART;VALUE=DATE:${icsDate(service.expiresOn)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(service.expiresOn, 1))}`,
    `SUMMARY:${escapeText(text.summary(service.name))}`,
    `DESCRIPTION:${escapeText(description)}`,
    `CATEGORIES:${escapeText(service.project)}`,
    'TRANSP:TRANSPARENT',
    ...alarms
      .filter((a) => a.trigger.getTime() > now.getTime())
      .flatMap((a) => [
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${escapeText(text.alarm(a, service.name, service.expiresOn))}`,
        `TRIGGER;VALUE=DATE-TIME:${icsUtcDateTime(a.trigger)}`,
        'END:VALARM',
      ]),
    'END:VEVENT',
  ];
}
