import { CN, OPS, service } from './fixtures';
import { DEFAULT_CORE_TIERS, tiersForCriticality } from '../../../lambda/core/policy';
import { expiryRemindersBetween, indexChannels } from '../../../lambda/core/reminders';

const ctx = { calendar: CN, channels: indexChannels([OPS]) };
const documentTiers = [60, 30, 15, 7, 1];

function schedule(criticality: 'core' | 'standard' | 'experimental', expiresOn: string) {
  const reminderDays = tiersForCriticality(criticality, documentTiers, undefined);
  return expiryRemindersBetween(service({ criticality, reminderDays, expiresOn }), '2026-06-01', 200, ctx).map((a) => [
    a.date,
    a.tier,
    a.severity,
  ]);
}

describe('tier density by criticality', () => {
  it('gives a core service 90 and 3 days too, and collapses the 7- and 3-day tiers before National Day', () => {
    // Act: expiry 2026-10-09; 10-02 (7) and 10-06 (3) fall in the 10-01..07 holidays, both move to 09-30
    const dates = schedule('core', '2026-10-09');

    // Assess
    expect(dates).toEqual([
      ['2026-07-10', 90, 'info'], // 07-11 is a Saturday
      ['2026-08-10', 60, 'info'],
      ['2026-09-09', 30, 'info'],
      ['2026-09-24', 15, 'warning'],
      ['2026-09-30', 3, 'critical'], // one reminder, the most urgent tier
      ['2026-10-08', 1, 'emergency'],
      ['2026-10-09', 0, 'emergency'],
    ]);
  });

  it('gives an experimental service only a month, a week and a day', () => {
    expect(schedule('experimental', '2026-10-09')).toEqual([
      ['2026-09-09', 30, 'info'],
      ['2026-09-30', 7, 'critical'],
      ['2026-10-08', 1, 'emergency'],
      ['2026-10-09', 0, 'emergency'],
    ]);
  });

  it('gives a standard service the document tiers', () => {
    expect(tiersForCriticality('standard', documentTiers, { core: [5], experimental: [2] })).toBe(documentTiers);
  });

  it('delivers on the make-up workdays of 2026: Sunday 09-20 and Saturday 10-10', () => {
    // Act: a core service expiring 2026-09-27 (7 → 09-20) and one expiring 2026-10-13 (3 → 10-10)
    const before = schedule('core', '2026-09-27');
    const after = schedule('core', '2026-10-13');

    // Assess
    expect(before).toContainEqual(['2026-09-20', 7, 'critical']);
    // 1 → 09-26, inside Mid-Autumn (09-25..27): moved to Thursday 09-24
    expect(before).toContainEqual(['2026-09-24', 1, 'emergency']);
    expect(after).toContainEqual(['2026-10-10', 3, 'critical']);
  });

  it('keeps the built-in core tiers sorted most distant first, as the tier logic walks them', () => {
    expect(tiersForCriticality('core', documentTiers, undefined)).toEqual(DEFAULT_CORE_TIERS);
    expect(tiersForCriticality('core', documentTiers, { core: [1, 45, 7] })).toEqual([45, 7, 1]);
  });
});
