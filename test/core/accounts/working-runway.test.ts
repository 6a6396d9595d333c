import { zhFigureDetails } from '../../../lambda/channels/messages/figure-details';
import { accountAudience, evaluateAccount, initialAccountState } from '../../../lambda/core/accounts';
import { judgeBalance } from '../../../lambda/core/accounts/balance-policy';
import { workingDaysIn, workingRunway } from '../../../lambda/core/accounts/working-runway';
import { WorkingCalendar } from '../../../lambda/core/calendar';
import { calendarData } from '../../../lambda/core/calendar/resolve-calendar';
import { addDays } from '../../../lambda/core/dates';
import { indexChannels } from '../../../lambda/core/reminders';
import { sampleAccount, sampleService } from '../../support/model-fixtures';

const cn = new WorkingCalendar(calendarData('CN', [2025, 2026, 2027]));
const weekends = new WorkingCalendar(calendarData('weekends', [2025, 2026, 2027]));
const policy = { minRunwayDays: 14 };
const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('a runway counted in working days to act', () => {
  it('leaves 9 working days for a 14-day runway in an ordinary fortnight, whichever weekday it is read on', () => {
    // 2026-03-02 is a Monday with no holiday for weeks either side
    const counts = [0, 1, 2, 3, 4].map((i) => workingRunway(addDays('2026-03-02', i), 14, cn, 99).workingDays);

    expect(counts).toEqual([9, 9, 9, 9, 9]);
    expect(workingDaysIn(14)).toBe(9);
  });

  it('judges an ordinary fortnight as the calendar-day runway does', () => {
    // Act: 14.5 days left on a Wednesday (1450 at 100 a day)
    const withCalendar = judgeBalance(policy, usd(1450), 100, { today: '2026-03-04', calendar: cn });
    const without = judgeBalance(policy, usd(1450), 100);

    // Assess
    expect(withCalendar.low).toBe(false);
    expect(without.low).toBe(false);
  });

  it('warns a balance that runs dry mid Spring Festival while 6 working days are left, though 14 calendar days are', () => {
    // Act: read on Friday 2026-02-06, 14 days at 100 a day: dry on 02-20, inside the 02-15..02-23 block
    const verdict = judgeBalance(policy, usd(1400), 100, { today: '2026-02-06', calendar: cn });
    const runway = workingRunway('2026-02-06', 14, cn, 99);

    // Assess: the last day to top up is the make-up Saturday 02-14, six working days away
    expect(runway).toEqual({ runsOutOn: '2026-02-20', lastDayToAct: '2026-02-14', workingDays: 6 });
    expect(verdict).toMatchObject({ low: true, kind: 'runway', severity: 'warning' });
    expect(verdict.reasons.join(' ')).toContain('leaving 6 working days to top up (the last on 2026-02-14)');
    expect(judgeBalance(policy, usd(1400), 100).low).toBe(false);
  });

  it('counts National Day as days nobody can act', () => {
    // Act: read on Friday 2026-09-25 with 14 days left: dry on 10-09
    const runway = workingRunway('2026-09-25', 14, cn, 99);

    // Assess: 09-28, 09-29, 09-30 and 10-08 (10-01..07 off)
    expect(runway).toEqual({ runsOutOn: '2026-10-09', lastDayToAct: '2026-10-08', workingDays: 4 });
    expect(judgeBalance(policy, usd(1400), 100, { today: '2026-09-25', calendar: cn }).low).toBe(true);
  });

  it('takes a runway that runs dry on a Monday back to the Friday before', () => {
    // Act: Wednesday 2026-03-04, 5 days: dry Monday 03-09
    const runway = workingRunway('2026-03-04', 5, weekends, 99);

    // Assess
    expect(runway).toEqual({ runsOutOn: '2026-03-09', lastDayToAct: '2026-03-06', workingDays: 2 });
  });

  it('has no working day left for a balance that runs dry tomorrow', () => {
    expect(workingRunway('2026-03-04', 1, weekends, 99)).toEqual({
      runsOutOn: '2026-03-05',
      lastDayToAct: '2026-03-04',
      workingDays: 0,
    });
  });
});

describe('the runway alert of a cycle with a calendar', () => {
  const channels = indexChannels([
    { id: 'ops', type: 'email', to: ['ops@example.com'], minSeverity: 'info', options: {} },
  ]);
  const agora = sampleAccount({ balance: { minRunwayDays: 14 } });
  const services = [sampleService({ account: 'agora-main', channels: ['ops'] })];
  const read = (calendar?: WorkingCalendar) =>
    evaluateAccount(
      agora,
      initialAccountState('agora-main'),
      {
        ok: true,
        snapshot: {
          accountId: 'agora-main',
          vendor: 'agora',
          takenAt: '2026-02-06T01:30:00.000Z',
          balance: { amount: 1400, currency: 'CNY' },
          dailySpend: [{ date: '2026-02-05', amount: 100, unit: 'CNY' }],
          entitlements: [],
        },
      },
      {
        now: new Date('2026-02-06T09:30:00+08:00'),
        today: '2026-02-06',
        audience: accountAudience(agora, services, channels),
        channels,
        ...(calendar && { calendar }),
      },
    );

  it('warns on 2026-02-06 of 14 days that leave 6 working days before Spring Festival, in both languages', () => {
    // Act
    const [alert] = read(cn).alerts;

    // Assess
    expect(alert).toMatchObject({
      key: 'agora-main:balance:2026-02-06:warning',
      kind: 'runway',
      severity: 'warning',
      figures: { runwayDays: 14, minRunwayDays: 14, workingDaysToAct: 6, lastDayToAct: '2026-02-14' },
    });
    expect(alert!.message).toContain('it runs out on 2026-02-20, leaving 6 working days to top up');
    expect(zhFigureDetails(alert!)).toBe(
      '余额 1400 CNY；按当前消费约可用 14 天；用完前只剩 6 个工作日可充值（最晚 2026-02-14）。',
    );
  });

  it('says nothing of it without a calendar, counting calendar days alone', () => {
    expect(read().alerts).toEqual([]);
  });
});
