import type { WorkingCalendar } from '../calendar/working-calendar';
import { dateOfEpochDay, epochDayOf } from '../dates';
import type { IsoDate } from '../model';

/** How far ahead the first working day after `today` is looked for (the calendar's own lookback bound). */
const MAX_LOOKAHEAD_DAYS = 367;

/** What every service evaluated on one day shares: `today` as an epoch day, and the next working day. */
export interface DayContext {
  readonly today: IsoDate;
  readonly todayDay: number;
  /** Epoch day of the first working day after `today`; undefined when none is near (a corrupt calendar). */
  readonly nextWorkingDay: number | undefined;
}

// One entry per calendar: a cycle evaluates every service against one calendar on one day, so the
// entry is computed once per cycle and then only read. A WeakMap keeps no calendar alive.
const dayContexts = new WeakMap<WorkingCalendar, DayContext>();

export function dayContext(calendar: WorkingCalendar, today: IsoDate): DayContext {
  const cached = dayContexts.get(calendar);
  if (cached?.today === today) return cached;
  const todayDay = epochDayOf(today);
  let nextWorkingDay: number | undefined;
  for (let day = todayDay + 1; day <= todayDay + MAX_LOOKAHEAD_DAYS; day++) {
    if (calendar.isWorkingDay(dateOfEpochDay(day))) {
      nextWorkingDay = day;
      break;
    }
  }
  const context = { today, todayDay, nextWorkingDay };
  dayContexts.set(calendar, context);
  return context;
}

/**
 * The most urgent tier of an expiry whose delivery day has come by `today`, without placing every tier.
 *
 * A tier d ≠ 0 is delivered on the closest working day on or before E − d (`placeTiers`). That day is on
 * or before `today` exactly when no working day lies in (today, E − d], that is when E − d comes before
 * the first working day after `today` (N): d > E − N. Delivery days only move earlier as d grows, and
 * tiers that collapse onto one day keep the smallest, so the due tier is the smallest d > E − N. Tier 0
 * (never moved) is due only from E on, which the caller handles before asking.
 *
 * @returns the tier, or undefined when none is due yet
 */
export function dueTier(expiresOnDay: number, tiers: readonly number[], nextWorkingDay: number): number | undefined {
  const cutoff = expiresOnDay - nextWorkingDay;
  let due: number | undefined;
  for (const tier of tiers) {
    if (tier !== 0 && tier > cutoff && (due === undefined || tier < due)) due = tier;
  }
  return due;
}
