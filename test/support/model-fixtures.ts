/** A valid ServiceConfig (and AccountConfig) with only the interesting fields spelled out by each test. */
import type { AccountConfig, ServiceConfig } from '../../lambda/core/model';

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

/** The Agora account `sampleService` bills to, read with its own credentials secret; no balance rule unless given. */
export function sampleAccount(overrides: Partial<AccountConfig> = {}): AccountConfig {
  return {
    id: 'agora-main',
    vendor: 'agora',
    credentials: 'renewal-guard/agora-main',
    options: {},
    ...overrides,
  };
}
