/**
 * Ready before long holidays through the daily cycle (issue #13, acceptance line 3): a live-streaming
 * account whose spend peaks before Spring Festival and National Day, over every cycle of 2026 on CN's
 * official calendar. The readiness notices come on the last working day before each block with
 * something to say, and a balance that would run dry mid-block is warned by then at the latest.
 */
import { AGORA, CN, OPS, PHONE, service } from './fixtures';
import { simulate } from './simulate';
import type { BalancePoint } from '../../../lambda/core/accounts/account-state';
import { CN_OFFICIAL_CALENDAR } from '../../../lambda/core/calendar';
import { addDays, compareDates } from '../../../lambda/core/dates';
import type { GuardConfig, IsoDate } from '../../../lambda/core/model';
import type { AccountFacts } from '../../../lambda/core/policy';
import { blockAfter } from '../../../lambda/core/policy/holiday-readiness';

const FROM = '2026-01-01';
const TOP_UP_DAY = '2026-02-24';

/** 100 CNY a day, 250 in the three weeks up to Spring Festival's and National Day's blocks (the peaks). */
function spendOn(day: IsoDate): number {
  const inPeak = (first: IsoDate, last: IsoDate) => compareDates(day, first) >= 0 && compareDates(day, last) <= 0;
  return inPeak('2026-01-26', '2026-02-23') || inPeak('2026-09-10', '2026-10-07') ? 250 : 100;
}

/**
 * The balance each morning: 8,750 CNY on 01-01, spent down day by day and never below zero; nobody tops
 * up before Spring Festival (1,500 left on 02-14: dry on 02-20, mid-block), then 27,300 on 02-24, the
 * first working day after it (2,500 left on 09-30: dry on 10-10, after National Day but before the team
 * has had 5 working days back).
 */
const BALANCES = new Map<IsoDate, number>();
function balanceOn(day: IsoDate): number {
  if (BALANCES.size === 0) {
    let balance = 8_750;
    for (let d = addDays(FROM, -30); compareDates(d, '2027-01-01') <= 0; d = addDays(d, 1)) {
      BALANCES.set(d, balance);
      if (compareDates(d, FROM) >= 0) balance = Math.max(0, balance - spendOn(d));
      if (addDays(d, 1) === TOP_UP_DAY) balance += 27_300; // before that morning's poll
    }
  }
  return BALANCES.get(day)!;
}

function factsOn(day: IsoDate): ReadonlyMap<string, AccountFacts> {
  const history: BalancePoint[] = [];
  for (let back = 29; back >= 0; back--) {
    const d = addDays(day, -back);
    history.push({ date: d, balance: balanceOn(d), spend: spendOn(addDays(d, -1)) });
  }
  const recent = history.slice(-14).map((p) => p.spend!);
  return new Map([
    [
      AGORA.id,
      {
        accountId: AGORA.id,
        balance: { amount: balanceOn(day), currency: 'CNY' },
        dailySpend: recent.reduce((a, b) => a + b, 0) / recent.length,
        currency: 'CNY',
        history,
      },
    ],
  ]);
}

const live = service({ expiresOn: '2026-10-09', account: AGORA.id, channels: ['ops'], reminderDays: [30] });
const config: GuardConfig = {
  version: 1,
  timeZone: 'Asia/Shanghai',
  checkTime: '09:30',
  calendar: CN_OFFICIAL_CALENDAR,
  reminderDays: [30],
  accounts: [AGORA],
  services: [live],
  channels: [OPS, PHONE],
};

describe('readiness before the long holidays of 2026, with seasonal spend', () => {
  it('comes on 02-14 and 09-30, warning of the balance that runs dry mid Spring Festival on 02-14 at the latest', () => {
    // Act: every daily cycle of 2026
    const { fired } = simulate({
      config,
      calendar: CN,
      services: [{ service: live }],
      accounts: factsOn,
      from: FROM,
      days: 365,
    });
    const readiness = fired.filter((f) => f.alert.kind === 'holiday-readiness');

    // Assess: the scenario is what it says
    expect([balanceOn('2026-02-14'), balanceOn('2026-02-20'), balanceOn('2026-09-30')]).toEqual([1_500, 0, 2_500]);
    // each notice on the last working day before a block of 3 days or more
    for (const f of readiness) expect(blockAfter({ today: f.day, calendar: CN })).toBeDefined();
    expect(readiness.map((f) => [f.day, f.alert.key, f.alert.severity])).toEqual([
      ['2026-02-14', '_guard:holiday-readiness:2026-02-15:live-app', 'critical'],
      // Mid-Autumn (09-25..27): live-rtc expires 10-09, the 5th working day after it
      ['2026-09-24', '_guard:holiday-readiness:2026-09-25:live-app', 'warning'],
      ['2026-09-30', '_guard:holiday-readiness:2026-10-01:live-app', 'warning'],
    ]);
    const [springFestival, , nationalDay] = readiness.map((f) => f.alert);
    // the balance that would run dry mid-block: named on 02-14, with the top-up that carries it through
    expect(springFestival!.message).toContain(
      'Account agora-main has 1500 CNY; at the expected 250 CNY a day it runs out on 2026-02-20, before 2026-02-28: ' +
        'top up 2000 CNY today.',
    );
    expect(nationalDay!.message).toContain('Live app RTC (live-rtc) expires on 2026-10-09: renew it today.');
    expect(nationalDay!.message).toContain(
      'Account agora-main has 2500 CNY; at the expected 250 CNY a day it runs out on 2026-10-10, before 2026-10-13: ' +
        'top up 750 CNY today.',
    );
    // nothing of the kind is delivered on a non-working day
    expect(readiness.filter((f) => !CN.isWorkingDay(f.day))).toEqual([]);
  });
});
