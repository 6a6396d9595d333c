/** A balance hovering at its line alerts once and recovers once, not on alternate days. */
import fc from 'fast-check';
import {
  accountAudience,
  evaluateAccount,
  initialAccountState,
  recoveryLine,
  RECOVERY_MARGIN,
  type AccountState,
} from '../../../lambda/core/accounts';
import { addDays } from '../../../lambda/core/dates';
import type { AccountConfig } from '../../../lambda/core/model';
import { indexChannels } from '../../../lambda/core/reminders';

const channels = indexChannels([
  { id: 'ops', type: 'email', to: ['ops@example.com'], minSeverity: 'info', options: {} },
]);
const vonage: AccountConfig = {
  id: 'vonage-main',
  vendor: 'vonage',
  credentials: 'renewal-guard/vonage-main',
  balance: { minAmount: 100 },
  options: {},
};

function cycle(today: string, previous: AccountState, amount: number) {
  return evaluateAccount(
    vonage,
    previous,
    {
      ok: true,
      snapshot: {
        accountId: vonage.id,
        vendor: 'vonage',
        takenAt: `${today}T01:30:00.000Z`,
        balance: { amount, currency: 'EUR' },
        entitlements: [],
      },
    },
    { now: new Date(`${today}T09:30:00+08:00`), today, audience: accountAudience(vonage, [], channels), channels },
  );
}

function run(balances: readonly number[]) {
  let state = initialAccountState(vonage.id);
  const keys: string[] = [];
  balances.forEach((amount, i) => {
    const decision = cycle(addDays('2026-11-01', i), state, amount);
    state = decision.state;
    keys.push(...decision.alerts.map((a) => a.key));
  });
  // an episode's alert is decided every cycle it lasts; the ledger's claim sends each key once
  return { keys: [...new Set(keys)], state };
}

describe('balance hysteresis', () => {
  it('raises every threshold by the recovery margin for the way back', () => {
    expect(RECOVERY_MARGIN).toBe(0.1);
    expect(recoveryLine({ minAmount: 100, minRunwayDays: 10, minFractionOfMonthlySpend: 0.5 })).toEqual({
      minAmount: 110,
      minRunwayDays: 11,
      minFractionOfMonthlySpend: 0.55,
    });
  });

  it('alerts once and stays quiet while the balance hovers just around the minimum', () => {
    const { keys, state } = run([120, 99, 101, 98, 104, 99, 105]);

    expect(keys).toEqual(['vonage-main:balance:2026-11-02:warning']);
    expect(state.lowBalanceSince).toBe('2026-11-02');
  });

  it('recovers once the balance clears the minimum by the margin, and a new episode starts fresh', () => {
    const { keys } = run([99, 105, 111, 99]);

    expect(keys).toEqual([
      'vonage-main:balance:2026-11-01:warning',
      'vonage-main:balance:2026-11-01:recovered',
      'vonage-main:balance:2026-11-04:warning',
    ]);
  });

  it('never opens more episodes than the balance crosses the whole band downwards (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 80, max: 130 }), { minLength: 1, maxLength: 40 }), (balances) => {
        const { keys } = run(balances);
        // an episode opens below 100 and closes at 110 or more: count full band crossings
        let low = false;
        let crossings = 0;
        for (const b of balances) {
          if (!low && b < 100) {
            low = true;
            crossings++;
          } else if (low && b >= 110) {
            low = false;
          }
        }
        // an episode is named after its first day; its severity may rise as the runway shrinks
        const episodes = new Set(keys.map((k) => k.split(':')[2]));
        expect(episodes.size).toBe(crossings);
        expect(keys.filter((k) => k.endsWith(':recovered')).length).toBe(crossings - (low ? 1 : 0));
      }),
    );
  });
});
