/** Ready before long holidays (issue #13, point 4), on 2026's CN calendar. */
import { CHANNELS, CN, historyOf, service } from './fixtures';
import type { AccountConfig } from '../../../lambda/core/model';
import type { AccountFacts } from '../../../lambda/core/policy';
import { parseAlertKey } from '../../../lambda/core/policy';
import { blockAfter, holidayReadinessNotices, projectSegment } from '../../../lambda/core/policy/holiday-readiness';

const ctx = (today: string) => ({ today, calendar: CN, channels: CHANNELS });
const AGORA: AccountConfig = {
  id: 'agora-main',
  vendor: 'agora',
  credentials: 'renewal-guard/agora-main',
  options: {},
};

/** Live streaming: 100 a day through January, rising to 250 a day in the fortnight before Spring Festival. */
function seasonal(today: string, balance: number): AccountFacts {
  const spends = [...Array<number>(16).fill(100), ...Array<number>(14).fill(250)];
  return {
    accountId: 'agora-main',
    balance: { amount: balance, currency: 'CNY' },
    dailySpend: 180,
    currency: 'CNY',
    history: historyOf(today, spends, balance),
  };
}

describe('the blocks that get a readiness notice', () => {
  it('finds Spring Festival after the make-up Saturday 2026-02-14, and National Day after 09-30', () => {
    expect(blockAfter(ctx('2026-02-14'))).toEqual({ first: '2026-02-15', last: '2026-02-23', days: 9 });
    expect(blockAfter(ctx('2026-02-13'))).toBeUndefined(); // the 14th is worked
    expect(blockAfter(ctx('2026-09-30'))).toEqual({ first: '2026-10-01', last: '2026-10-07', days: 7 });
    expect(blockAfter(ctx('2026-09-24'))).toEqual({ first: '2026-09-25', last: '2026-09-27', days: 3 });
  });

  it('ignores a plain weekend and days that are not the last working day', () => {
    expect(blockAfter(ctx('2026-11-06'))).toBeUndefined();
    expect(blockAfter(ctx('2026-10-03'))).toBeUndefined();
    expect(blockAfter(ctx('2026-09-29'))).toBeUndefined();
  });
});

describe('the readiness notice', () => {
  const live = service({ expiresOn: '2026-02-20', account: 'agora-main' });
  const later = service({ id: 'cdn', name: 'CDN', expiresOn: '2026-03-20', account: 'agora-main' });
  const other = service({ id: 'im', name: 'IM', project: 'social', expiresOn: '2026-12-31', account: undefined });

  it('warns a balance that would run dry mid Spring Festival, at the seasonal peak, on 02-14, with the top-up', () => {
    // Act: 2000 CNY at the 250-a-day peak lasts 8 days; through 02-28 (5 working days after) needs 3500
    const notices = holidayReadinessNotices(
      [live, later, other],
      [AGORA],
      new Map([['agora-main', seasonal('2026-02-14', 2000)]]),
      ctx('2026-02-14'),
    );

    // Assess: one notice, for the team with something to do; critical because it runs dry inside the block
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      key: '_guard:holiday-readiness:2026-02-15:live-app',
      kind: 'holiday-readiness',
      severity: 'critical',
      project: 'live-app',
      date: '2026-02-14',
      owners: ['alice@example.com'],
      channels: ['ops'],
    });
    expect(notices[0]!.message).toBe(
      'Today is the last working day before 2026-02-15 to 2026-02-23 (9 days off): nobody can renew or top up ' +
        "until it ends, and vendors' support is closed. " +
        'Live app RTC (live-rtc) expires on 2026-02-20: renew it today. ' +
        'Account agora-main has 2000 CNY; at the expected 250 CNY a day it runs out on 2026-02-22, before ' +
        '2026-02-28: top up 1500 CNY today.',
    );
    expect(parseAlertKey(notices[0]!.key)?.kind).toBe('holiday-readiness');
  });

  it('says nothing to a team with nothing expiring and enough balance, or on any other day', () => {
    const rich = new Map([['agora-main', seasonal('2026-02-14', 9000)]]);
    expect(holidayReadinessNotices([later, other], [AGORA], rich, ctx('2026-02-14'))).toEqual([]);
    expect(holidayReadinessNotices([live], [AGORA], rich, ctx('2026-02-12'))).toEqual([]);
  });

  it('gives National Day its notice on 09-30, a warning when the balance only falls short after the block', () => {
    // Act: 3000 CNY at 250 a day lasts 12 days (to 10-12); through 10-13 (5 working days after) needs 3250
    const notices = holidayReadinessNotices(
      [service({ expiresOn: '2027-01-31', account: 'agora-main' })],
      [AGORA],
      new Map([['agora-main', seasonal('2026-09-30', 3000)]]),
      ctx('2026-09-30'),
    );
    expect(notices.map((n) => [n.key, n.severity])).toEqual([
      ['_guard:holiday-readiness:2026-10-01:live-app', 'warning'],
    ]);
    expect(notices[0]!.message).toContain('runs out on 2026-10-12, before 2026-10-13: top up 250 CNY today');
  });

  it('keys a free-text project by a slug, with a hash when the slug changed it', () => {
    expect(projectSegment('live-app')).toBe('live-app');
    expect(projectSegment('Live App')).toMatch(/^live-app\.[0-9a-f]+$/);
    expect(projectSegment('Live App')).not.toBe(projectSegment('live app'));
  });
});
