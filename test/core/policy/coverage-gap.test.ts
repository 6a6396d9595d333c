import { cnCtx, service } from './fixtures';
import { coverageGapAlert } from '../../../lambda/core/policy';

const current = service({ expiresOn: '2026-10-09', replacedBy: 'live-rtc-2027', channels: ['ops', 'phone'] });
const successor = service({
  id: 'live-rtc-2027',
  name: 'Live app RTC 2027',
  startsOn: '2026-10-12',
  expiresOn: '2027-10-12',
  owners: ['bob@example.com'],
});

describe('coverage gap', () => {
  it('warns 30 days ahead that nothing covers the days between the old plan and its successor', () => {
    // Act
    const early = coverageGapAlert(current, successor, cnCtx('2026-09-08'));
    const alert = coverageGapAlert(current, successor, cnCtx('2026-09-09'));

    // Assess
    expect(early).toBeUndefined();
    expect(alert).toEqual({
      key: 'live-rtc:coverage-gap:2026-10-09:2026-10-12:warning',
      kind: 'coverage-gap',
      severity: 'warning',
      serviceId: 'live-rtc',
      accountId: 'agora-main',
      project: 'live-app',
      daysLeft: 30,
      expiresOn: '2026-10-09',
      date: '2026-09-09',
      owners: ['alice@example.com', 'bob@example.com'],
      channels: ['ops'],
      message:
        'Live app RTC (live-rtc, project live-app) lapses on 2026-10-09, but its successor Live app RTC 2027 ' +
        '(live-rtc-2027) starts only on 2026-10-12: nothing covers from 2026-10-09 to 2026-10-11 (3 days). Bring the ' +
        "successor's start forward or extend the current plan. Owners: alice@example.com, bob@example.com.",
    });
  });

  it('turns critical within 7 days of the lapse, on holidays too, to the stronger channels', () => {
    // Act: 10-02 is a National Day holiday, 7 days before the lapse
    const alert = coverageGapAlert(current, successor, cnCtx('2026-10-02'));

    // Assess
    expect(alert?.key).toBe('live-rtc:coverage-gap:2026-10-09:2026-10-12:critical');
    expect(alert?.channels).toEqual(['ops', 'phone']);
  });

  it('holds the warning back on weekends and holidays', () => {
    expect(coverageGapAlert(current, successor, cnCtx('2026-09-26'))).toBeUndefined(); // Mid-Autumn
  });

  it('uses the configured lead and ends when the successor starts', () => {
    expect(coverageGapAlert(current, successor, cnCtx('2026-08-26'), 45)?.severity).toBe('warning');
    expect(coverageGapAlert(current, successor, cnCtx('2026-10-12'))).toBeUndefined();
  });

  it('names a one-day gap as that day, and sees none when the successor starts the day the old one lapses', () => {
    const oneDay = coverageGapAlert(current, { ...successor, startsOn: '2026-10-10' }, cnCtx('2026-10-08'));
    expect(oneDay?.message).toContain('nothing covers on 2026-10-09 (1 day)');
    expect(coverageGapAlert(current, { ...successor, startsOn: '2026-10-09' }, cnCtx('2026-10-08'))).toBeUndefined();
    expect(coverageGapAlert(current, { ...successor, startsOn: undefined }, cnCtx('2026-10-08'))).toBeUndefined();
  });
});
