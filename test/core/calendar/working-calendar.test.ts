import { CalendarError, WEEKENDS_CALENDAR_SPEC, WorkingCalendar } from '../../../lambda/core/calendar';
import type { CalendarData } from '../../../lambda/core/model';

function calendar(data: Partial<CalendarData>): WorkingCalendar {
  return new WorkingCalendar({ spec: 'XX', coveredYears: [], holidays: [], workdays: [], ...data });
}

describe('working calendar', () => {
  it('treats weekdays as working and weekends as not, with no holiday data', () => {
    // Prepare
    const weekends = calendar({ spec: WEEKENDS_CALENDAR_SPEC });
    // Act / Assess: 2026-10-09 is a Friday.
    expect(weekends.isWorkingDay('2026-10-09')).toBe(true);
    expect(weekends.isWorkingDay('2026-10-10')).toBe(false);
    expect(weekends.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('moves a Saturday or Sunday to the Friday before', () => {
    const weekends = calendar({ spec: WEEKENDS_CALENDAR_SPEC });
    expect(weekends.precedingWorkingDay('2026-10-10')).toBe('2026-10-09');
    expect(weekends.precedingWorkingDay('2026-10-11')).toBe('2026-10-09');
    expect(weekends.precedingWorkingDay('2026-10-12')).toBe('2026-10-12');
  });

  it('moves across a month and a year boundary', () => {
    const weekends = calendar({ spec: WEEKENDS_CALENDAR_SPEC });
    expect(weekends.precedingWorkingDay('2028-01-01')).toBe('2027-12-31');
  });

  it('never reports missing data for the weekends calendar, whatever the year', () => {
    const weekends = calendar({ spec: WEEKENDS_CALENDAR_SPEC, coveredYears: [2026] });
    expect([1999, 2026, 2031].map((y) => weekends.hasDataFor(y))).toEqual([true, true, true]);
  });

  it('applies listed holidays and workdays in every year; coverage only says the year is complete', () => {
    // Prepare: the same listed dates, one pair in a covered year, one pair outside (a company's own days).
    const cal = calendar({
      coveredYears: [2026],
      holidays: ['2026-07-03', '2027-07-02'],
      workdays: ['2026-07-04', '2027-07-03'],
    });
    // Act / Assess
    expect(cal.isWorkingDay('2026-07-03')).toBe(false);
    expect(cal.isWorkingDay('2026-07-04')).toBe(true);
    expect(cal.isWorkingDay('2027-07-02')).toBe(false);
    expect(cal.isWorkingDay('2027-07-03')).toBe(true);
    expect(cal.isWorkingDay('2027-07-05')).toBe(true);
    expect([cal.hasDataFor(2026), cal.hasDataFor(2027)]).toEqual([true, false]);
  });

  it('treats estimated holidays as non-working only in provisional years that are not covered', () => {
    const cal = calendar({
      coveredYears: [2026],
      provisional: { years: [2026, 2027], holidays: ['2026-10-08', '2027-02-08'] },
    });
    expect(cal.isWorkingDay('2027-02-08')).toBe(false);
    expect(cal.isProvisional('2027-02-08')).toBe(true);
    expect(cal.isProvisionalYear(2026)).toBe(false);
    expect(cal.isWorkingDay('2026-10-08')).toBe(true);
    expect(cal.precedingWorkingDay('2027-02-08')).toBe('2027-02-05');
    expect(cal.followingWorkingDay('2027-02-06')).toBe('2027-02-09');
  });

  it('keeps a holiday on a weekend non-working', () => {
    const cal = calendar({ coveredYears: [2026], holidays: ['2026-10-03'] });
    expect(cal.isWorkingDay('2026-10-03')).toBe(false);
  });

  it('exposes the data it was built from', () => {
    const data: CalendarData = { spec: 'DE', coveredYears: [2026], holidays: ['2026-10-03'], workdays: [] };
    expect(new WorkingCalendar(data).data).toBe(data);
  });

  it('rejects data with dates that are not calendar dates, naming all of them', () => {
    expect(() => calendar({ spec: 'DE', holidays: ['2026-02-30', '2026-10-03'], workdays: ['2026-10-1'] })).toThrow(
      new CalendarError('calendar "DE" lists dates that are not calendar dates: "2026-02-30", "2026-10-1"'),
    );
  });

  it('rejects looking up a date that is not a calendar date', () => {
    expect(() => calendar({}).isWorkingDay('2026-02-30')).toThrow('"2026-02-30" is not a calendar date');
    expect(() => calendar({}).precedingWorkingDay('soon')).toThrow('"soon" is not a calendar date');
  });

  it('gives up, with a non-retryable error, when a whole year back holds no working day', () => {
    // Prepare: every day of 2025 and 2026 a holiday.
    const allDays = Array.from({ length: 730 }, (_, i) =>
      new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const cal = calendar({ spec: 'XX', coveredYears: [2025, 2026], holidays: allDays });
    // Act / Assess
    expect(() => cal.precedingWorkingDay('2026-12-31')).toThrow(
      new CalendarError('calendar "XX" has no working day in the 366 days up to 2026-12-31'),
    );
    expect(() => cal.precedingWorkingDay('2026-12-31')).toThrow(expect.objectContaining({ retryable: false }));
  });
});
