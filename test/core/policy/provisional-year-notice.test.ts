import { CHANNELS, CN, weekendsCtx } from './fixtures';
import { WorkingCalendar } from '../../../lambda/core/calendar';
import { calendarData } from '../../../lambda/core/calendar/resolve-calendar';
import { parseAlertKey } from '../../../lambda/core/policy';
import { provisionalYearNotice } from '../../../lambda/core/policy/provisional-year-notice';

const ctx = (today: string, calendar: WorkingCalendar = CN) => ({ today, calendar, channels: CHANNELS });

describe('the provisional-year notice', () => {
  it('tells the operators from November 1 that next year is provisional, once per year by its key', () => {
    // Act
    const notice = provisionalYearNotice('CN', ctx('2026-11-02'));
    // Assess
    expect(notice).toMatchObject({
      key: '_guard:calendar-provisional:2027',
      kind: 'calendar-provisional',
      severity: 'warning',
      date: '2026-11-02',
      channels: ['ops'],
    });
    expect(notice?.message).toContain('coveredYears: [2027]');
    // the fixtures' CN calendar is the bare official table: no estimate was resolved for 2027
    expect(notice?.message).toContain('weekends alone are used there until it is redeployed');
    const estimated = provisionalYearNotice('CN', ctx('2026-11-02', new WorkingCalendar(calendarData('CN', [2027]))));
    expect(estimated?.message).toContain('its festivals are estimated from the lunar calendar');
    expect(parseAlertKey(notice!.key)).toEqual({ subject: '_guard', kind: 'calendar-provisional', about: ['2027'] });
  });

  it('says nothing before November, on a non-working day, or once next year is declared', () => {
    expect(provisionalYearNotice('CN', ctx('2026-10-30'))).toBeUndefined();
    expect(provisionalYearNotice('CN', ctx('2026-11-01'))).toBeUndefined(); // a Sunday: waits for Monday
    const declared = new WorkingCalendar({ ...calendarData('CN', [2027]), coveredYears: [2024, 2025, 2026, 2027] });
    expect(provisionalYearNotice('CN', ctx('2026-11-02', declared))).toBeUndefined();
  });

  it('is only about CN, whose years are estimated', () => {
    expect(provisionalYearNotice('weekends', weekendsCtx('2026-11-02'))).toBeUndefined();
  });
});
