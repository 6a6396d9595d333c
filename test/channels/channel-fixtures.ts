import { RenewalGuardError } from '../../lambda/core/errors';
import type { Alert, ChannelConfig, ChannelType } from '../../lambda/core/model';
import type { SecretResolver } from '../../lambda/core/vendor-port';

/** 2026-09-30 09:30 in Asia/Shanghai: the contract's example cycle. */
export const PINNED_NOW = new Date('2026-09-30T01:30:00Z');

export const ACK_URL =
  'https://guard.example.com/ack?key=live-rtc%3Aexpiry%3A2026-10-09%3A7&exp=1790818200&sig=3f9a2c0d1e';

export const CHAT_TYPES = ['dingtalk', 'feishu', 'wecom', 'slack', 'teams', 'webhook', 'pagerduty'] as const;
export const ALL_TYPES: readonly ChannelType[] = [...CHAT_TYPES, 'email', 'sms'];

/** The contract's example: live-rtc, tier 7, nine days before 2026-10-09, routed to every channel. */
export function expiryAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    key: 'live-rtc:expiry:2026-10-09:7',
    kind: 'expiry',
    severity: 'critical',
    serviceId: 'live-rtc',
    accountId: 'agora-main',
    project: 'live-app',
    tier: 7,
    daysLeft: 9,
    expiresOn: '2026-10-09',
    date: '2026-09-30',
    owners: ['alice@example.com', 'bob@example.com'],
    channels: ALL_TYPES.map((t) => t),
    message:
      'Live app RTC (live-rtc, project live-app) expires on 2026-10-09 (9 days left). Renew it or confirm the plan with the vendor. Owners: alice@example.com, bob@example.com.',
    ...overrides,
  };
}

/** A low-balance alert: its numbers live in the core's message. */
export function balanceAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    key: 'agora-main:balance:2026-09-28:warning',
    kind: 'balance',
    severity: 'warning',
    accountId: 'agora-main',
    project: 'live-app',
    date: '2026-09-30',
    owners: ['alice@example.com'],
    channels: ALL_TYPES.map((t) => t),
    message:
      'agora account agora-main: balance 312.40 USD is below 500 USD; runway 9.1 days is below 14. Top it up before service is suspended. Services: live-rtc.',
    ...overrides,
  };
}

/** A channel of `type` whose id is the type's name, with a secret named after it. */
export function channelOf<T extends ChannelType>(
  type: T,
  overrides: Partial<Omit<ChannelConfig, 'type'>> = {},
): ChannelConfig & { readonly type: T } {
  const recipients = type === 'email' ? ['ops@example.com'] : type === 'sms' ? ['+8613800000000'] : [];
  return {
    id: type,
    to: recipients,
    minSeverity: 'info',
    ...(recipients.length === 0 && { secret: `renewal-guard/${type}` }),
    options: type === 'dingtalk' ? { atMobiles: ['13800000000'] } : {},
    ...overrides,
    type,
  };
}

/** A clock that only moves when the code under test sleeps, and a record of each sleep. */
export function fakeTime(start: Date = PINNED_NOW) {
  let now = start.getTime();
  const slept: number[] = [];
  return {
    slept,
    clock: () => new Date(now),
    nowMs: () => now,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
}

/** Secrets by name, from memory; unknown names fail like a missing Secrets Manager secret. */
export function memorySecrets(values: Record<string, Readonly<Record<string, string>>>): SecretResolver {
  return {
    async resolve(name) {
      const value = values[name];
      if (!value) {
        throw new RenewalGuardError(`secret "${name}" could not be read (ResourceNotFoundException)`, {
          retryable: false,
        });
      }
      return value;
    },
  };
}
