/**
 * The registry port: what the cycle needs from persistent state. The DynamoDB adapter
 * (lambda/aws/dynamo-registry.ts) implements it for the deployed guard and, over an embedded dynalite
 * store, for the CLI.
 */
import type { AccountState } from './accounts/account-state';
import type { Acknowledgement } from './ack/acknowledgement';
import type { Alert, ServiceConfig } from './model';
import type { AccountSnapshot } from './vendor-port';

export interface ServiceRecord {
  readonly service: ServiceConfig;
  /** Set when a deploy (or `check`) no longer declares the service; the record and its history stay. */
  readonly retired: boolean;
  readonly retiredAt?: string;
  readonly updatedAt: string;
  /**
   * The newest alert key claimed per alert kind (`{ expiry: 'live-rtc:expiry:2026-10-09:7' }`), so a
   * quiet cycle can tell from the service list alone that nothing new is due, without reading the ledger.
   */
  readonly lastAlertKeys: Readonly<Record<string, string>>;
}

export interface SyncResult {
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly retired: readonly string[];
  /** Previously retired services declared again. */
  readonly restored: readonly string[];
  readonly unchanged: number;
}

/** Delivery targets of an alert: `sns`, `eventbridge`, or `channel:<id>` for direct delivery (CLI --send). */
export type DeliveryTarget = string;

export interface LedgerEntry {
  readonly alert: Alert;
  readonly cycleId: string;
  /** ISO-8601 instant. */
  readonly claimedAt: string;
  /** Targets still owed a delivery; the entry sits in the outbox while this is non-empty. */
  readonly pendingTargets: readonly DeliveryTarget[];
  readonly deliveredTargets: readonly DeliveryTarget[];
  /**
   * ISO-8601 instant before which the entry is held in the outbox: a non-emergency alert decided during
   * quiet hours waits for them to end (`deliveryInstant` in lambda/core/policy). Absent: deliver at once.
   */
  readonly notBefore?: string;
  /** The cycle that took the entry over from the one that claimed it (see `takeOver`), and when. */
  readonly lease?: OutboxLease;
}

/** What one record step writes: the targets an alert reached, when, and whether that settles its entry. */
export interface RecordedDelivery {
  readonly targets: readonly DeliveryTarget[];
  /** ISO-8601 instant. */
  readonly at: string;
  readonly settles: boolean;
}

/** Who owes an outbox entry's delivery now: the claiming cycle, or the last cycle to take it over. */
export interface OutboxLease {
  readonly cycleId: string;
  /** ISO-8601 instant the lease was taken (the claim's instant for the claiming cycle). */
  readonly at: string;
}

/** The lease an entry is under: its last takeover, else its claim. */
export function leaseOf(entry: LedgerEntry): OutboxLease {
  return entry.lease ?? { cycleId: entry.cycleId, at: entry.claimedAt };
}

export interface Registry {
  /** Upserts declared services, marks undeclared ones retired, restores re-declared ones. Never deletes. */
  syncDeclaredServices(services: readonly ServiceConfig[], now: string): Promise<SyncResult>;
  /** Active services, or all with `includeRetired`. */
  listServices(options?: { includeRetired?: boolean }): Promise<ServiceRecord[]>;
  /**
   * Claims an alert key with a conditional write. True when this call created the ledger entry (the
   * caller then owns its delivery); false when the key was claimed before, by this or a concurrent cycle.
   * Also records the key in the service's `lastAlertKeys`.
   */
  claimAlert(entry: LedgerEntry): Promise<boolean>;
  /**
   * Takes over an outbox entry's delivery with a conditional write: true when the entry was still under
   * the lease `seen` (as read from the outbox) and is now under `by`, so of two cycles taking over one
   * abandoned entry only one delivers it; false when another took it, or it left the outbox, first.
   */
  takeOver(key: string, seen: OutboxLease, by: OutboxLease): Promise<boolean>;
  /**
   * Records targets of one alert as delivered, in one write whatever was recorded before (recording twice
   * records once). `settles`: these are every target the entry still owed (as the caller read it from the
   * outbox or claimed it), so the entry leaves the outbox in the same write. Pending targets only ever
   * shrink, so a caller's read is enough to know.
   */
  markDelivered(key: string, delivery: RecordedDelivery): Promise<void>;
  /** Ledger entries with pending targets, oldest first (claimed but not yet delivered everywhere). */
  listOutbox(): Promise<LedgerEntry[]>;
  /** The ledger entry of a key, if claimed. */
  getAlert(key: string): Promise<LedgerEntry | undefined>;
  /** The ledger entries of these keys that were claimed, in no particular order (a cycle's follow-ups at once). */
  getAlerts(keys: readonly string[]): Promise<LedgerEntry[]>;
  /** Every account's state (failure streak, low-balance episode, daily history): one partition. */
  listAccountStates(): Promise<AccountState[]>;
  /** Writes account states in batches; the last cycle to write an account's state wins. */
  saveAccountStates(states: readonly AccountState[]): Promise<void>;
  /** Keeps each poll's snapshot (without the raw answers) until its TTL. */
  saveSnapshots(snapshots: readonly AccountSnapshot[]): Promise<void>;
  /** An account's snapshots taken at or after `since` (ISO instant), oldest first. */
  listSnapshots(accountId: string, since: string): Promise<AccountSnapshot[]>;

  /**
   * Records an acknowledgement (or a snooze) of one alert key with a conditional write, so replays are
   * harmless: `recorded` when this call silenced the key for longer than before — nothing was recorded,
   * or a snooze is replaced by an acknowledgement or by a snooze that ends later — else `already`, and
   * nothing changes.
   *
   * How long it lasts needs no bookkeeping: keys name what they warn about (an expiry key carries the
   * expiry date and the tier), so the next tier is another key, and a renewal starts keys no
   * acknowledgement covers. The link handler and `renewal-guard ack` record on the episode's root key
   * (`ackRoot` in lambda/core/policy: an escalation's or a repeat's key acknowledges its episode), so look
   * acknowledgements up by root keys; `acknowledgedRoots` / `acknowledgementHolds` say whether one holds.
   */
  acknowledge(entry: Acknowledgement): Promise<'recorded' | 'already'>;
  /** The acknowledgement recorded on a key, if any (a snooze that has run out included). */
  getAcknowledgement(key: string): Promise<Acknowledgement | undefined>;
  /** The acknowledgements recorded on any of these keys (a cycle's alerts at once), in no particular order. */
  getAcknowledgements(keys: readonly string[]): Promise<Acknowledgement[]>;
}

/**
 * What the cycles (daily and watch) use of the registry: all of it but the two writes other roles own,
 * syncing the declared services (the registry-sync function, `check`) and recording acknowledgements (the
 * link handler, `ack`). The poller's adapter (lambda/aws/dynamo-cycle-registry.ts) implements only this,
 * so its bundle carries neither write.
 */
export type CycleRegistry = Omit<Registry, 'syncDeclaredServices' | 'acknowledge'>;
