import { addDays, isCalendarDate, isWeekend, yearOf } from '../dates';
import type { CalendarData, IsoDate } from '../model';
import { CalendarError } from './calendar-error';

/** The `calendar:` spec that means "Saturdays and Sundays off, nothing else". */
export const WEEKENDS_CALENDAR_SPEC = 'weekends';

// Longer than any real run of days off (the longest official CN block is 9 days): a calendar that goes a
// whole year without a working day is corrupt, and looping further would only hide that.
const MAX_LOOKBACK_DAYS = 366;

/**
 * Answers "is this a working day?" from calendar data alone, so the deployed poller needs no holiday
 * library. A listed workday (CN 调休, or one a document adds) is working; a listed holiday is not; else
 * a weekend is not, and in a provisional year neither is an estimated holiday; every other day is.
 * The lists only hold covered years' days and the days a document adds, so in any other year weekends
 * (and estimates) alone decide.
 *
 * Lookups are Set hits and construction only indexes the data once, so one instance per cycle serves
 * every service.
 *
 * @example
 * const calendar = new WorkingCalendar(CN_OFFICIAL_CALENDAR);
 * calendar.isWorkingDay('2026-10-10'); // true: a Saturday worked for National Day
 * calendar.precedingWorkingDay('2026-10-02'); // '2026-09-30'
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<IsoDate>;
  private readonly workdays: ReadonlySet<IsoDate>;
  private readonly coveredYears: ReadonlySet<number>;
  private readonly coversEveryYear: boolean;
  private readonly provisionalYears: ReadonlySet<number>;
  private readonly provisionalHolidays: ReadonlySet<IsoDate>;

  public constructor(public readonly data: CalendarData) {
    const malformed = [...data.holidays, ...data.workdays].filter((d) => !isCalendarDate(d));
    if (malformed.length > 0) {
      throw new CalendarError(
        `calendar ${JSON.stringify(data.spec)} lists dates that are not calendar dates: ${malformed.map((d) => JSON.stringify(d)).join(', ')}`,
      );
    }
    this.holidays = new Set(data.holidays);
    this.workdays = new Set(data.workdays);
    this.coveredYears = new Set(data.coveredYears);
    // "weekends" has no dates to be missing: it is complete for every year, so `validate` must not warn.
    this.coversEveryYear = data.spec === WEEKENDS_CALENDAR_SPEC;
    this.provisionalYears = new Set((data.provisional?.years ?? []).filter((y) => !this.coveredYears.has(y)));
    this.provisionalHolidays = new Set(
      (data.provisional?.holidays ?? []).filter((d) => this.provisionalYears.has(yearOf(d))),
    );
  }

  /** Whether `date` falls in a year whose holidays are estimated, not official (contract 3). */
  public isProvisional(date: IsoDate): boolean {
    return this.provisionalYears.has(yearOf(date));
  }

  /** Whether `year`'s holidays are estimated, not official. */
  public isProvisionalYear(year: number): boolean {
    return this.provisionalYears.has(year);
  }

  /** Whether the data is authoritative for `year`; where not, `isWorkingDay` falls back to weekends. */
  public hasDataFor(year: number): boolean {
    return this.coversEveryYear || this.coveredYears.has(year);
  }

  public isWorkingDay(date: IsoDate): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date) || isWeekend(date)) return false;
    return !this.provisionalHolidays.has(date);
  }

  /** `date` itself when it is a working day, else the closest later working day. */
  public followingWorkingDay(date: IsoDate): IsoDate {
    let day = date;
    for (let step = 0; step <= MAX_LOOKBACK_DAYS; step++) {
      if (this.isWorkingDay(day)) return day;
      day = addDays(day, 1);
    }
    throw new CalendarError(
      `calendar ${JSON.stringify(this.data.spec)} has no working day in the ${MAX_LOOKBACK_DAYS} days from ${date}`,
    );
  }

  /** `date` itself when it is a working day, else the closest earlier working day. */
  public precedingWorkingDay(date: IsoDate): IsoDate {
    let day = date;
    for (let step = 0; step <= MAX_LOOKBACK_DAYS; step++) {
      if (this.isWorkingDay(day)) return day;
      day = addDays(day, -1);
    }
    throw new CalendarError(
      `calendar ${JSON.stringify(this.data.spec)} has no working day in the ${MAX_LOOKBACK_DAYS} days up to ${date}`,
    );
  }
}
