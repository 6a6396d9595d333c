/**
 * The outbox step: which claimed alerts go out now, and which earlier ones this cycle takes over. An
 * alert decided during quiet hours is held until they end; an entry another cycle claimed is taken over
 * (a conditional write, so only one cycle does) once that cycle is surely finished or gone.
 */
import { deliver, type DeliveryDeps, type DeliveryReport } from './deliver';
import { mapWithConcurrency } from '../core/concurrency';
import { leaseOf, type CycleRegistry, type LedgerEntry, type OutboxLease } from '../core/registry-port';

/**
 * An outbox entry claimed by another cycle is only taken over once it is older than this: longer than
 * any cycle runs (the poller's timeout is 5 minutes), so a cycle still delivering is never doubled.
 */
export const OUTBOX_LEASE_MS = 15 * 60 * 1000;

export interface HeldAlert {
  readonly key: string;
  readonly notBefore: string;
}

export interface OutboxRun {
  readonly deliveries: readonly DeliveryReport[];
  /** Alerts claimed (this cycle or before) and held in the outbox until quiet hours end. */
  readonly held: readonly HeldAlert[];
}

/**
 * Delivers what this cycle claimed and what the outbox holds for it, oldest claims first. With no
 * publishers (the CLI without --send) nothing is sent and the outbox is left alone.
 */
export async function drainOutbox(
  claimed: readonly LedgerEntry[],
  cycle: { readonly cycleId: string; readonly claimedAt: string; readonly now: Date },
  deps: Omit<DeliveryDeps, 'at' | 'registry'> & { readonly registry: CycleRegistry },
): Promise<OutboxRun> {
  const held: HeldAlert[] = [];
  const ready = (entry: LedgerEntry): boolean => {
    if (entry.notBefore === undefined || Date.parse(entry.notBefore) <= cycle.now.getTime()) return true;
    held.push({ key: entry.alert.key, notBefore: entry.notBefore });
    return false;
  };
  if (deps.publishers.length === 0) {
    claimed.forEach(ready);
    return { deliveries: [], held };
  }
  const mine: OutboxLease = { cycleId: cycle.cycleId, at: cycle.claimedAt };
  const takeable = (await deps.registry.listOutbox()).filter(
    (entry) => entry.cycleId !== cycle.cycleId || entry.claimedAt !== cycle.claimedAt,
  );
  const taken = await mapWithConcurrency(takeable.filter(ready), deps.concurrency ?? 16, async (entry) =>
    leaseRanOut(entry, mine, cycle.now) && (await deps.registry.takeOver(entry.alert.key, leaseOf(entry), mine))
      ? [entry]
      : [],
  );
  const owed = [...claimed.filter(ready), ...taken.flat()].map((entry) => ({
    alert: entry.alert,
    targets: entry.pendingTargets,
    settles: true,
  }));
  return { deliveries: await deliver(owed, { ...deps, at: cycle.claimedAt }), held };
}

/**
 * Whether an outbox entry may be taken over by this cycle: another cycle's lease once it is older than
 * OUTBOX_LEASE_MS (that cycle is finished or gone), or this cycle id's own lease from an earlier instant
 * (a Lambda retry reuses its request id: the attempt before it died). An entry held for quiet hours is
 * never delivered by the cycle that claimed it, so that claim leases nothing: it goes to the first cycle
 * after the window (the construct runs one when it ends), whoever takes it first.
 */
function leaseRanOut(entry: LedgerEntry, mine: OutboxLease, now: Date): boolean {
  if (entry.lease === undefined && entry.notBefore !== undefined) return true;
  const lease = leaseOf(entry);
  const at = Date.parse(lease.at);
  if (lease.cycleId === mine.cycleId) return at < now.getTime();
  return at < now.getTime() - OUTBOX_LEASE_MS;
}
