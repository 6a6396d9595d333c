import { WorkingCalendar } from '../calendar/working-calendar';
import { addDays } from '../dates';
import type { IsoDate } from '../model';

/** Where one reminder tier of one expiry lands. */
export interface TierPlacement {
  readonly tier: number;
  /** Expiry − tier, in calendar days. */
  readonly dueOn: IsoDate;
  /** The delivery day: `dueOn`, or the closest preceding working day. */
  readonly date: IsoDate;
}

/**
 * Places each tier of an expiry on a delivery day: due on E − d, moved to the closest preceding working
 * day when that is not one (a reminder must never land on a day nobody works — so it comes early, never
 * late). Tiers that land on the same day collapse into the most urgent one. Sorted by date, ascending.
 *
 * Tier 0 (the expiry day itself) is never moved: "expires today" sent on an earlier day would be false.
 */
export function placeTiers(expiresOn: IsoDate, tiers: readonly number[], calendar: WorkingCalendar): TierPlacement[] {
  const byDate = new Map<IsoDate, TierPlacement>();
  for (const tier of tiers) {
    const dueOn = addDays(expiresOn, -tier);
    const date = tier === 0 ? dueOn : calendar.precedingWorkingDay(dueOn);
    const existing = byDate.get(date);
    if (!existing || tier < existing.tier) byDate.set(date, { tier, dueOn, date });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
