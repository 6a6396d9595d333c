/**
 * Account items: one state item per account in a single partition (read with one paginated Query per
 * cycle, whatever the number of accounts), and one snapshot item per account and poll, kept for
 * diagnosis and history until TTL removes it.
 *
 * | item     | pk                       | sk            | attributes                                  |
 * |----------|--------------------------|---------------|---------------------------------------------|
 * | state    | `ACCOUNT`                | `<accountId>` | state (map: AccountState)                   |
 * | snapshot | `SNAPSHOT#<accountId>`   | `<takenAt>`   | snapshot (map, without raw), expiresAt (TTL) |
 */
import type { Item } from './registry-items';
import {
  REGISTRY_PARTITION_KEY,
  REGISTRY_PARTITIONS,
  REGISTRY_SORT_KEY,
  REGISTRY_TTL_ATTRIBUTE,
} from '../../../src/shared/registry-schema';
import type { AccountState } from '../../core/accounts/account-state';
import type { AccountSnapshot } from '../../core/vendor-port';

export const ACCOUNT_PARTITION = REGISTRY_PARTITIONS.accounts;
export const SNAPSHOT_PARTITION_PREFIX = REGISTRY_PARTITIONS.snapshotPrefix;
/** Snapshots outlive the history the balance rules read (two months) with room for an investigation. */
export const SNAPSHOT_RETENTION_DAYS = 90;

export function toAccountStateItem(state: AccountState): Item {
  return {
    [REGISTRY_PARTITION_KEY]: ACCOUNT_PARTITION,
    [REGISTRY_SORT_KEY]: state.accountId,
    state: stripUndefined(state),
  };
}

export function fromAccountStateItem(item: Item): AccountState {
  const state = item.state as AccountState;
  return { ...state, history: state.history ?? [], consecutiveFailures: state.consecutiveFailures ?? 0 };
}

export function toSnapshotItem(snapshot: AccountSnapshot): Item {
  // raw answers can be large, and per-app usage grows with the apps (Agora: every project, 30 days each):
  // the cycle report carries both, and nothing reads them back from the registry
  const { raw: _raw, scopedUsage: _scoped, ...kept } = snapshot;
  const expiresAt = Math.floor(Date.parse(snapshot.takenAt) / 1000) + SNAPSHOT_RETENTION_DAYS * 86_400;
  return {
    [REGISTRY_PARTITION_KEY]: `${SNAPSHOT_PARTITION_PREFIX}${snapshot.accountId}`,
    [REGISTRY_SORT_KEY]: snapshot.takenAt,
    snapshot: stripUndefined(kept),
    [REGISTRY_TTL_ATTRIBUTE]: expiresAt,
  };
}

export function fromSnapshotItem(item: Item): AccountSnapshot {
  return item.snapshot as AccountSnapshot;
}

/** DynamoDB's document marshaller rejects undefined values; optional fields are simply left out. */
function stripUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
