/** A valid ServiceConfig with only the interesting fields spelled out by each test. */
import type { ServiceConfig } from '../../lambda/core/model';

export function sampleService(overrides: Partial<ServiceConfig> = {}): ServiceConfig {
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
