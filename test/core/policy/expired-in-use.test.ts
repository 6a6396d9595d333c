import { cnCtx, service } from './fixtures';
import { expiredInUseAlert } from '../../../lambda/core/policy';

const expired = service({ expiresOn: '2026-10-09' });
const minutes = (entries: [string, number][]) => ({
  history: [],
  currency: 'USD',
  usage: entries.map(([date, amount]) => ({ date, amount, unit: 'minutes' })),
});

describe('expired in use', () => {
  it('raises an emergency when the account shows usage after the expiry date', () => {
    // Act
    const alert = expiredInUseAlert(
      expired,
      minutes([
        ['2026-10-08', 9000],
        ['2026-10-10', 8000],
      ]),
      cnCtx('2026-10-11'),
    );

    // Assess
    expect(alert).toEqual({
      key: 'live-rtc:expired-in-use:2026-10-09',
      kind: 'expired-in-use',
      severity: 'emergency',
      serviceId: 'live-rtc',
      accountId: 'agora-main',
      project: 'live-app',
      daysLeft: -2,
      expiresOn: '2026-10-09',
      date: '2026-10-11',
      owners: ['alice@example.com'],
      channels: ['ops'],
      message:
        'Live app RTC (live-rtc, project live-app) expired on 2026-10-09 (2 days ago) but is still in use: account ' +
        'agora-main shows usage on 2026-10-10. Renew it now, or stop the traffic. Owners: alice@example.com.',
    });
  });

  it('sees usage in money spent too: the balance keeps dropping after the expiry', () => {
    const history = [
      { date: '2026-10-10', balance: 500 },
      { date: '2026-10-11', balance: 420 },
    ];
    expect(expiredInUseAlert(expired, { history, currency: 'USD' }, cnCtx('2026-10-11'))?.kind).toBe('expired-in-use');
  });

  it('resolves once the latest day shows no usage', () => {
    const stopped = minutes([
      ['2026-10-10', 8000],
      ['2026-10-11', 0],
    ]);
    expect(expiredInUseAlert(expired, stopped, cnCtx('2026-10-12'))).toBeUndefined();
  });

  it('ignores usage up to and on the expiry date, and anything before the date has passed', () => {
    const onTheDay = minutes([['2026-10-09', 8000]]);
    expect(expiredInUseAlert(expired, onTheDay, cnCtx('2026-10-10'))).toBeUndefined();
    expect(expiredInUseAlert(expired, minutes([['2026-10-09', 1]]), cnCtx('2026-10-09'))).toBeUndefined();
    expect(expiredInUseAlert(expired, undefined, cnCtx('2026-10-12'))).toBeUndefined();
  });
});
