import { CN_OFFICIAL_CALENDAR, CN_OFFICIAL_SCHEDULE, WorkingCalendar } from '../../../lambda/core/calendar';
import { dayOfWeek, daysBetween, isWeekend, yearOf } from '../../../lambda/core/dates';

const cn = new WorkingCalendar(CN_OFFICIAL_CALENDAR);

function datesFrom(first: string, count: number): string[] {
  const days: string[] = [];
  const start = Date.parse(`${first}T00:00:00Z`);
  for (let i = 0; i < count; i++) days.push(new Date(start + i * 86_400_000).toISOString().slice(0, 10));
  return days;
}

describe('the official CN calendar, 2026', () => {
  it('makes National Day 2026-10-01..07 non-working', () => {
    expect(datesFrom('2026-10-01', 7).map((d) => cn.isWorkingDay(d))).toEqual(Array(7).fill(false));
    expect(cn.isWorkingDay('2026-10-08')).toBe(true);
  });

  it('makes the make-up Sunday 2026-09-20 and Saturday 2026-10-10 working days', () => {
    expect([dayOfWeek('2026-09-20'), dayOfWeek('2026-10-10')]).toEqual([0, 6]);
    expect(cn.isWorkingDay('2026-09-20')).toBe(true);
    expect(cn.isWorkingDay('2026-10-10')).toBe(true);
  });

  it('keeps Mid-Autumn 2026 as its own block, 09-25..27, apart from National Day', () => {
    expect(datesFrom('2026-09-24', 5).map((d) => cn.isWorkingDay(d))).toEqual([true, false, false, false, true]);
  });

  it('moves a date inside National Day to the last working day before it', () => {
    expect(cn.precedingWorkingDay('2026-10-02')).toBe('2026-09-30');
    expect(cn.precedingWorkingDay('2026-10-07')).toBe('2026-09-30');
  });

  it('keeps a working day where it is, make-up Saturday included', () => {
    expect(cn.precedingWorkingDay('2026-09-30')).toBe('2026-09-30');
    expect(cn.precedingWorkingDay('2026-10-10')).toBe('2026-10-10');
  });

  it('moves the Sunday after a make-up Saturday back to that Saturday', () => {
    expect(cn.precedingWorkingDay('2026-10-11')).toBe('2026-10-10');
  });

  it('makes Spring Festival 2026-02-15..23 non-working, with 02-14 and 02-28 (Saturdays) worked', () => {
    expect(datesFrom('2026-02-15', 9).map((d) => cn.isWorkingDay(d))).toEqual(Array(9).fill(false));
    expect(cn.isWorkingDay('2026-02-14')).toBe(true);
    expect(cn.isWorkingDay('2026-02-24')).toBe(true);
    expect(cn.isWorkingDay('2026-02-28')).toBe(true);
    expect(cn.precedingWorkingDay('2026-02-20')).toBe('2026-02-14');
  });

  it('has the New Year, Qingming, Labour Day and Dragon Boat blocks with their make-up days', () => {
    expect(['2026-01-01', '2026-01-02', '2026-01-03'].some((d) => cn.isWorkingDay(d))).toBe(false);
    expect(cn.isWorkingDay('2026-01-04')).toBe(true);
    expect(cn.isWorkingDay('2026-04-06')).toBe(false);
    expect(cn.isWorkingDay('2026-05-05')).toBe(false);
    expect(cn.isWorkingDay('2026-05-09')).toBe(true);
    expect(cn.isWorkingDay('2026-06-19')).toBe(false);
  });
});

describe('the official CN calendar, other years', () => {
  it('has 2025 with its 8-day National Day and Mid-Autumn block', () => {
    expect(cn.isWorkingDay('2025-10-08')).toBe(false);
    expect(cn.isWorkingDay('2025-10-11')).toBe(true);
    expect(cn.precedingWorkingDay('2025-10-05')).toBe('2025-09-30');
  });

  it('keeps 2024 New Year’s Eve of the lunar calendar (02-09) a working day: it was only encouraged', () => {
    expect(cn.isWorkingDay('2024-02-09')).toBe(true);
    expect(cn.isWorkingDay('2024-02-10')).toBe(false);
  });

  it('falls back to weekends alone for a year without a notice, and says it has no data', () => {
    // Prepare: 2031-10-01 is a Wednesday, 2031-10-04 a Saturday.
    // Act / Assess
    expect(cn.hasDataFor(2031)).toBe(false);
    expect(cn.isWorkingDay('2031-10-01')).toBe(true);
    expect(cn.isWorkingDay('2031-10-04')).toBe(false);
    expect(cn.precedingWorkingDay('2031-10-05')).toBe('2031-10-03');
  });

  it('claims data for exactly the years it has a notice for', () => {
    expect([2023, 2024, 2025, 2026, 2027].map((y) => cn.hasDataFor(y))).toEqual([false, true, true, true, false]);
  });
});

describe('the official CN table', () => {
  it.each([
    // Totals as the notices state them (共 N 天), summed over the year's blocks.
    [2024, 1 + 8 + 3 + 5 + 1 + 3 + 7],
    [2025, 1 + 8 + 3 + 5 + 3 + 8],
    [2026, 3 + 9 + 3 + 5 + 3 + 3 + 7],
  ])('lists as many holidays in %i as the notice', (year, total) => {
    expect(CN_OFFICIAL_CALENDAR.holidays.filter((d) => yearOf(d) === year)).toHaveLength(total);
  });

  it('lists only weekend days as make-up workdays', () => {
    expect(CN_OFFICIAL_CALENDAR.workdays.filter((d) => !isWeekend(d))).toEqual([]);
  });

  it('never lists a day as both a holiday and a workday, nor twice', () => {
    const all = [...CN_OFFICIAL_CALENDAR.holidays, ...CN_OFFICIAL_CALENDAR.workdays];
    expect(new Set(all).size).toBe(all.length);
  });

  it('keeps every block and workday inside its own year, in order', () => {
    for (const entry of CN_OFFICIAL_SCHEDULE) {
      for (const [first, last] of entry.holidays) {
        expect([yearOf(first), yearOf(last)]).toEqual([entry.year, entry.year]);
        expect(daysBetween(first, last)).toBeGreaterThanOrEqual(0);
      }
      expect(entry.workdays.map(yearOf)).toEqual(entry.workdays.map(() => entry.year));
    }
  });

  it('names itself CN and covers the years of the table', () => {
    expect(CN_OFFICIAL_CALENDAR.spec).toBe('CN');
    expect(CN_OFFICIAL_CALENDAR.coveredYears).toEqual([2024, 2025, 2026]);
  });
});
