import { loadGuardConfig } from '../../lambda/app/load-config';
import type { CycleDeps } from '../../lambda/app/run-cycle';
import type { AlertPublisher } from '../../lambda/core/delivery-port';
import { DeliveryError } from '../../lambda/core/errors';
import type { Alert, GuardConfig } from '../../lambda/core/model';
import type { Registry } from '../../lambda/core/registry-port';
import { defaultVendorAdapters } from '../../lambda/vendors';

/** A validated config through the real loader, from a document in the contract's shape. */
export function guardConfig(overrides: Record<string, unknown> = {}): GuardConfig {
  const result = loadGuardConfig({
    overrides: {
      version: 1,
      timeZone: 'Asia/Shanghai',
      checkTime: '09:30',
      calendar: 'CN',
      accounts: [{ id: 'contracts', vendor: 'manual' }],
      services: [
        {
          id: 'live-rtc',
          name: 'Live app RTC',
          project: 'live-app',
          account: 'contracts',
          kind: 'subscription',
          expiresOn: '2026-10-09',
          owners: ['alice@example.com'],
        },
        {
          id: 'voice-room',
          name: 'Voice room',
          project: 'voice',
          kind: 'package',
          expiresOn: '2026-10-20',
          owners: ['bob@example.com'],
        },
      ],
      channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
      ...overrides,
    },
  });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.config;
}

/** Records what it was handed; fails the first `failures` calls. */
export class RecordingPublisher implements AlertPublisher {
  readonly published: Alert[] = [];

  constructor(
    readonly target: string,
    private failures = 0,
  ) {}

  async publish(alert: Alert): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      throw new DeliveryError(`${this.target} is down`, { retryable: true });
    }
    this.published.push(alert);
  }

  keys(): string[] {
    return this.published.map((a) => a.key).sort();
  }
}

export const NO_SECRETS = {
  resolve: async (name: string): Promise<Record<string, string>> => {
    throw new Error(`no secret ${name} in this test`);
  },
};

/** For cycles whose vendors make no HTTP calls (manual accounts, fakes). */
export const NO_HTTP = {
  call: async (): Promise<never> => {
    throw new Error('no vendor HTTP in this test');
  },
};

/** Cycle dependencies with no vendor traffic: the built-in adapters, no secrets, no HTTP. */
export function offlineDeps(registry: Registry, publishers: readonly AlertPublisher[]): CycleDeps {
  return { registry, vendors: defaultVendorAdapters(), secrets: NO_SECRETS, http: NO_HTTP, publishers };
}
