/**
 * A day-by-day simulator of the guard's cycles over the pure policy, with an in-memory ledger: what the
 * deployed cycle does (decide, then claim each key once), minus the I/O. The property tests drive it
 * with random registries, calendars, zones, outages, retries, renewals and acknowledgements.
 */
import type { WorkingCalendar } from '../../../lambda/core/calendar';
import { addDays, compareDates, localTime, zonedDateTimeToInstant } from '../../../lambda/core/dates';
import type { Alert, GuardConfig, IsoDate, ServiceConfig } from '../../../lambda/core/model';
import { decideCycleAlerts, type AccountFacts, type AcknowledgementFact } from '../../../lambda/core/policy';

export interface SimulatedService {
  readonly service: ServiceConfig;
  /** From `on`, the registry shows the renewed expiry (a manual mark, or the vendor's new date). */
  readonly renewal?: { readonly on: IsoDate; readonly expiresOn: IsoDate };
}

export interface Simulation {
  readonly config: GuardConfig;
  readonly calendar: WorkingCalendar;
  readonly services: readonly SimulatedService[];
  /** Account facts as each day's poll would report them. */
  readonly accounts?: (day: IsoDate) => ReadonlyMap<string, AccountFacts>;
  readonly from: IsoDate;
  readonly days: number;
  /** Days on which no cycle runs (an outage, a failed deploy). */
  readonly missed?: ReadonlySet<IsoDate>;
  /** Days on which the cycle runs a second time a few minutes later (a retry). */
  readonly doubled?: ReadonlySet<IsoDate>;
  /** Whether someone acknowledges an alert right after it fires. */
  readonly acknowledges?: (alert: Alert) => boolean;
}

export interface FiredAlert {
  readonly alert: Alert;
  /** The day of the cycle that claimed it, and which run of that day (0, or 1 for a retry). */
  readonly day: IsoDate;
  readonly run: number;
  readonly now: Date;
}

export interface CycleRun {
  readonly day: IsoDate;
  readonly run: number;
  readonly now: Date;
  readonly services: readonly ServiceConfig[];
  readonly claimed: readonly Alert[];
}

export interface SimulationResult {
  readonly fired: readonly FiredAlert[];
  readonly cycles: readonly CycleRun[];
  /** Key → the day it was acknowledged. */
  readonly acknowledgedOn: ReadonlyMap<string, IsoDate>;
}

export function simulate(sim: Simulation): SimulationResult {
  const ledger = new Map<string, IsoDate>();
  const acks: AcknowledgementFact[] = [];
  const acknowledgedOn = new Map<string, IsoDate>();
  const watched = new Map<string, IsoDate>();
  const fired: FiredAlert[] = [];
  const cycles: CycleRun[] = [];

  let checkAt = zonedDateTimeToInstant(sim.from, sim.config.checkTime, sim.config.timeZone);
  for (let i = 0; i < sim.days; i++) {
    const day = addDays(sim.from, i);
    // the next day's check is 24 hours later unless the zone's offset changed: then ask the zone again
    if (i > 0) checkAt = new Date(checkAt.getTime() + 86_400_000);
    if (i > 0 && localTime(checkAt, sim.config.timeZone) !== sim.config.checkTime) {
      checkAt = zonedDateTimeToInstant(day, sim.config.checkTime, sim.config.timeZone);
    }
    if (sim.missed?.has(day)) continue;
    const services = sim.services.map(({ service, renewal }) =>
      renewal && compareDates(day, renewal.on) >= 0 ? { ...service, expiresOn: renewal.expiresOn } : service,
    );
    const runs = sim.doubled?.has(day) ? 2 : 1;
    for (let run = 0; run < runs; run++) {
      const now = new Date(checkAt.getTime() + run * 300_000);
      const due = decideCycleAlerts(
        {
          now,
          services,
          accounts: sim.accounts?.(day) ?? new Map(),
          accountAlerts: [],
          watchedExpiry: watched,
          ledger: { firedOn: ledger, acknowledgements: acks },
        },
        sim.config,
        sim.calendar,
      );
      const claimed: Alert[] = [];
      for (const alert of due) {
        if (ledger.has(alert.key)) continue;
        ledger.set(alert.key, day);
        claimed.push(alert);
        fired.push({ alert, day, run, now });
        if (alert.kind === 'expiry' && alert.serviceId !== undefined && alert.expiresOn !== undefined) {
          watched.set(alert.serviceId, alert.expiresOn);
        }
        if (sim.acknowledges?.(alert)) {
          acks.push({ key: alert.key });
          acknowledgedOn.set(alert.key, day);
        }
      }
      cycles.push({ day, run, now, services, claimed });
    }
  }
  return { fired, cycles, acknowledgedOn };
}
