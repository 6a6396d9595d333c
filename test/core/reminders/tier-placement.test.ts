import { CN_OFFICIAL_CALENDAR, WorkingCalendar } from '../../../lambda/core/calendar';
import { placeTiers } from '../../../lambda/core/reminders';

const cn = new WorkingCalendar(CN_OFFICIAL_CALENDAR);
const weekends = new WorkingCalendar({ spec: 'weekends', coveredYears: [], holidays: [], workdays: [] });

describe('tier placement', () => {
  it('moves the 7-day reminder of a 2026-10-09 expiry, due on a National Day holiday, to 2026-09-30', () => {
    // Act
    const placements = placeTiers('2026-10-09', [7], cn);

    // Assess
    expect(placements).toEqual([{ tier: 7, dueOn: '2026-10-02', date: '2026-09-30' }]);
  });

  it('keeps a reminder due on an official make-up workday (Saturday 2026-10-10) on that day', () => {
    expect(placeTiers('2026-10-11', [1], cn)).toEqual([{ tier: 1, dueOn: '2026-10-10', date: '2026-10-10' }]);
  });

  it('moves a reminder due on a plain Sunday to the Friday before', () => {
    expect(placeTiers('2026-11-09', [1], weekends)).toEqual([{ tier: 1, dueOn: '2026-11-08', date: '2026-11-06' }]);
  });

  it('collapses tiers that land on the same delivery day into the most urgent one', () => {
    // Prepare: a 2026-10-08 expiry; tiers 7, 3 and 1 are due on 10-01, 10-05 and 10-07, all holidays
    const tiers = [15, 7, 3, 1];

    // Act
    const placements = placeTiers('2026-10-08', tiers, cn);

    // Assess: all three land on 09-30 and only tier 1 remains there
    expect(placements).toEqual([
      { tier: 15, dueOn: '2026-09-23', date: '2026-09-23' },
      { tier: 1, dueOn: '2026-10-07', date: '2026-09-30' },
    ]);
  });

  it('never moves tier 0, the expiry day itself', () => {
    expect(placeTiers('2026-10-03', [0], cn)).toEqual([{ tier: 0, dueOn: '2026-10-03', date: '2026-10-03' }]);
  });

  it('orders placements by delivery day', () => {
    const dates = placeTiers('2027-03-01', [60, 30, 15, 7, 1], weekends).map((p) => p.date);

    expect(dates).toEqual([...dates].sort());
  });
});
