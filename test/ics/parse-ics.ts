/**
 * ical.js, an independent RFC 5545 parser, as the tests' reader of what renderCalendar writes. It ships
 * as an ES module with a CommonJS build; the type import names its ESM side, the require loads the CJS.
 */
import type ICALModule from 'ical.js' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ICAL = require('ical.js') as typeof ICALModule;

export type IcalComponent = InstanceType<typeof ICAL.Component>;

export function parseCalendar(ics: string): IcalComponent {
  return new ICAL.Component(ICAL.parse(ics));
}

export interface ParsedEvent {
  readonly uid: string;
  readonly summary: string;
  readonly description: string;
  readonly start: string;
  readonly startIsDate: boolean;
  readonly end: string;
  readonly categories: string;
  readonly sequence: number;
  readonly stamp: string;
  readonly alarms: ReadonlyArray<{ readonly action: string; readonly description: string; readonly trigger: string }>;
}

/** Each VEVENT as plain data, with alarm triggers as ISO instants. */
export function parsedEvents(ics: string): ParsedEvent[] {
  return parseCalendar(ics)
    .getAllSubcomponents('vevent')
    .map((event) => {
      const value = (name: string) => event.getFirstPropertyValue(name) as unknown;
      const time = (name: string) => value(name) as InstanceType<typeof ICAL.Time>;
      return {
        uid: String(value('uid')),
        summary: String(value('summary')),
        description: String(value('description')),
        start: time('dtstart').toString(),
        startIsDate: time('dtstart').isDate,
        end: time('dtend').toString(),
        categories: String(value('categories')),
        sequence: Number(value('sequence')),
        stamp: time('dtstamp').toJSDate().toISOString(),
        alarms: event.getAllSubcomponents('valarm').map((alarm) => ({
          action: String(alarm.getFirstPropertyValue('action')),
          description: String(alarm.getFirstPropertyValue('description')),
          trigger: (alarm.getFirstPropertyValue('trigger') as InstanceType<typeof ICAL.Time>).toJSDate().toISOString(),
        })),
      };
    });
}
