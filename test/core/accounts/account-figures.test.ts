/**
 * One truth per figure: an account's spend, runway, run-out day, days left and status come from its
 * stored state through accountFigures, and the cycle that alerts reads the same spend it stores.
 */
import {
  accountAudience,
  accountFigures,
  evaluateAccount,
  initialAccountState,
  type AccountState,
} from '../../../lambda/core/accounts';
import { indexChannels } from '../../../lambda/core/reminders';
import { sampleAccount } from '../../support/model-fixtures';

const channels = indexChannels([
  { id: 'ops', type: 'email', to: ['ops@example.com'], minSeverity: 'info', options: {} },
]);
const agora = sampleAccount({ balance: { minRunwayDays: 20 } });

function state(overrides: Partial<AccountState> = {}): AccountState {
  return { accountId: 'agora-main', consecutiveFailures: 0, currency: 'USD', history: [], ...overrides };
}

describe('the figures of an account', () => {
  it("take the vendor's reported spend kept with the latest balance: runway, run-out day and days left", () => {
    // Prepare: one reading, the vendor reporting 55.5 USD a day (no balance drop to go by)
    const s = state({ history: [{ date: '2026-09-30', balance: 812.5, dailySpend: 55.5 }] });

    // Act
    const figures = accountFigures('agora-main', s, '2026-10-02');

    // Assess: 812.5 / 55.5 = 14.64 days, runs out 14 whole days after the reading, 12 days from today
    expect(figures).toEqual({
      accountId: 'agora-main',
      status: 'ok',
      balance: { amount: 812.5, currency: 'USD' },
      asOf: '2026-09-30',
      dailySpend: 55.5,
      spendSource: 'vendor',
      runwayDays: 14.6,
      runOutOn: '2026-10-14',
      daysLeft: 12,
    });
  });

  it('fall back to the balance drops of the trailing window, top-ups not counted as spend', () => {
    // Prepare: 1000 → 900 → 1400 (top-up) → 1300
    const s = state({
      history: [
        { date: '2026-09-27', balance: 1000 },
        { date: '2026-09-28', balance: 900 },
        { date: '2026-09-29', balance: 1400 },
        { date: '2026-09-30', balance: 1300 },
      ],
    });

    // Act
    const figures = accountFigures('agora-main', s, '2026-09-30');

    // Assess
    expect(figures.dailySpend).toBeCloseTo(200 / 3);
    expect(figures).toMatchObject({ spendSource: 'balance-drops', runwayDays: 19.5, runOutOn: '2026-10-19' });
  });

  it('have no runway while nothing is spent: the balance is not running down', () => {
    const figures = accountFigures(
      'agora-main',
      state({ history: [{ date: '2026-09-30', balance: 50 }] }),
      '2026-09-30',
    );
    expect(figures).toEqual({
      accountId: 'agora-main',
      status: 'ok',
      balance: { amount: 50, currency: 'USD' },
      asOf: '2026-09-30',
    });
  });

  it('are low, at the severity its alerts carry, while a low-balance episode is open', () => {
    const s = state({ lowBalanceSince: '2026-09-29', history: [{ date: '2026-09-30', balance: 50, dailySpend: 25 }] });
    expect(accountFigures('agora-main', s, '2026-09-30')).toMatchObject({
      status: 'low',
      severity: 'critical',
      runwayDays: 2,
    });
  });

  it('are failing from the second failed poll in a row, naming the error, and keep the last good reading', () => {
    const s = state({
      consecutiveFailures: 2,
      lastError: 'HTTP 401',
      history: [{ date: '2026-09-28', balance: 900, dailySpend: 30 }],
    });
    expect(accountFigures('agora-main', s, '2026-09-30')).toMatchObject({
      status: 'failing',
      lastError: 'HTTP 401',
      asOf: '2026-09-28',
      runwayDays: 30,
    });
    expect(accountFigures('agora-main', { ...s, consecutiveFailures: 1 }, '2026-09-30').status).toBe('ok');
  });

  it('say no data for an account never read', () => {
    expect(accountFigures('agora-main', undefined, '2026-09-30')).toEqual({
      accountId: 'agora-main',
      status: 'no-data',
    });
    expect(accountFigures('agora-main', initialAccountState('agora-main'), '2026-09-30').status).toBe('no-data');
  });
});

describe('the cycle and the figures', () => {
  it("keep the vendor's spend with the balance, so the stored state gives the runway the alert quoted", () => {
    // Prepare: 14 days reported at 55.5 USD on average
    const dailySpend = Array.from({ length: 14 }, (_, i) => ({
      date: `2026-09-${String(16 + i).padStart(2, '0')}`,
      amount: i % 2 === 0 ? 50 : 61,
      unit: 'USD',
    }));

    // Act
    const decision = evaluateAccount(
      agora,
      initialAccountState('agora-main'),
      {
        ok: true,
        snapshot: {
          accountId: 'agora-main',
          vendor: 'agora',
          takenAt: '2026-09-30T01:30:00Z',
          balance: { amount: 812.5, currency: 'USD' },
          dailySpend,
          entitlements: [],
        },
      },
      {
        now: new Date('2026-09-30T01:30:00Z'),
        today: '2026-09-30',
        audience: accountAudience(agora, [], channels),
        channels,
      },
    );
    const figures = accountFigures('agora-main', decision.state, '2026-09-30');

    // Assess: the alert, the decision and the stored figures say the same
    expect(decision.state.history).toEqual([{ date: '2026-09-30', balance: 812.5, dailySpend: 55.5 }]);
    expect([decision.dailySpend, decision.runwayDays]).toEqual([55.5, 14.6]);
    expect([figures.dailySpend, figures.runwayDays, figures.status, figures.severity]).toEqual([
      55.5,
      14.6,
      'low',
      'warning',
    ]);
    expect(decision.alerts.map((a) => [a.kind, a.severity])).toEqual([['runway', 'warning']]);
    expect(decision.alerts[0]!.message).toContain('it lasts about 14.6 days');
  });
});
