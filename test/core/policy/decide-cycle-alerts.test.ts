import { OPS, PHONE, historyOf, service } from './fixtures';
import { CN_OFFICIAL_CALENDAR } from '../../../lambda/core/calendar';
import type { GuardConfig } from '../../../lambda/core/model';
import { decideCycleAlerts, forecastPolicyAlerts, type AccountFacts } from '../../../lambda/core/policy';

const live = service({
  id: 'live-rtc',
  expiresOn: '2026-10-09',
  autoRenew: true,
  renewalPrice: { amount: 3000, currency: 'USD' },
  reminderDays: [30, 7, 1],
  channels: ['ops'],
  replacedBy: 'live-rtc-2027',
});
const successor = service({ id: 'live-rtc-2027', startsOn: '2026-10-12', expiresOn: '2027-10-12', reminderDays: [30] });
const config: GuardConfig = {
  version: 1,
  timeZone: 'Asia/Shanghai',
  checkTime: '09:30',
  calendar: CN_OFFICIAL_CALENDAR,
  reminderDays: [60, 30, 15, 7, 1],
  escalation: { critical: ['phone'], emergency: ['phone'] },
  accounts: [{ id: 'agora-main', vendor: 'agora', credentials: 'renewal-guard/agora-main', options: {} }],
  services: [live, successor],
  channels: [OPS, PHONE],
};
const agora: AccountFacts = {
  accountId: 'agora-main',
  balance: { amount: 2700, currency: 'USD' },
  dailySpend: 125,
  currency: 'USD',
  history: historyOf('2026-09-29', [...Array<number>(14).fill(100), 450], 2700),
};

describe('one cycle of the whole policy', () => {
  it('decides the expiry tier, auto-renewal risk, coverage gap and spend spike, and escalates yesterday’s critical', () => {
    // Act: 2026-09-30 09:30 in Shanghai, the last working day before National Day
    const alerts = decideCycleAlerts(
      {
        now: new Date('2026-09-30T09:30:00+08:00'),
        services: [live, successor],
        accounts: new Map([['agora-main', agora]]),
        accountAlerts: [],
        ledger: { firedOn: new Map([['live-rtc:expiry:2026-10-09:7', '2026-09-29']]), acknowledgements: [] },
      },
      config,
    );

    // Assess
    expect(alerts.map((a) => [a.key, a.severity, a.channels])).toEqual([
      ['live-rtc:expiry:2026-10-09:7', 'critical', ['ops']],
      // both turn critical on 10-02 (7 days before the lapse), a holiday: they come on 09-30, as tiers do
      ['live-rtc:auto-renew-risk:2026-10-09:critical', 'critical', ['ops']],
      ['live-rtc:coverage-gap:2026-10-09:2026-10-12:critical', 'critical', ['ops']],
      ['agora-main:spend-spike:2026-09-29', 'warning', ['ops']],
      // the eve of National Day: live-rtc lapses 10-09, and at the spike's 450 a day agora-main's 2700 runs
      // out on 10-06, inside the block, so the team's readiness notice is critical
      ['_guard:holiday-readiness:2026-10-01:live-app', 'critical', ['ops']],
      ['live-rtc:expiry:2026-10-09:7:escalated', 'critical', ['phone']],
    ]);
  });

  it('owes nothing new on a quiet day far from any date', () => {
    const alerts = decideCycleAlerts(
      {
        now: new Date('2026-06-01T09:30:00+08:00'),
        services: [live, successor],
        accounts: new Map(),
        accountAlerts: [],
        ledger: { firedOn: new Map(), acknowledgements: [] },
      },
      config,
    );
    expect(alerts).toEqual([]);
  });
});

describe('the forecast for preview', () => {
  it('spends balances down at the current rate: the renewal at risk, then missed, then the balance runs low', () => {
    // Act: 3000 USD at 100 a day from 2026-09-20, a 500 USD minimum
    const alerts = forecastPolicyAlerts(
      {
        services: [live],
        accounts: new Map([
          [
            'agora-main',
            {
              state: { accountId: 'agora-main', consecutiveFailures: 0, history: [] },
              balance: { amount: 3000, currency: 'USD' },
              dailySpend: 100,
            },
          ],
        ]),
      },
      { ...config, accounts: [{ ...config.accounts[0]!, balance: { minAmount: 500 } }] },
      '2026-09-20',
      60,
    );

    // Assess
    expect(alerts.map((a) => [a.date, a.key])).toEqual([
      ['2026-09-20', 'live-rtc:auto-renew-risk:2026-10-09:warning'], // a make-up Sunday, a working day
      // the eves of Mid-Autumn (09-25..27) and National Day: live-rtc lapses within 5 working days after each
      ['2026-09-24', '_guard:holiday-readiness:2026-09-25:live-app'],
      ['2026-09-30', '_guard:holiday-readiness:2026-10-01:live-app'],
      ['2026-09-30', 'live-rtc:auto-renew-risk:2026-10-09:critical'], // due 10-02, National Day
      ['2026-10-10', 'live-rtc:expired-in-use:2026-10-09'], // spend goes on after the expiry
      ['2026-10-10', 'live-rtc:renewal-missed:2026-10-09'],
      ['2026-10-16', 'agora-main:balance:2026-10-16:warning'], // 400 USD, under the 500 minimum
      ['2026-10-17', 'agora-main:balance:2026-10-16:critical'], // 3 days left
      ['2026-10-19', 'agora-main:balance:2026-10-16:emergency'], // 1 day left
    ]);
  });
});
