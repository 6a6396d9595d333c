import { CN_OFFICIAL_SCHEDULE, WorkingCalendar } from '../../../lambda/core/calendar';
import { expandRange } from '../../../lambda/core/calendar/calendar-declaration';
import { provisionalCnBlocks, provisionalCnHolidays } from '../../../lambda/core/calendar/cn-provisional';
import { calendarData } from '../../../lambda/core/calendar/resolve-calendar';
import { isWeekend } from '../../../lambda/core/dates';
import { placeTiers } from '../../../lambda/core/reminders';

describe('provisional CN years', () => {
  it("estimates 2027 from the lunar calendar: Spring Festival 2027-02-06, its block from 除夕's eve through 初八", () => {
    // Act
    const blocks = provisionalCnBlocks(2027);
    // Assess
    expect(blocks.find((b) => b.festival === '春节')).toEqual({
      festival: '春节',
      first: '2027-02-04',
      last: '2027-02-13',
    });
    expect(blocks.find((b) => b.festival === '清明节')).toEqual({
      festival: '清明节',
      first: '2027-04-03',
      last: '2027-04-05',
    });
    expect(blocks.find((b) => b.festival === '劳动节')).toEqual({
      festival: '劳动节',
      first: '2027-05-01',
      last: '2027-05-05',
    });
    expect(blocks.find((b) => b.festival === '国庆节')).toEqual({
      festival: '国庆节',
      first: '2027-10-01',
      last: '2027-10-07',
    });
    expect(provisionalCnHolidays(2027)).toContain('2027-06-09'); // 端午节, 五月初五
    expect(provisionalCnHolidays(2027)).toContain('2027-09-15'); // 中秋节, 八月十五
  });

  it('joins 中秋节 to National Day when it falls in it, as the official 2025 block did (10-01..08)', () => {
    const national = provisionalCnBlocks(2025).find((b) => b.festival === '国庆节');
    expect(national).toEqual({ festival: '国庆节', first: '2025-10-01', last: '2025-10-08' });
    expect(provisionalCnBlocks(2025).some((b) => b.festival === '中秋节')).toBe(false);
  });

  it.each(CN_OFFICIAL_SCHEDULE.map((y) => [y.year, y] as const))(
    'never makes an official %s holiday a working day (estimates only move reminders earlier)',
    (year, official) => {
      // Prepare
      const estimated = new Set(provisionalCnHolidays(year));
      // Act
      const missed = official.holidays
        .flatMap(([first, last]) => expandRange(first, last))
        .filter((day) => !estimated.has(day) && !isWeekend(day));
      // Assess
      expect(missed).toEqual([]);
    },
  );

  it('places a reminder due 2027-02-08 before the estimated Spring Festival block, never inside it', () => {
    // Prepare
    const cn = new WorkingCalendar(calendarData('CN', [2026, 2027]));
    // Act
    const [placement] = placeTiers('2027-02-15', [7], cn);
    // Assess
    expect(placement).toEqual({ tier: 7, dueOn: '2027-02-08', date: '2027-02-03' });
    expect(cn.isProvisional('2027-02-03')).toBe(true);
    expect(cn.isProvisional('2026-12-31')).toBe(false);
    for (const day of expandRange('2027-02-04', '2027-02-13')) expect(cn.isWorkingDay(day)).toBe(false);
  });

  it('estimates nothing outside the years its tables are trusted for', () => {
    expect(provisionalCnBlocks(1900)).toEqual([]);
    expect(calendarData('CN', [1900]).provisional).toBeUndefined();
  });
});
