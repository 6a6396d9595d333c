/** The document-wide settings: version, language, time zone, check time, calendar, quiet hours, tiers, digest. */
import { isValidTimeZone } from '../dates';
import { LANGUAGES, WEEKDAYS, type DigestSchedule, type Language, type QuietHours } from '../model';
import { describeValue, isMapping, readEnum, readTime, reportUnknownKeys, valueOf, type Mapping } from './fields';
import type { ProblemLog } from './problem-log';
import { DEFAULT_REMINDER_DAYS, readReminderDays } from './reminder-days';
import { DEFAULT_CALENDAR, readCalendar } from './validate-calendar';
import { isInQuietWindow } from '../../../src/shared/quiet-window';
import type { CalendarDeclaration } from '../calendar/calendar-declaration';

export const DEFAULT_TIME_ZONE = 'UTC';
export const DEFAULT_CHECK_TIME = '09:00';
export { DEFAULT_CALENDAR };

export interface Settings {
  /** Absent when the document names none (messages are then in English). */
  readonly language?: Language;
  readonly timeZone: string;
  readonly checkTime: string;
  /** The calendar: its base spec (`CN`, `US`, `weekends`) and the days the document adds; undefined when invalid. */
  readonly calendar: CalendarDeclaration | undefined;
  readonly quietHours?: QuietHours;
  readonly reminderDays: readonly number[] | undefined;
  readonly digest?: DigestSchedule;
}

export function readVersion(log: ProblemLog, doc: Mapping): void {
  const value = valueOf(doc, 'version');
  if (value === undefined) log.error('version', 'missing; add version: 1 at the top of the document');
  else if (value !== 1) log.error('version', `${describeValue(value)} is not supported; use version: 1`);
}

export function readSettings(log: ProblemLog, doc: Mapping, isSupportedCalendar: (spec: string) => boolean): Settings {
  const language = readEnum(log, doc, '', 'language', LANGUAGES, 'a supported language', false);
  const timeZone = readTimeZone(log, doc) ?? DEFAULT_TIME_ZONE;
  const checkTime = readTime(log, doc, '', 'checkTime', false) ?? DEFAULT_CHECK_TIME;
  const calendar = readCalendar(log, doc, isSupportedCalendar);
  const quietHours = readQuietHours(log, doc);
  const days = valueOf(doc, 'reminderDays');
  const reminderDays = days === undefined ? DEFAULT_REMINDER_DAYS : readReminderDays(log, days, 'reminderDays');
  const digest = readDigest(log, doc);
  if (quietHours && isInQuietWindow(checkTime, quietHours)) {
    log.warn(
      'checkTime',
      `${checkTime} falls inside quietHours (${quietHours.from}–${quietHours.to}): the cycle's non-emergency alerts ` +
        `wait for ${quietHours.to}; the deployed guard runs again then to deliver them, a scheduler of your own ` +
        `running check --send should too`,
    );
  }
  return {
    ...(language && { language }),
    timeZone,
    checkTime,
    calendar,
    ...(quietHours && { quietHours }),
    reminderDays,
    ...(digest && { digest }),
  };
}

function readTimeZone(log: ProblemLog, doc: Mapping): string | undefined {
  const value = valueOf(doc, 'timeZone');
  if (value === undefined) return undefined;
  if (typeof value === 'string' && isValidTimeZone(value)) return value;
  if (typeof value !== 'string') {
    log.error('timeZone', `expected an IANA time zone such as Asia/Shanghai, got ${describeValue(value)}`);
  } else {
    log.error('timeZone', `${describeValue(value)} is not an IANA time zone`);
  }
  return undefined;
}

function readSection(log: ProblemLog, doc: Mapping, key: string, known: readonly string[]): Mapping | undefined {
  const value = valueOf(doc, key);
  if (value === undefined) return undefined;
  if (!isMapping(value)) {
    log.error(key, `expected a mapping with ${known.join(' and ')}, got ${describeValue(value)}`);
    return undefined;
  }
  reportUnknownKeys(log, value, key, known);
  return value;
}

function readQuietHours(log: ProblemLog, doc: Mapping): QuietHours | undefined {
  const section = readSection(log, doc, 'quietHours', ['from', 'to']);
  if (!section) return undefined;
  const from = readTime(log, section, 'quietHours', 'from', true);
  const to = readTime(log, section, 'quietHours', 'to', true);
  if (from === undefined || to === undefined) return undefined;
  if (from === to) {
    log.error(
      'quietHours',
      `from and to are both "${from}"; give a window such as { from: "22:00", to: "08:00" } or remove quietHours`,
    );
    return undefined;
  }
  return { from, to };
}

function readDigest(log: ProblemLog, doc: Mapping): DigestSchedule | undefined {
  const section = readSection(log, doc, 'digest', ['weekday', 'time']);
  if (!section) return undefined;
  const weekday = readEnum(log, section, 'digest', 'weekday', WEEKDAYS, 'a weekday', true);
  const time = readTime(log, section, 'digest', 'time', true);
  return weekday && time ? { weekday, time } : undefined;
}
