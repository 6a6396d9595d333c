import {
  accountAudience,
  evaluateAccount,
  initialAccountState,
  type AccountState,
  type PollOutcome,
} from '../../../lambda/core/accounts';
import type { AccountConfig } from '../../../lambda/core/model';
import { indexChannels } from '../../../lambda/core/reminders';
import { sampleService } from '../../support/model-fixtures';

const channels = indexChannels([
  { id: 'ops', type: 'email', to: ['ops@example.com'], minSeverity: 'info', options: {} },
  { id: 'pager', type: 'sms', to: ['+8613800000000'], minSeverity: 'critical', options: {} },
]);
const twilio: AccountConfig = {
  id: 'twilio-main',
  vendor: 'twilio',
  credentials: 'renewal-guard/twilio-main',
  balance: { minAmount: 100, minRunwayDays: 14 },
  options: {},
};
const services = [sampleService({ id: 'calls', account: 'twilio-main', channels: ['ops', 'pager'] })];

function poll(amount: number, spendPerDay?: number): PollOutcome {
  return {
    ok: true,
    snapshot: {
      accountId: 'twilio-main',
      vendor: 'twilio',
      takenAt: '2026-09-30T01:30:00.000Z',
      balance: { amount, currency: 'USD' },
      dailySpend: spendPerDay === undefined ? undefined : [{ date: '2026-09-29', amount: spendPerDay, unit: 'USD' }],
      entitlements: [],
    },
  };
}

function day(today: string, previous: AccountState, outcome: PollOutcome, account = twilio) {
  return evaluateAccount(account, previous, outcome, {
    now: new Date(`${today}T09:30:00+08:00`),
    today,
    audience: accountAudience(account, services, channels),
    channels,
  });
}

describe('the balance policy of an account', () => {
  it('alerts when the runway falls under the minimum, naming every threshold that holds', () => {
    // Act: 90 USD left at 30 USD/day: under 100 USD and 3 days of runway
    const decision = day('2026-09-30', initialAccountState('twilio-main'), poll(90, 30));

    // Assess
    expect(decision.runwayDays).toBe(3);
    expect(decision.alerts).toEqual([
      {
        key: 'twilio-main:balance:2026-09-30:critical',
        kind: 'runway',
        severity: 'critical',
        accountId: 'twilio-main',
        date: '2026-09-30',
        project: 'live-app',
        owners: ['alice@example.com'],
        channels: ['ops', 'pager'],
        message:
          'twilio account twilio-main: the balance 90 USD is below the 100 USD minimum; it lasts about 3 days at the ' +
          'current spend, under the 14-day minimum. Top it up before service is suspended. Services: calls.',
        // the same numbers as data, for messages in other languages
        figures: { currency: 'USD', balance: 90, runwayDays: 3, minAmount: 100, minRunwayDays: 14 },
      },
    ]);
    expect(decision.state.lowBalanceSince).toBe('2026-09-30');
  });

  it('repeats at rising severity within one episode, and not again at the same severity', () => {
    const first = day('2026-09-28', initialAccountState('twilio-main'), poll(400, 20)); // 20 days at 20/day, above 100: healthy
    const warning = day('2026-09-29', first.state, poll(200, 20)); // 10 days < 14 → warning
    const sameAgain = day('2026-09-30', warning.state, poll(190, 20));
    const critical = day('2026-10-01', sameAgain.state, poll(50, 20)); // 2.5 days → critical

    expect(first.alerts).toEqual([]);
    expect([warning, sameAgain, critical].map((d) => d.alerts.map((a) => a.key))).toEqual([
      ['twilio-main:balance:2026-09-29:warning'],
      ['twilio-main:balance:2026-09-29:warning'],
      ['twilio-main:balance:2026-09-29:critical'],
    ]);
  });

  it('sends a recovered notice after a top-up and closes the episode', () => {
    const low = day('2026-09-29', initialAccountState('twilio-main'), poll(50, 20));
    const toppedUp = day('2026-09-30', low.state, poll(2000, 20));

    expect(toppedUp.alerts.map((a) => [a.key, a.severity])).toEqual([
      ['twilio-main:balance:2026-09-29:recovered', 'info'],
    ]);
    expect(toppedUp.alerts[0].message).toBe(
      'twilio account twilio-main is back above its balance thresholds (2000 USD). Services: calls.',
    );
    expect(toppedUp.state.lowBalanceSince).toBeUndefined();
  });

  it('treats arrears as an emergency', () => {
    const decision = day('2026-09-30', initialAccountState('twilio-main'), poll(-12.5, 20));

    expect(decision.alerts.map((a) => a.severity)).toEqual(['emergency']);
    expect(decision.runwayDays).toBe(0);
  });

  it('reports runway without alerting for an account with no balance policy', () => {
    const decision = day('2026-09-30', initialAccountState('twilio-main'), poll(600, 20), {
      ...twilio,
      balance: undefined,
    });

    expect([decision.alerts, decision.runwayDays]).toEqual([[], 30]);
  });
});

describe('a blind spot', () => {
  const failure: PollOutcome = { ok: false, error: 'twilio account twilio-main: HTTP 401 (code: 20003)' };

  it('is not raised for a single failed poll, which may be a blip', () => {
    expect(day('2026-09-29', initialAccountState('twilio-main'), failure).alerts).toEqual([]);
  });

  it("is raised from the second failure in a row, naming the vendor's error and the services at risk", () => {
    const first = day('2026-09-29', initialAccountState('twilio-main'), failure);
    const second = day('2026-09-30', first.state, failure);
    const third = day('2026-10-01', second.state, failure);

    expect(second.alerts.map((a) => [a.key, a.kind, a.severity])).toEqual([
      ['twilio-main:blind-spot:2026-09-29T01:30:00.000Z', 'blind-spot', 'warning'],
    ]);
    expect(second.alerts[0].message).toBe(
      'twilio account twilio-main could not be read for 2 cycles in a row (since 2026-09-29T01:30:00.000Z): ' +
        'twilio account twilio-main: HTTP 401 (code: 20003). Its services (calls) are not assumed healthy. ' +
        "Check its credentials and the vendor's status.",
    );
    expect(third.alerts.map((a) => a.key)).toEqual(second.alerts.map((a) => a.key));
  });

  it('ends when a poll succeeds: the next streak gets a new key', () => {
    const a = day('2026-09-29', initialAccountState('twilio-main'), failure);
    const b = day('2026-09-30', a.state, failure);
    const healed = day('2026-10-01', b.state, poll(600, 20));
    const c = day('2026-10-02', healed.state, failure);
    const d = day('2026-10-03', c.state, failure);

    expect(healed.state.consecutiveFailures).toBe(0);
    expect(d.alerts[0].key).toBe('twilio-main:blind-spot:2026-10-02T01:30:00.000Z');
  });
});
