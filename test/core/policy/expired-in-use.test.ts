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

describe('expired in use: attributable spend only', () => {
  const neighbour = service({ id: 'live-im', name: 'Live IM', expiresOn: '2027-03-01' });
  const lapsedNeighbour = service({ id: 'old-im', name: 'Old IM', expiresOn: '2026-09-01' });
  const accountWide = minutes([['2026-10-10', 8000]]);

  it("stays silent when the account-wide usage may be a live neighbour's on the same account", () => {
    expect(expiredInUseAlert(expired, accountWide, cnCtx('2026-10-11'), [expired, neighbour])).toBeUndefined();
  });

  it('fires on account-wide usage when no other live service shares the account', () => {
    expect(expiredInUseAlert(expired, accountWide, cnCtx('2026-10-11'), [expired, lapsedNeighbour])?.kind).toBe(
      'expired-in-use',
    );
  });

  it('fires on usage reported for the app the service names, whatever its neighbours do', () => {
    // Prepare: per-app usage; live-rtc's entitlement is the app id
    const own = service({ expiresOn: '2026-10-09', entitlement: 'app-rtc' });
    const perApp = {
      history: [],
      currency: 'USD',
      usage: [
        { date: '2026-10-10', amount: 300, unit: 'minutes', scope: 'app-rtc' },
        { date: '2026-10-10', amount: 9000, unit: 'minutes', scope: 'app-im' },
      ],
    };
    // Act
    const alert = expiredInUseAlert(own, perApp, cnCtx('2026-10-11'), [own, neighbour]);
    // Assess
    expect(alert?.message).toContain('app-rtc on account agora-main shows usage on 2026-10-10');
  });

  it("stays silent when only the neighbours' apps are in use, even with no live neighbour declared", () => {
    const own = service({ expiresOn: '2026-10-09', entitlement: 'app-rtc' });
    const perApp = {
      history: [],
      currency: 'USD',
      usage: [
        { date: '2026-10-10', amount: 0, unit: 'minutes', scope: 'app-rtc' },
        { date: '2026-10-10', amount: 9000, unit: 'minutes', scope: 'app-im' },
      ],
    };
    expect(expiredInUseAlert(own, perApp, cnCtx('2026-10-11'), [own])).toBeUndefined();
  });
});
