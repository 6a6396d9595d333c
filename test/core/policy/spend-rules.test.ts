import { AGORA, accountCtx, historyOf } from './fixtures';
import { addDays } from '../../../lambda/core/dates';
import type { AccountFacts } from '../../../lambda/core/policy';
import { dailySpendSeries, spendGrowthAlert, spendSpikeAlert } from '../../../lambda/core/policy';

const usd = (amount: number) => ({ amount, currency: 'USD' });

function facts(history: AccountFacts['history'], balance?: number): AccountFacts {
  return {
    accountId: 'agora-main',
    history,
    currency: 'USD',
    ...(balance !== undefined && { balance: usd(balance) }),
  };
}

describe('spend spike', () => {
  // 14 days at 100 USD, then 450 on 2026-09-29 (a campaign); 2700 USD left on the 29th
  const spiky = historyOf('2026-09-29', [...Array<number>(14).fill(100), 450], 2700);

  it('warns when the latest day is at least 3 times the 14-day average, with the run-out date at that rate', () => {
    // Act
    const alert = spendSpikeAlert(AGORA, facts(spiky, 2700), accountCtx('2026-09-30'));

    // Assess
    expect(alert).toEqual({
      key: 'agora-main:spend-spike:2026-09-29',
      kind: 'spend-spike',
      severity: 'warning',
      accountId: 'agora-main',
      date: '2026-09-30',
      project: 'live-app',
      owners: ['alice@example.com'],
      channels: ['ops'],
      runOutOn: '2026-10-06',
      message:
        'agora account agora-main: spend on 2026-09-29 was 450 USD, 4.5 times the 14-day average of 100 USD ' +
        '(a campaign or a seasonal peak?). At that rate the balance of 2700 USD lasts about 6 days, until 2026-10-06. ' +
        'Services: live-rtc.',
      // the same numbers as data, for messages in other languages
      figures: { currency: 'USD', spend: 450, spendOn: '2026-09-29', averageSpend: 100, balance: 2700 },
    });
  });

  it('keeps the same key on the next cycle, so the spike fires once', () => {
    const again = spendSpikeAlert(AGORA, facts(spiky, 2700), accountCtx('2026-10-01'));
    expect(again?.key).toBe('agora-main:spend-spike:2026-09-29');
  });

  it('stays quiet under the factor, under the minimum amount, and with a configured higher factor', () => {
    // Prepare
    const mild = historyOf('2026-09-29', [...Array<number>(14).fill(100), 290], 2700);
    const pennies = historyOf('2026-09-29', [...Array<number>(14).fill(1), 9], 50);

    // Act / Assess
    expect(spendSpikeAlert(AGORA, facts(mild, 2700), accountCtx('2026-09-30'))).toBeUndefined();
    expect(
      spendSpikeAlert({ ...AGORA, spend: { spikeMinAmount: 10 } }, facts(pennies, 50), accountCtx('2026-09-30')),
    ).toBeUndefined();
    expect(
      spendSpikeAlert({ ...AGORA, spend: { spikeFactor: 5 } }, facts(spiky, 2700), accountCtx('2026-09-30')),
    ).toBeUndefined();
  });

  it('needs a week of baseline and a baseline above zero', () => {
    const short = historyOf('2026-09-29', [100, 100, 100, 100, 100, 450], 2700);
    const fromNothing = historyOf('2026-09-29', [...Array<number>(14).fill(0), 450], 2700);
    expect(spendSpikeAlert(AGORA, facts(short, 2700), accountCtx('2026-09-30'))).toBeUndefined();
    expect(spendSpikeAlert(AGORA, facts(fromNothing, 2700), accountCtx('2026-09-30'))).toBeUndefined();
  });

  it('ignores a spike older than three days: stale news wakes nobody', () => {
    expect(spendSpikeAlert(AGORA, facts(spiky, 2700), accountCtx('2026-10-03'))).toBeUndefined();
  });

  it('reads spend from balance drops when the vendor reports none, leaving top-up days out', () => {
    // Prepare: balance 1000 → 900 → 2000 (top-up) → 1900
    const history = [
      { date: '2026-09-26', balance: 1000 },
      { date: '2026-09-27', balance: 900 },
      { date: '2026-09-28', balance: 2000 },
      { date: '2026-09-29', balance: 1900 },
    ];

    // Act / Assess
    expect(dailySpendSeries(history, undefined, 'USD')).toEqual([
      { date: '2026-09-27', amount: 100 },
      { date: '2026-09-29', amount: 100 },
    ]);
  });

  it("prefers the vendor's own daily spend in the balance currency, ignoring minutes", () => {
    const history = [
      { date: '2026-09-28', balance: 1000 },
      { date: '2026-09-29', balance: 900 },
    ];
    const usage = [
      { date: '2026-09-29', amount: 80, unit: 'USD' },
      { date: '2026-09-29', amount: 12_000, unit: 'minutes' },
    ];
    expect(dailySpendSeries(history, usage, 'USD')).toEqual([{ date: '2026-09-29', amount: 80 }]);
  });

  it("reads the account's own figure, never an app's share of it in its place or on top of it", () => {
    // Prepare: the vendor reports the account's 80 and, per app, the 50 and 30 it is made of
    const usage = [
      { date: '2026-09-29', amount: 80, unit: 'USD' },
      { date: '2026-09-29', amount: 50, unit: 'USD', scope: 'app-1' },
      { date: '2026-09-29', amount: 30, unit: 'USD', scope: 'app-2' },
      { date: '2026-09-30', amount: 20, unit: 'USD', scope: 'app-1' },
    ];
    // Act / Assess: a day with only an app's share is no figure of the account's
    expect(dailySpendSeries([], usage, 'USD')).toEqual([{ date: '2026-09-29', amount: 80 }]);
  });
});

describe('spend growth', () => {
  // August 2026 from the 14th at 100 a day, September at 140 a day: +40% month over month
  const days = (from: string, n: number, amount: number) =>
    Array.from({ length: n }, (_, i) => ({ date: addDays(from, i), balance: 10_000, spend: amount }));
  const history = [...days('2026-08-14', 18, 100), ...days('2026-09-01', 30, 140)];

  it('warns on the first working day of October that September grew 40% over August', () => {
    // Act: 10-01..07 are National Day holidays; 10-08 is the first working day
    const holiday = spendGrowthAlert(AGORA, facts(history, 5000), accountCtx('2026-10-05'));
    const alert = spendGrowthAlert(AGORA, facts(history, 5000), accountCtx('2026-10-08'));

    // Assess
    expect(holiday).toBeUndefined();
    expect(alert).toMatchObject({
      key: 'agora-main:spend-growth:2026-09',
      kind: 'spend-growth',
      severity: 'warning',
      date: '2026-10-08',
      message:
        'agora account agora-main: spend grew 40% month over month — 2026-09 averaged 140 USD a day, 2026-08 100 USD. ' +
        'Check that the plan still fits (a plan change or usage growth?). Services: live-rtc.',
    });
  });

  it('stays quiet at or under the threshold, or with a higher configured one', () => {
    const steady = [...days('2026-08-14', 18, 100), ...days('2026-09-01', 30, 130)];
    expect(spendGrowthAlert(AGORA, facts(steady, 5000), accountCtx('2026-10-08'))).toBeUndefined();
    expect(
      spendGrowthAlert({ ...AGORA, spend: { monthlyGrowth: 0.5 } }, facts(history, 5000), accountCtx('2026-10-08')),
    ).toBeUndefined();
  });

  it('does not compare a month with fewer than 14 days of data', () => {
    const thin = [...days('2026-08-20', 12, 100), ...days('2026-09-01', 30, 140)];
    expect(spendGrowthAlert(AGORA, facts(thin, 5000), accountCtx('2026-10-08'))).toBeUndefined();
  });
});
