/**
 * Every alert kind obeys the calendar (issue #13, point 1), on 2026's CN calendar: foreseeable alerts are
 * placed on the closest preceding working day, as the expiry tiers are; planning notices decided on a
 * non-working day wait in the outbox for the next working day's check time; critical and emergency
 * alerts go out at once.
 */
import { OPS, PHONE, service } from './fixtures';
import { CN_OFFICIAL_CALENDAR, WorkingCalendar } from '../../../lambda/core/calendar';
import { addDays, localDate } from '../../../lambda/core/dates';
import type { Alert, GuardConfig, IsoDate } from '../../../lambda/core/model';
import { coverageGapAlert, decideCycleAlerts, deliveryInstant } from '../../../lambda/core/policy';
import { indexChannels } from '../../../lambda/core/reminders';

const CN = new WorkingCalendar(CN_OFFICIAL_CALENDAR);
const SHANGHAI = { timeZone: 'Asia/Shanghai', checkTime: '09:30' };
const at = (date: IsoDate, time = '09:30') => new Date(`${date}T${time}:00+08:00`);

function accountWarning(date: IsoDate, severity: Alert['severity'] = 'warning'): Alert {
  return {
    key: `agora-main:balance:${date}:${severity}`,
    kind: 'balance',
    severity,
    accountId: 'agora-main',
    date,
    owners: ['alice@example.com'],
    channels: ['ops'],
    message: 'low',
  };
}

describe('unforeseeable alerts decided on a non-working day', () => {
  it('sends an account warning decided on Saturday 2026-10-10, a make-up workday, that day', () => {
    const now = at('2026-10-10');
    expect(deliveryInstant(accountWarning('2026-10-10'), now, SHANGHAI, CN)).toBe(now);
  });

  it("holds one decided on Sunday 2026-10-11 for Monday's check time", () => {
    expect(deliveryInstant(accountWarning('2026-10-11'), at('2026-10-11'), SHANGHAI, CN).toISOString()).toBe(
      at('2026-10-12').toISOString(),
    );
  });

  it('holds an info or warning decided during National Day for 2026-10-08 09:30, then quiet hours still apply', () => {
    const decided = at('2026-10-03', '14:00');
    expect(deliveryInstant(accountWarning('2026-10-03'), decided, SHANGHAI, CN).toISOString()).toBe(
      at('2026-10-08').toISOString(),
    );
    const quietMornings = { ...SHANGHAI, checkTime: '07:00', quietHours: { from: '22:00', to: '08:00' } };
    expect(deliveryInstant(accountWarning('2026-10-03'), decided, quietMornings, CN).toISOString()).toBe(
      at('2026-10-08', '08:00').toISOString(),
    );
  });

  it('sends critical and emergency alerts at once, any day', () => {
    const now = at('2026-10-03', '14:00');
    expect(deliveryInstant(accountWarning('2026-10-03', 'critical'), now, SHANGHAI, CN)).toBe(now);
    expect(deliveryInstant(accountWarning('2026-10-03', 'emergency'), now, SHANGHAI, CN)).toBe(now);
  });
});

describe('foreseeable alerts', () => {
  const predecessor = service({ expiresOn: '2026-10-09', replacedBy: 'live-rtc-2027' });
  const successor = service({ id: 'live-rtc-2027', startsOn: '2026-10-12', expiresOn: '2027-10-12' });
  const ctx = (today: IsoDate) => ({ today, calendar: CN, channels: indexChannels([OPS, PHONE]) });

  it('places a coverage gap that turns critical on 2026-10-02 (National Day) on 09-30', () => {
    expect(coverageGapAlert(predecessor, successor, ctx('2026-09-29'))?.severity).toBe('warning');
    expect(coverageGapAlert(predecessor, successor, ctx('2026-09-30'))).toMatchObject({
      key: 'live-rtc:coverage-gap:2026-10-09:2026-10-12:critical',
      severity: 'critical',
      date: '2026-09-30',
      daysLeft: 9,
    });
  });

  // daily cycles at 09:30 with a ledger, 2026-09-01..10-31; what each alert's delivery day is
  function autumn(decidedOnHolidays: ReadonlyMap<IsoDate, Alert[]>): Array<{ day: IsoDate; alert: Alert }> {
    const services = [
      {
        ...predecessor,
        autoRenew: true,
        renewalPrice: { amount: 3000, currency: 'USD' },
        ownersConfirmedOn: '2026-04-05',
      },
      successor,
      service({ id: 'im', expiresOn: '2026-10-06', account: 'tencent-main', reminderDays: [30, 15, 7, 3, 1] }),
    ];
    const config: GuardConfig = {
      version: 1,
      ...SHANGHAI,
      calendar: CN_OFFICIAL_CALENDAR,
      reminderDays: [60, 30, 15, 7, 1],
      accounts: [],
      services,
      channels: [OPS, PHONE],
    };
    const firedOn = new Map<string, IsoDate>();
    const delivered: Array<{ day: IsoDate; alert: Alert }> = [];
    for (let day = '2026-09-01'; day <= '2026-10-31'; day = addDays(day, 1)) {
      const now = at(day);
      const alerts = decideCycleAlerts(
        {
          now,
          services,
          accounts: new Map([
            ['agora-main', { accountId: 'agora-main', balance: { amount: 100, currency: 'USD' }, history: [] }],
          ]),
          accountAlerts: decidedOnHolidays.get(day) ?? [],
          ledger: { firedOn, acknowledgements: [] },
        },
        config,
        CN,
      );
      for (const alert of alerts) {
        if (firedOn.has(alert.key)) continue;
        firedOn.set(alert.key, day);
        delivered.push({ day: localDate(deliveryInstant(alert, now, config, CN), config.timeZone), alert });
      }
    }
    return delivered;
  }
  const inNationalDay = (delivered: Array<{ day: IsoDate; alert: Alert }>) =>
    delivered
      .filter((d) => d.day >= '2026-10-01' && d.day <= '2026-10-07' && d.alert.severity !== 'emergency')
      .map((d) => [d.day, d.alert.key]);

  it('delivers no non-emergency alert of any kind from 2026-10-01 to 10-07, day by day through the autumn', () => {
    // Prepare: an expiry during the holiday, an auto-renewal at risk, a coverage gap, stale contacts, and
    // account warnings decided on holidays and on the make-up Saturday and the Sunday after
    const decidedOnHolidays = new Map<IsoDate, Alert[]>([
      ['2026-10-03', [accountWarning('2026-10-03')]],
      ['2026-10-10', [accountWarning('2026-10-10')]],
      ['2026-10-11', [accountWarning('2026-10-11')]],
    ]);

    // Act
    const delivered = autumn(decidedOnHolidays);

    // Assess
    expect(inNationalDay(delivered)).toEqual([]);
    const dayOf = (key: string) => delivered.find((d) => d.alert.key === key)?.day;
    expect(dayOf('live-rtc:coverage-gap:2026-10-09:2026-10-12:critical')).toBe('2026-09-30');
    expect(dayOf('live-rtc:auto-renew-risk:2026-10-09:critical')).toBe('2026-09-30');
    expect(dayOf('agora-main:balance:2026-10-03:warning')).toBe('2026-10-08');
    expect(dayOf('agora-main:balance:2026-10-10:warning')).toBe('2026-10-10');
    expect(dayOf('agora-main:balance:2026-10-11:warning')).toBe('2026-10-12');
    // tiers 3 and 1 (due 10-03 and 10-05) collapse into one reminder on the last working day before
    expect(dayOf('im:expiry:2026-10-06:1')).toBe('2026-09-30');
    expect(dayOf('im:expiry:2026-10-06:3')).toBeUndefined();
    expect(dayOf('live-rtc:contacts-stale:2026-04-05:2026-Q3')).toBe('2026-09-30'); // stale from 10-03
    const offDays = delivered.filter(
      (d) => !CN.isWorkingDay(d.day) && (d.alert.severity === 'info' || d.alert.severity === 'warning'),
    );
    expect(offDays).toEqual([]);
  });

  it('sends a critical decided on a holiday at once: it cannot wait for the first working day', () => {
    const delivered = autumn(new Map([['2026-10-03', [accountWarning('2026-10-03', 'critical')]]]));

    expect(inNationalDay(delivered)).toEqual([['2026-10-03', 'agora-main:balance:2026-10-03:critical']]);
  });
});
