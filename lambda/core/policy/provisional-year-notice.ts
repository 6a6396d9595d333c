/**
 * The operators' notice that next year's CN holidays are still estimated: from November 1 (the State
 * Council publishes the next year's schedule in the autumn), once per year (the key names the year), on
 * a working day, to every channel that takes warnings. It goes away by itself once the year is declared
 * (`coveredYears`) or built in.
 */
import { yearOf } from '../dates';
import type { Alert } from '../model';
import { GUARD_SUBJECT } from './policy-keys';
import { deliverableToday, type ServiceRuleContext } from './service-alert';

/** The first month the notice can come in (November). */
const FIRST_MONTH = 11;

export function provisionalYearNotice(spec: string, ctx: ServiceRuleContext): Alert | undefined {
  if (spec !== 'CN') return undefined;
  const next = yearOf(ctx.today) + 1;
  if (Number(ctx.today.slice(5, 7)) < FIRST_MONTH || ctx.calendar.hasDataFor(next)) return undefined;
  if (!deliverableToday('warning', ctx)) return undefined;
  const channels = [...ctx.channels.values()]
    .filter((c) => c.minSeverity === 'info' || c.minSeverity === 'warning')
    .map((c) => c.id);
  return {
    key: provisionalYearKey(next),
    kind: 'calendar-provisional',
    severity: 'warning',
    date: ctx.today,
    owners: [],
    channels,
    message:
      `The CN working-day calendar has no official holiday data for ${next}: ` +
      (ctx.calendar.isProvisionalYear(next)
        ? `its festivals are estimated from the lunar calendar (Spring Festival from the day before 除夕 through ` +
          `初八, Labour Day May 1-5, National Day October 1-7, the others with their weekend) and treated as ` +
          `non-working, so reminders in ${next} may come earlier than the official schedule needs, never later. `
        : `this deployment resolved no estimate for it either (none of its dates needed ${next} when it was ` +
          `synthesized), so weekends alone are used there until it is redeployed. `) +
      `When the State Council publishes the ${next} schedule, declare it, then redeploy: calendar: { base: CN, ` +
      `holidays: [<blocks as YYYY-MM-DD/YYYY-MM-DD>], workdays: [<make-up workdays>], coveredYears: [${next}] } ` +
      `in the config file, or the calendarDays prop.`,
  };
}

/** `_guard:calendar-provisional:2027`: one notice per estimated year. */
export function provisionalYearKey(year: number): string {
  return `${GUARD_SUBJECT}:calendar-provisional:${year}`;
}
