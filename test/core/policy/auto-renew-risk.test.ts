import { cnCtx, service } from './fixtures';
import { autoRenewRiskAlert } from '../../../lambda/core/policy';

const autoRenewing = service({
  autoRenew: true,
  renewalPrice: { amount: 800, currency: 'USD' },
  expiresOn: '2026-10-20',
  channels: ['ops', 'phone'],
});
const account = (amount: number, dailySpend?: number) => ({ balance: { amount, currency: 'USD' }, dailySpend });

describe('auto-renewal risk', () => {
  it('warns when the balance, spent down until the renewal date, will not cover the renewal price', () => {
    // Act: 1000 USD now, 20 a day for 20 days → about 600 by 2026-10-20, under the 800 renewal
    const alert = autoRenewRiskAlert(autoRenewing, account(1000, 20), cnCtx('2026-09-30'));

    // Assess
    expect(alert).toEqual({
      key: 'live-rtc:auto-renew-risk:2026-10-20:warning',
      kind: 'auto-renew-risk',
      severity: 'warning',
      serviceId: 'live-rtc',
      accountId: 'agora-main',
      project: 'live-app',
      daysLeft: 20,
      expiresOn: '2026-10-20',
      date: '2026-09-30',
      owners: ['alice@example.com'],
      channels: ['ops'],
      message:
        'Live app RTC (live-rtc, project live-app) renews automatically on 2026-10-20 for 800 USD, but the balance ' +
        'of account agora-main (1000 USD now) will be about 600 USD by then at the current spend of 20 USD a day. ' +
        'Top it up or the renewal will fail. Owners: alice@example.com.',
    });
  });

  it('turns critical within 7 days, with a key of its own, even on a holiday', () => {
    // Act: 2026-10-13 is a working day; try a holiday too with the renewal 5 days later
    const critical = autoRenewRiskAlert(autoRenewing, account(1000, 50), cnCtx('2026-10-13'));
    const onHoliday = autoRenewRiskAlert(
      { ...autoRenewing, expiresOn: '2026-10-07' },
      account(500),
      cnCtx('2026-10-02'),
    );

    // Assess
    expect(critical?.key).toBe('live-rtc:auto-renew-risk:2026-10-20:critical');
    expect(critical?.channels).toEqual(['ops', 'phone']);
    expect(onHoliday?.severity).toBe('critical');
  });

  it('holds a warning back on a holiday: it comes on the next working day', () => {
    expect(autoRenewRiskAlert(autoRenewing, account(500), cnCtx('2026-10-05'))).toBeUndefined();
  });

  it('stays quiet when the balance covers it, when spend is unknown but the balance suffices', () => {
    expect(autoRenewRiskAlert(autoRenewing, account(2000, 20), cnCtx('2026-09-30'))).toBeUndefined();
    expect(autoRenewRiskAlert(autoRenewing, account(900), cnCtx('2026-09-30'))).toBeUndefined();
  });

  it('needs auto-renewal, a price, a balance in the same currency, and the renewal within the reminder tiers', () => {
    const ctx = cnCtx('2026-09-30');
    expect(autoRenewRiskAlert({ ...autoRenewing, autoRenew: false }, account(10), ctx)).toBeUndefined();
    expect(autoRenewRiskAlert({ ...autoRenewing, renewalPrice: undefined }, account(10), ctx)).toBeUndefined();
    expect(autoRenewRiskAlert(autoRenewing, { balance: { amount: 10, currency: 'CNY' } }, ctx)).toBeUndefined();
    expect(autoRenewRiskAlert(autoRenewing, undefined, ctx)).toBeUndefined();
    // the largest tier is 60 days, counted from the last day this working day speaks for (10-07, the end
    // of National Day): a renewal 61 days after that is not looked at yet, one 60 days after it is
    expect(autoRenewRiskAlert({ ...autoRenewing, expiresOn: '2026-12-07' }, account(10), ctx)).toBeUndefined();
    expect(autoRenewRiskAlert({ ...autoRenewing, expiresOn: '2026-12-06' }, account(10), ctx)?.severity).toBe(
      'warning',
    );
  });
});
