/**
 * What a cycle reads of the ledger before the policy decides, kept to the few keys that need it: the
 * service list's `lastAlertKeys` already say which alerts fired, so a quiet cycle reads no ledger at all,
 * and only critical and emergency alerts that fired before (candidates for a repeat or an escalation)
 * cost a batched read of their claim and their acknowledgements.
 */
import { localDate } from '../core/dates';
import type { Alert, IsoDate } from '../core/model';
import { ackRoot, type LedgerFacts } from '../core/policy';
import type { CycleRegistry, ServiceRecord } from '../core/registry-port';

export const EMPTY_LEDGER: LedgerFacts = { firedOn: new Map(), acknowledgements: [] };

const EXPIRY_IN_KEY = /:expiry:(\d{4}-\d{2}-\d{2}):\d+$/;

/**
 * Per service: the expiry date its newest expiry alert warned about (`live-rtc:expiry:2026-10-09:7`, or
 * that key's escalation or repeat). Renewal confirmation compares it with the expiry as it stands now.
 */
export function watchedExpiries(records: readonly ServiceRecord[]): Map<string, IsoDate> {
  const watched = new Map<string, IsoDate>();
  for (const record of records) {
    const key = record.lastAlertKeys.expiry;
    const match = key === undefined ? null : EXPIRY_IN_KEY.exec(ackRoot(key));
    if (match) watched.set(record.service.id, match[1]!);
  }
  return watched;
}

/**
 * Whether the service list shows `alert` claimed already: its key is the newest of its kind, or the
 * newest is a follow-up (escalation, repeat) of it. Such alerts skip the claim, which would only fail.
 * Account alerts have no list entry: their claim (one conditional write) is what tells.
 */
export function claimedPerServiceList(
  alert: Alert,
  lastKeys: ReadonlyMap<string, Readonly<Record<string, string>>>,
): boolean {
  if (alert.serviceId === undefined) return false;
  const newest = lastKeys.get(alert.serviceId)?.[alert.kind];
  return newest !== undefined && (newest === alert.key || ackRoot(newest) === alert.key);
}

/**
 * The ledger facts the escalation ladder needs about this cycle's due alerts: the local day each
 * critical or emergency alert was first claimed, and the acknowledgements of those claimed before today.
 * Reads nothing when no such alert has fired before.
 */
export async function ledgerFactsFor(
  due: readonly Alert[],
  lastKeys: ReadonlyMap<string, Readonly<Record<string, string>>>,
  deps: { readonly registry: CycleRegistry; readonly today: IsoDate; readonly timeZone: string },
): Promise<LedgerFacts> {
  const followable = due.filter(
    (a) =>
      (a.severity === 'critical' || a.severity === 'emergency') &&
      (a.serviceId === undefined || claimedPerServiceList(a, lastKeys)),
  );
  if (followable.length === 0) return EMPTY_LEDGER;

  const firedOn = new Map<string, IsoDate>();
  for (const entry of await deps.registry.getAlerts(followable.map((a) => a.key))) {
    firedOn.set(entry.alert.key, localDate(new Date(entry.claimedAt), deps.timeZone));
  }
  const earlier = [...firedOn].filter(([, day]) => day < deps.today).map(([key]) => key);
  const acknowledgements = earlier.length === 0 ? [] : await deps.registry.getAcknowledgements(earlier);
  return { firedOn, acknowledgements };
}

/** Service id → its `lastAlertKeys`, the index both functions above read. */
export function lastAlertKeysById(records: readonly ServiceRecord[]): Map<string, Readonly<Record<string, string>>> {
  return new Map(records.map((r) => [r.service.id, r.lastAlertKeys]));
}
