/** Builders for registry tests: valid model values with only the interesting fields spelled out. */
import type { Alert, ServiceConfig } from '../../lambda/core/model';
import type { LedgerEntry } from '../../lambda/core/registry-port';
import { sampleService } from '../support/model-fixtures';

export const NOW = '2026-09-30T01:30:00.000Z';
export const LATER = '2026-10-01T01:30:00.000Z';

export function service(id: string, overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return sampleService({ id, name: `Service ${id}`, reminderDays: [30, 7, 1], ...overrides });
}

export function alert(serviceId: string, overrides: Partial<Alert> = {}): Alert {
  const tier = overrides.tier ?? 7;
  return {
    key: `${serviceId}:expiry:2026-10-09:${tier}`,
    kind: 'expiry',
    severity: 'critical',
    serviceId,
    project: 'live-app',
    tier,
    daysLeft: 9,
    expiresOn: '2026-10-09',
    date: '2026-09-30',
    owners: ['alice@example.com'],
    channels: ['ops'],
    message: `Service ${serviceId} expires on 2026-10-09 (9 days left)`,
    ...overrides,
  };
}

export function ledgerEntry(forAlert: Alert, overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    alert: forAlert,
    cycleId: 'cycle-1',
    claimedAt: NOW,
    pendingTargets: ['sns', 'eventbridge'],
    deliveredTargets: [],
    ...overrides,
  };
}
