/**
 * The cycle's quantity reminders: for each `package` service that names its vendor entitlement, the
 * remaining quantity its account's recent snapshots report (one registry query per such account, only
 * for accounts read this cycle), turned into a runway by the pure core (lambda/core/reminders).
 */
import type { WorkingCalendar } from '../core/calendar/working-calendar';
import { localDate } from '../core/dates';
import type { Alert, ChannelConfig, GuardConfig, ServiceConfig } from '../core/model';
import type { CycleRegistry } from '../core/registry-port';
import { dueQuantityReminder, quantityRunway, type QuantityPoint } from '../core/reminders/quantity-runway';
import type { AccountSnapshot } from '../core/vendor-port';

/** How far back the daily use is measured. */
export const QUANTITY_WINDOW_DAYS = 14;

export async function quantityReminders(
  services: readonly ServiceConfig[],
  current: ReadonlyMap<string, AccountSnapshot>,
  deps: {
    readonly registry: CycleRegistry;
    readonly now: Date;
    readonly config: Pick<GuardConfig, 'timeZone'>;
    readonly calendar: WorkingCalendar;
    readonly channels: ReadonlyMap<string, ChannelConfig>;
  },
): Promise<Alert[]> {
  const watched = services.filter(
    (s) => s.kind === 'package' && s.entitlement !== undefined && s.account !== undefined && current.has(s.account),
  );
  if (watched.length === 0) return [];
  const since = new Date(deps.now.getTime() - QUANTITY_WINDOW_DAYS * 86_400_000).toISOString();
  const today = localDate(deps.now, deps.config.timeZone);
  const history = new Map<string, AccountSnapshot[]>();
  for (const accountId of new Set(watched.map((s) => s.account!))) {
    const stored = await deps.registry.listSnapshots(accountId, since);
    history.set(accountId, [...stored, current.get(accountId)!]);
  }
  const alerts: Alert[] = [];
  for (const service of watched) {
    const points: QuantityPoint[] = [];
    for (const snapshot of history.get(service.account!) ?? []) {
      const e =
        snapshot.entitlements.find((x) => x.id === service.entitlement) ??
        snapshot.entitlements.find((x) => x.name === service.entitlement);
      if (e?.remaining === undefined) continue;
      points.push({
        date: localDate(new Date(snapshot.takenAt), deps.config.timeZone),
        remaining: e.remaining,
        ...(e.unit !== undefined && { unit: e.unit }),
      });
    }
    const alert = dueQuantityReminder(service, quantityRunway(points, today), today, deps);
    if (alert) alerts.push(alert);
  }
  return alerts;
}
