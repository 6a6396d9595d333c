import { cnCtx, service } from './fixtures';
import { contactsFreshnessAlert, quarterOf } from '../../../lambda/core/policy';

const confirmed = service({ ownersConfirmedOn: '2026-03-01' });

describe('contacts freshness', () => {
  it('reminds on the closest working day before the owners are more than 180 days old', () => {
    // Act: 180 days after 03-01 is 08-28 (a Friday); they are stale from Saturday 08-29, so Friday says it
    const fresh = contactsFreshnessAlert(confirmed, cnCtx('2026-08-27'));
    const alert = contactsFreshnessAlert(confirmed, cnCtx('2026-08-28'));
    const weekend = contactsFreshnessAlert(confirmed, cnCtx('2026-08-29'));

    // Assess
    expect(fresh).toBeUndefined();
    expect(weekend).toBeUndefined();
    expect(alert).toMatchObject({
      key: 'live-rtc:contacts-stale:2026-03-01:2026-Q3',
      kind: 'contacts-stale',
      severity: 'info',
      date: '2026-08-28',
      channels: ['ops'],
      message:
        'The owners of Live app RTC (live-rtc, project live-app), alice@example.com, were last confirmed on ' +
        "2026-03-01, 180 days ago. Check they are still responsible, and the contacts in the vendor's console too, " +
        'then update ownersConfirmedOn.',
    });
  });

  it('comes back once a quarter until the owners are confirmed again', () => {
    const keys = ['2026-09-01', '2026-09-30', '2026-10-08', '2027-01-04'].map(
      (d) => contactsFreshnessAlert(confirmed, cnCtx(d))?.key,
    );
    expect(keys).toEqual([
      'live-rtc:contacts-stale:2026-03-01:2026-Q3',
      'live-rtc:contacts-stale:2026-03-01:2026-Q3',
      'live-rtc:contacts-stale:2026-03-01:2026-Q4',
      'live-rtc:contacts-stale:2026-03-01:2027-Q1',
    ]);
    expect(
      contactsFreshnessAlert({ ...confirmed, ownersConfirmedOn: '2026-09-15' }, cnCtx('2026-10-08')),
    ).toBeUndefined();
  });

  it('uses the configured age, and leaves services without a confirmation date to the digest', () => {
    expect(contactsFreshnessAlert(confirmed, cnCtx('2026-06-02'), 90)?.kind).toBe('contacts-stale');
    expect(contactsFreshnessAlert(service(), cnCtx('2027-06-02'))).toBeUndefined();
  });

  it('names quarters by calendar months', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-12-31'].map(quarterOf)).toEqual([
      '2026-Q1',
      '2026-Q1',
      '2026-Q2',
      '2026-Q4',
    ]);
  });
});
