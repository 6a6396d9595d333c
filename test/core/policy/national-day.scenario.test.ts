import { OPS, PHONE, service } from './fixtures';
import { simulate } from './simulate';
import { CN_OFFICIAL_CALENDAR, WorkingCalendar } from '../../../lambda/core/calendar';
import type { GuardConfig } from '../../../lambda/core/model';
import { tiersForCriticality, type AccountFacts } from '../../../lambda/core/policy';

const live = service({
  expiresOn: '2026-10-09',
  autoRenew: true,
  criticality: 'core',
  reminderDays: tiersForCriticality('core', [60, 30, 15, 7, 1], undefined),
  channels: ['ops'],
});
const config: GuardConfig = {
  version: 1,
  timeZone: 'Asia/Shanghai',
  checkTime: '09:30',
  calendar: CN_OFFICIAL_CALENDAR,
  quietHours: { from: '22:00', to: '08:00' },
  reminderDays: [60, 30, 15, 7, 1],
  escalation: { critical: ['phone'], emergency: ['phone'] },
  accounts: [{ id: 'agora-main', vendor: 'agora', credentials: 'renewal-guard/agora-main', options: {} }],
  services: [live],
  channels: [OPS, PHONE],
};
// the app keeps running on the account every day: minutes are used, whatever the expiry says
const inUse = (day: string) =>
  new Map<string, AccountFacts>([
    ['agora-main', { accountId: 'agora-main', history: [], usage: [{ date: day, amount: 900, unit: 'minutes' }] }],
  ]);

describe('a core, auto-renewing service through the CN 2026 National Day holidays', () => {
  it('reminds before the holidays, escalates on a working day, and repeats the emergency until acknowledged', () => {
    // Act: daily cycles from 09-20 (a make-up Sunday) to 10-14; the auto-renewal never happens, and
    // someone acknowledges the expired-in-use repeat of 10-12
    const { fired } = simulate({
      config,
      calendar: new WorkingCalendar(CN_OFFICIAL_CALENDAR),
      services: [{ service: live }],
      accounts: inUse,
      from: '2026-09-20',
      days: 25,
      acknowledges: (alert) => alert.key === 'live-rtc:expired-in-use:2026-10-09:repeat:2026-10-12',
    });

    // Assess
    expect(fired.map((f) => [f.day, f.alert.key, f.alert.channels.join('+')])).toEqual([
      ['2026-09-20', 'live-rtc:expiry:2026-10-09:30', 'ops'], // a catch-up on the make-up Sunday, a working day
      ['2026-09-24', 'live-rtc:expiry:2026-10-09:15', 'ops'], // 09-24: before Mid-Autumn (09-25..27)
      // the last working day before each block of 3 days or more: the expiry falls within 5 working days after it
      ['2026-09-24', '_guard:holiday-readiness:2026-09-25:live-app', 'ops'],
      ['2026-09-30', 'live-rtc:expiry:2026-10-09:3', 'ops'], // 7 and 3 land in the holidays: one, the most urgent
      ['2026-09-30', '_guard:holiday-readiness:2026-10-01:live-app', 'ops'],
      // no escalation during the holidays: the first working day after them is 10-08, when tier 1 is due
      ['2026-10-08', 'live-rtc:expiry:2026-10-09:1', 'ops+phone'],
      ['2026-10-09', 'live-rtc:expiry:2026-10-09:0', 'ops+phone'],
      ['2026-10-10', 'live-rtc:renewal-missed:2026-10-09', 'ops+phone'],
      ['2026-10-10', 'live-rtc:expired-in-use:2026-10-09', 'ops+phone'],
      ['2026-10-11', 'live-rtc:expired-in-use:2026-10-09:repeat:2026-10-11', 'ops+phone'],
      ['2026-10-12', 'live-rtc:expired-in-use:2026-10-09:repeat:2026-10-12', 'ops+phone'],
      // acknowledged: the service's most telling emergency is silenced, so nothing repeats
    ]);
  });
});
