/** Shared pieces of the policy tests: channels, calendars, contexts, accounts with daily histories. */
import type { AccountAudience } from '../../../lambda/core/accounts';
import type { BalancePoint } from '../../../lambda/core/accounts/account-state';
import { CN_OFFICIAL_CALENDAR, WorkingCalendar } from '../../../lambda/core/calendar';
import { addDays } from '../../../lambda/core/dates';
import type { AccountConfig, ChannelConfig, IsoDate } from '../../../lambda/core/model';
import type { AccountRuleContext, ServiceRuleContext } from '../../../lambda/core/policy';
import { indexChannels } from '../../../lambda/core/reminders';
import { sampleService } from '../../support/model-fixtures';

export const service = sampleService;

export const OPS: ChannelConfig = {
  id: 'ops',
  type: 'email',
  to: ['ops@example.com'],
  minSeverity: 'info',
  options: {},
};
export const PHONE: ChannelConfig = {
  id: 'phone',
  type: 'sms',
  to: ['+8613800000000'],
  minSeverity: 'critical',
  options: {},
};
export const CHANNELS = indexChannels([OPS, PHONE]);

export const CN = new WorkingCalendar(CN_OFFICIAL_CALENDAR);
export const WEEKENDS = new WorkingCalendar({ spec: 'weekends', coveredYears: [], holidays: [], workdays: [] });

export function cnCtx(today: IsoDate): ServiceRuleContext {
  return { today, calendar: CN, channels: CHANNELS };
}

export function weekendsCtx(today: IsoDate): ServiceRuleContext {
  return { today, calendar: WEEKENDS, channels: CHANNELS };
}

export const AGORA: AccountConfig = {
  id: 'agora-main',
  vendor: 'agora',
  credentials: 'renewal-guard/agora-main',
  options: {},
};

export const AUDIENCE: AccountAudience = {
  project: 'live-app',
  owners: ['alice@example.com'],
  channels: ['ops'],
  serviceIds: ['live-rtc'],
};

export function accountCtx(today: IsoDate, calendar: WorkingCalendar = CN): AccountRuleContext {
  return { today, calendar, audience: AUDIENCE, channels: CHANNELS };
}

/** A daily history ending on `last`, one point per day, the balance dropping by each day's spend. */
export function historyOf(last: IsoDate, spends: readonly number[], endBalance: number): BalancePoint[] {
  const points: BalancePoint[] = [];
  let balance = endBalance;
  for (let i = spends.length - 1; i >= 0; i--) {
    points.unshift({ date: addDays(last, i - (spends.length - 1)), balance, spend: spends[i] });
    balance += spends[i]!;
  }
  return points;
}
