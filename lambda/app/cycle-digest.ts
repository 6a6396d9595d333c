/**
 * The weekly digest, sent by the first cycle at or after its slot (`digest.weekday` at `digest.time` in
 * the guard's zone; the construct also schedules a run at that slot). Its ledger key names the slot's
 * day, so every cycle of the week checks it with one read and a digest goes out once per slot.
 */
import { balanceAlertKey, blindSpotAlertKey, type AccountState } from '../core/accounts';
import { localDate } from '../core/dates';
import type { Alert, GuardConfig, ServiceConfig } from '../core/model';
import { ackRoot, buildDigest, digestAlert, digestKey, latestDigestSlot } from '../core/policy';
import type { CycleRegistry, ServiceRecord } from '../core/registry-port';

export interface DigestDeps {
  readonly registry: CycleRegistry;
  readonly now: Date;
}

/**
 * The digest alert this cycle owes, or undefined when no digest is configured or this slot's digest was
 * claimed already. Reads the ledger entries of every service's newest alerts and their acknowledgements
 * only when a digest is actually due (once a week).
 */
export async function dueDigest(
  config: GuardConfig,
  records: readonly ServiceRecord[],
  services: readonly ServiceConfig[],
  deps: DigestDeps,
): Promise<Alert | undefined> {
  const slot = latestDigestSlot(deps.now, config);
  if (!slot) return undefined;
  const key = digestKey(localDate(slot, config.timeZone));
  if (await deps.registry.getAlert(key)) return undefined;

  const accountStates = await deps.registry.listAccountStates();
  const newestKeys = [...records.flatMap((r) => Object.values(r.lastAlertKeys)), ...accountAlertKeys(accountStates)];
  const fired = newestKeys.length === 0 ? [] : await deps.registry.getAlerts(newestKeys);
  const firedAlerts = fired.map((entry) => entry.alert);
  const acknowledgements =
    firedAlerts.length === 0
      ? []
      : await deps.registry.getAcknowledgements([...new Set(firedAlerts.map((a) => ackRoot(a.key)))]);
  const today = localDate(deps.now, config.timeZone);
  const digest = buildDigest({ now: deps.now, today, services, accountStates, firedAlerts, acknowledgements }, config);
  return { ...digestAlert(digest, config), key };
}

/**
 * The keys an account's open episodes may have fired under: the service list keeps no newest keys for
 * accounts, and these are named after the episode's start.
 */
function accountAlertKeys(states: readonly AccountState[]): string[] {
  return states.flatMap((s) => [
    ...(s.lowBalanceSince === undefined
      ? []
      : (['warning', 'critical', 'emergency'] as const).map((severity) =>
          balanceAlertKey(s.accountId, s.lowBalanceSince!, severity),
        )),
    ...(s.failingSince === undefined ? [] : [blindSpotAlertKey(s.accountId, s.failingSince)]),
  ]);
}
