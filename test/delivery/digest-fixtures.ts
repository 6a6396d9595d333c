/** Digests of any size, from the core's own builder, for the renderer's limit tests. */
import type { AccountState } from '../../lambda/core/accounts';
import type { AccountConfig, Alert, ChannelConfig, GuardConfig, ServiceConfig } from '../../lambda/core/model';
import { SERVICE_KINDS } from '../../lambda/core/model';
import { buildDigest, digestAlert, digestKey } from '../../lambda/core/policy';
import { sampleService } from '../support/model-fixtures';

export const DIGEST_NOW = new Date('2026-10-05T02:30:00Z'); // Monday 10:30 in Shanghai
export const DIGEST_TODAY = '2026-10-05';
export const REPORT_URL = 'https://abc123.lambda-url.ap-east-1.on.aws/report?t=eyJ2IjoxfQ.c2lnbmF0dXJl';

export interface DigestShape {
  readonly services: number;
  readonly projects: number;
  readonly accounts?: number;
  /** Names, ids and errors at the longest the config allows, in CJK (3 UTF-8 bytes a character). */
  readonly longest?: boolean;
}

/** `services` services spread over `projects` projects, expiring from 30 days ago to a year ahead. */
export function digestWorld(shape: DigestShape, channels: readonly ChannelConfig[]) {
  const long = shape.longest === true;
  const accounts: AccountConfig[] = Array.from({ length: shape.accounts ?? 10 }, (_, i) => ({
    id: long ? `account-${'x'.repeat(52)}-${i}` : `account-${i}`,
    vendor: 'agora',
    credentials: `renewal-guard/account-${i}`,
    options: {},
  }));
  const services: ServiceConfig[] = Array.from({ length: shape.services }, (_, i) => {
    const day = new Date(Date.UTC(2026, 9, 5 - 30 + (i % 400)));
    return sampleService({
      id: long ? `service-${'x'.repeat(50)}-${i}` : `service-${i}`,
      name: long ? `超长实时音视频云服务套餐名称${'测'.repeat(90)}${i}` : `Service ${i}`,
      project: long ? `project-${'p'.repeat(60)}-${i % shape.projects}` : `project-${i % shape.projects}`,
      account: accounts[i % accounts.length]!.id,
      kind: SERVICE_KINDS[i % SERVICE_KINDS.length]!,
      expiresOn: day.toISOString().slice(0, 10),
      owners: [`owner-${i}@example.com`],
    });
  });
  const states: AccountState[] = accounts.map((a, i) => ({
    accountId: a.id,
    consecutiveFailures: i % 3 === 0 ? 5 : 0,
    ...(i % 3 === 0 && { lastError: long ? `供应商错误：${'超时'.repeat(400)}` : 'HTTP 401 AuthFailure' }),
    currency: 'USD',
    history: [{ date: DIGEST_TODAY, balance: 100 + i }],
  }));
  const config: GuardConfig = {
    version: 1,
    timeZone: 'Asia/Shanghai',
    checkTime: '09:30',
    calendar: { spec: 'weekends', coveredYears: [], holidays: [], workdays: [] },
    reminderDays: [60, 30, 15, 7, 1],
    digest: { weekday: 'MON', time: '10:00' },
    accounts,
    services,
    channels: [...channels],
  };
  return { config, services, states };
}

export function bigDigest(shape: DigestShape, channels: readonly ChannelConfig[]): Alert {
  const { config, services, states } = digestWorld(shape, channels);
  const digest = buildDigest(
    { now: DIGEST_NOW, today: DIGEST_TODAY, services, accountStates: states, firedAlerts: [], acknowledgements: [] },
    config,
  );
  return { ...digestAlert(digest, config), key: digestKey(DIGEST_TODAY) };
}
