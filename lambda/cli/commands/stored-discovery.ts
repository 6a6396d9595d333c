/**
 * Discovery for `preview`: what the last `check` read from the vendors (its stored snapshots) that no
 * service of the document claims, as preview items on the first day (the notice a check would send).
 */
import { existsSync } from 'node:fs';
import type { PreviewItem } from './preview';
import { notInInventoryAlert, unclaimedEntitlements } from '../../core/inventory/unclaimed-entitlements';
import type { GuardConfig, IsoDate } from '../../core/model';
import { indexChannels } from '../../core/reminders';
import { openEmbeddedStore } from '../embedded-store';

/** How far back a snapshot still speaks for an account (a week of missed checks). */
const SNAPSHOT_WINDOW_MS = 8 * 86_400_000;

export async function storedNotInInventory(
  storeDir: string,
  config: GuardConfig,
  from: IsoDate,
  now: Date,
): Promise<PreviewItem[]> {
  const polled = config.accounts.filter((a) => a.vendor !== 'manual');
  if (polled.length === 0 || !existsSync(storeDir)) return [];
  const since = new Date(now.getTime() - SNAPSHOT_WINDOW_MS).toISOString();
  const store = await openEmbeddedStore({ dir: storeDir });
  let reported;
  try {
    reported = await Promise.all(
      polled.map(async (account) => {
        const snapshots = await store.registry.listSnapshots(account.id, since);
        const last = snapshots[snapshots.length - 1];
        return { accountId: account.id, vendor: account.vendor, entitlements: last?.entitlements ?? [] };
      }),
    );
  } finally {
    await store.close();
  }
  const channels = indexChannels(config.channels);
  return unclaimedEntitlements(config.services, reported).map((u) => {
    const a = notInInventoryAlert(u, from, channels);
    return {
      date: a.date,
      accountId: u.accountId,
      kind: a.kind,
      severity: a.severity,
      channels: a.channels,
      key: a.key,
      message: a.message,
    };
  });
}

/** Preview items merged in preview's order: date, then subject (service or account id), then key. */
export function mergePreviewItems(a: readonly PreviewItem[], b: readonly PreviewItem[]): PreviewItem[] {
  const subject = (i: PreviewItem) => i.serviceId ?? i.accountId ?? '';
  return [...a, ...b].sort((x, y) =>
    x.date !== y.date
      ? x.date < y.date
        ? -1
        : 1
      : subject(x) !== subject(y)
        ? subject(x) < subject(y)
          ? -1
          : 1
        : x.key < y.key
          ? -1
          : x.key > y.key
            ? 1
            : 0,
  );
}
