/**
 * The story most fault tests tell: the default test config (live-rtc and voice-room, both due on
 * 2026-09-30) on the weekends calendar (faultConfig) run by the real cycle over a registry table on dynalite, its alerts published to an SNS and
 * an EventBridge that record what they are handed. The accounts are manual, so no vendor is called.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { freshRegistry, countDeliveries } from './delivery-count';
import { runCycle } from '../../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../../lambda/aws/dynamo-registry';
import type { GuardConfig } from '../../../lambda/core/model';
import { OUTBOX_LEASE_MS } from '../../../lambda/delivery';
import { guardConfig, offlineDeps, RecordingPublisher } from '../../app/cycle-fixtures';
import type { LocalDynamo } from '../../support/dynalite';

/**
 * The default test config on the `weekends` calendar. These tests are about delivery under faults, not
 * the calendar: on CN's, 2026-09-30 is the last working day before National Day, and the cycle would also
 * send each team a readiness notice (issue 13), an alert these stories have no part for.
 */
export function faultConfig(overrides: Record<string, unknown> = {}): GuardConfig {
  return guardConfig({ calendar: 'weekends', ...overrides });
}

/** 09:30 in Asia/Shanghai on 2026-09-30, when both default services' tiers fire. */
export const SEP_30 = new Date('2026-09-30T09:30:00+08:00');
/** A minute after the outbox lease of a cycle at SEP_30 ran out. */
export const AFTER_LEASE = new Date(SEP_30.getTime() + OUTBOX_LEASE_MS + 60_000);
/** The alert keys faultConfig fires at SEP_30: the 15- and 30-day tiers, due 09-24 and (a Sunday) 09-18. */
export const KEYS = ['live-rtc:expiry:2026-10-09:15', 'voice-room:expiry:2026-10-20:30'];
export const TARGETS = ['sns', 'eventbridge'];

/** Five services due on 2026-09-30 (their 15-day tiers, due 09-24 to 09-28, the weekend's moved to Friday). */
export const FIVE_DUE_SERVICES = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({
  id: `svc-${id}`,
  name: `Service ${id}`,
  project: 'p',
  kind: 'subscription',
  expiresOn: `2026-10-${String(9 + i).padStart(2, '0')}`,
  owners: ['ops@example.com'],
}));

export { offlineDeps };

/**
 * A recording SNS and EventBridge, and what they received as delivery counts; `more` adds the keys of
 * other recording publishers (another process's) to their target's.
 */
export function recordingTargets() {
  const sns = new RecordingPublisher('sns');
  const bus = new RecordingPublisher('eventbridge');
  const keysOf = (target: string, more: readonly RecordingPublisher[]) =>
    [sns, bus, ...more].filter((p) => p.target === target).flatMap((p) => p.keys());
  const received = (...more: RecordingPublisher[]) =>
    countDeliveries({ sns: keysOf('sns', more), eventbridge: keysOf('eventbridge', more) });
  return { sns, bus, received };
}

/**
 * The default config on a fresh registry table, read and written through `client` when given (a client
 * aimed at a fault proxy), else through dynalite's own.
 */
export async function cycleWorld(dynamo: LocalDynamo, client?: DynamoDBDocumentClient) {
  const config = faultConfig();
  const fresh = await freshRegistry(dynamo, config);
  const table = fresh.tableName;
  const registry = client ? new DynamoRegistry({ tableName: table, client }) : fresh;
  const { sns, bus, received } = recordingTargets();
  const deps = offlineDeps(registry, [sns, bus]);
  const cycle = (now: Date, id: string) => runCycle(config, deps, now, id);
  return { config, table, registry, deps, received, cycle };
}
