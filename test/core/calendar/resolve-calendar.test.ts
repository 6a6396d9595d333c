import { CalendarError, CN_OFFICIAL_CALENDAR, WorkingCalendar } from '../../../lambda/core/calendar';
import { countryCalendarData, isSupportedCountry } from '../../../lambda/core/calendar/country';
import { calendarData, isSupportedCalendar } from '../../../lambda/core/calendar/resolve-calendar';

describe('calendar spec resolution', () => {
  it('resolves CN to the whole official table, whatever years are asked for', () => {
    expect(calendarData('CN', [2025, 2026])).toBe(CN_OFFICIAL_CALENDAR);
  });

  it('adds estimated festival blocks for the requested CN years the table lacks, and only those', () => {
    // Act
    const data = calendarData('CN', [2026, 2027, 2028]);
    // Assess
    expect(data.holidays).toEqual(CN_OFFICIAL_CALENDAR.holidays);
    expect(data.coveredYears).toEqual(CN_OFFICIAL_CALENDAR.coveredYears);
    expect(data.provisional?.years).toEqual([2027, 2028]);
    expect(data.provisional?.holidays).toContain('2027-02-06');
    expect(data.provisional?.holidays.some((d) => d.startsWith('2026-'))).toBe(false);
  });

  it('resolves weekends to no dates, covering the requested years', () => {
    expect(calendarData('weekends', [2027, 2026, 2027])).toEqual({
      spec: 'weekends',
      coveredYears: [2026, 2027],
      holidays: [],
      workdays: [],
    });
  });

  it('resolves another country code through date-holidays', () => {
    // Act
    const de = new WorkingCalendar(calendarData('DE', [2026]));
    // Assess: Tag der Deutschen Einheit, a Saturday in 2026, and Good Friday.
    expect(de.data.spec).toBe('DE');
    expect(de.isWorkingDay('2026-10-03')).toBe(false);
    expect(de.isWorkingDay('2026-04-03')).toBe(false);
    expect(de.isWorkingDay('2026-10-02')).toBe(true);
  });

  it.each(['CN', 'weekends', 'US', 'DE', 'JP', 'US-CA', 'DE-BY', 'CN-HK'])('supports %s', (spec) => {
    expect(isSupportedCalendar(spec)).toBe(true);
  });

  it.each(['cn', 'Weekends', 'WEEKENDS', 'us', 'XX', 'USA', '', 'DE-XX', 'de-by', 'US-', 'CN-MO', 'XX-CA'])(
    'does not support %p',
    (spec) => {
      expect(isSupportedCalendar(spec)).toBe(false);
    },
  );

  it('rejects an unsupported spec, saying what would work', () => {
    expect(() => calendarData('cn', [2026])).toThrow(
      new CalendarError(
        '"cn" is not a calendar: use CN, weekends, an upper-case ISO 3166-1 country code or an ISO 3166-2 region code (US-CA)',
      ),
    );
  });
});

describe('country calendars from date-holidays', () => {
  it('makes the observed Independence Day, Friday 2026-07-03, a US holiday', () => {
    // Act
    const us = new WorkingCalendar(countryCalendarData('US', [2026]));
    // Assess
    expect(us.isWorkingDay('2026-07-03')).toBe(false);
    expect(us.precedingWorkingDay('2026-07-05')).toBe('2026-07-02');
    expect(us.isWorkingDay('2026-11-26')).toBe(false);
  });

  it('lists public holidays only, sorted, for exactly the requested years', () => {
    // Act
    const data = countryCalendarData('DE', [2027, 2026]);
    // Assess
    expect(data.coveredYears).toEqual([2026, 2027]);
    expect(data.holidays.filter((d) => d.startsWith('2026-'))).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-10-03',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(data.holidays).toContain('2027-10-03');
    expect(data.workdays).toEqual([]);
  });

  it('ignores public holidays that cover only part of a day', () => {
    // date-holidays has CN's International Women's Day as a public half-day from 12:00.
    const cn = countryCalendarData('CN', [2026]);
    expect(cn.holidays).toContain('2026-10-01');
    expect(cn.holidays).not.toContain('2026-03-08');
  });

  it('knows upper-case ISO codes that date-holidays supports', () => {
    expect([isSupportedCountry('US'), isSupportedCountry('us'), isSupportedCountry('XX')]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('rejects an unknown country and a year that is not a whole year', () => {
    expect(() => countryCalendarData('XX', [2026])).toThrow(
      new CalendarError('"XX" is not a country or region code with a holiday calendar'),
    );
    expect(() => countryCalendarData('US', [2026, 2026.5, 0])).toThrow(
      'calendar years must be whole years, got 2026.5, 0',
    );
  });
});

describe('region calendars from date-holidays subdivisions', () => {
  it("gives US-CA the federal holidays and California's own (César Chávez Day, the day after Thanksgiving)", () => {
    const ca = new WorkingCalendar(calendarData('US-CA', [2026]));
    expect(ca.data.spec).toBe('US-CA');
    expect(ca.isWorkingDay('2026-03-31')).toBe(false);
    expect(ca.isWorkingDay('2026-11-27')).toBe(false);
    expect(ca.isWorkingDay('2026-07-03')).toBe(false);
    expect(new WorkingCalendar(calendarData('US', [2026])).isWorkingDay('2026-03-31')).toBe(true);
  });

  it('gives DE-BY Epiphany and Corpus Christi, which Germany as a whole does not have', () => {
    const by = new WorkingCalendar(calendarData('DE-BY', [2026]));
    expect(by.isWorkingDay('2026-01-06')).toBe(false);
    expect(by.isWorkingDay('2026-06-04')).toBe(false);
    expect(new WorkingCalendar(calendarData('DE', [2026])).isWorkingDay('2026-06-04')).toBe(true);
  });

  it("reads CN-HK as Hong Kong's calendar, not the mainland's", () => {
    const hk = new WorkingCalendar(calendarData('CN-HK', [2026]));
    expect(hk.isWorkingDay('2026-12-25')).toBe(false);
    expect(hk.isWorkingDay('2026-10-05')).toBe(true);
    expect(hk.data.workdays).toEqual([]);
  });
});
