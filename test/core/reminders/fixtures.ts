import { CN_OFFICIAL_CALENDAR, WorkingCalendar } from '../../../lambda/core/calendar';
import type { ChannelConfig, ServiceConfig } from '../../../lambda/core/model';
import { indexChannels, type ExpiryContext } from '../../../lambda/core/reminders';

export function service(overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return {
    id: 'live-rtc',
    name: 'Live app RTC',
    project: 'live-app',
    account: 'agora-main',
    kind: 'subscription',
    expiresOn: '2026-10-09',
    autoRenew: false,
    owners: ['alice@example.com'],
    criticality: 'core',
    reminderDays: [60, 30, 15, 7, 1],
    channels: ['ops'],
    ...overrides,
  };
}

export const OPS: ChannelConfig = {
  id: 'ops',
  type: 'email',
  to: ['ops@example.com'],
  minSeverity: 'info',
  options: {},
};

export function cnContext(channels: ChannelConfig[] = [OPS]): ExpiryContext {
  return { calendar: new WorkingCalendar(CN_OFFICIAL_CALENDAR), channels: indexChannels(channels) };
}

export function weekendsContext(channels: ChannelConfig[] = [OPS]): ExpiryContext {
  return {
    calendar: new WorkingCalendar({ spec: 'weekends', coveredYears: [], holidays: [], workdays: [] }),
    channels: indexChannels(channels),
  };
}
