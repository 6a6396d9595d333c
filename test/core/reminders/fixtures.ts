import { CN_OFFICIAL_CALENDAR, WorkingCalendar } from '../../../lambda/core/calendar';
import type { ChannelConfig } from '../../../lambda/core/model';
import { indexChannels, type ExpiryContext } from '../../../lambda/core/reminders';
import { sampleService } from '../../support/model-fixtures';

export const service = sampleService;

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
