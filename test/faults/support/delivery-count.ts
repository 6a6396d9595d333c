/**
 * What the fault tests assert at the end of every story: each alert a cycle claimed reached each target
 * exactly once, counted on the receiving side (publishers, the fake SNS/EventBridge), across all cycles.
 */
import type { CycleReport } from '../../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../../lambda/aws/dynamo-registry';
import type { Alert, GuardConfig } from '../../../lambda/core/model';
import type { FakeAws } from '../../handlers/fake-aws';
import type { LocalDynamo } from '../../support/dynalite';

/** `"<target> <key>"` → how many times that target received that key. */
export type DeliveryCounts = Record<string, number>;

export function countDeliveries(received: Readonly<Record<string, readonly string[]>>): DeliveryCounts {
  const counts: DeliveryCounts = {};
  for (const [target, keys] of Object.entries(received)) {
    for (const key of keys) counts[`${target} ${key}`] = (counts[`${target} ${key}`] ?? 0) + 1;
  }
  return counts;
}

/** The alert keys the fake SNS (its Lambda variant) and EventBridge accepted, from index `since` on. */
export function receivedKeys(aws: FakeAws, since = { sns: 0, eventbridge: 0 }): Record<string, string[]> {
  return {
    sns: aws.published.slice(since.sns).map((p) => (JSON.parse(JSON.parse(p.message).lambda) as Alert).key),
    eventbridge: aws.events.slice(since.eventbridge).map((e) => (JSON.parse(e.Detail as string) as Alert).key),
  };
}

/** The counts of a perfect run: every key once per target. */
export function onceEach(keys: readonly string[], targets: readonly string[]): DeliveryCounts {
  const counts: DeliveryCounts = {};
  for (const target of targets) for (const key of keys) counts[`${target} ${key}`] = 1;
  return counts;
}

/** Every key the given cycles claimed (fired), sorted; a key claimed twice would show twice. */
export function claimedKeys(reports: readonly CycleReport[]): string[] {
  return reports.flatMap((r) => r.alerts.map((a) => a.key)).sort();
}

/** A fresh registry table with the config's services synced, as a deploy leaves it. */
export async function freshRegistry(dynamo: LocalDynamo, config: GuardConfig): Promise<DynamoRegistry> {
  const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
  await registry.syncDeclaredServices(config.services, '2026-09-01T00:00:00Z');
  return registry;
}

export const DAY_MS = 86_400_000;
