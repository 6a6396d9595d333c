/**
 * When an EventBridge Scheduler schedule fires on a given local date: the instant of its
 * `cron(minutes hours day-of-month month day-of-week year)` expression in its time zone. Covers the
 * shapes a guard synthesizes — fixed minutes and hours, every day or some weekdays — and names anything
 * else instead of guessing.
 */
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export function firingOn(expression: string, timeZone: string, localDate: string): Date | undefined {
  const fields = /^cron\((.*)\)$/.exec(expression)?.[1]?.trim().split(/\s+/);
  const unsupported = () => new Error(`schedule expression ${expression} is beyond what the emulation fires`);
  if (!fields || fields.length !== 6) throw unsupported();
  const [minute, hour, dayOfMonth, month, dayOfWeek, year] = fields as [string, string, string, string, string, string];
  if (!/^\d+$/.test(minute) || !/^\d+$/.test(hour) || month !== '*' || year !== '*') throw unsupported();
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  if (dayOfWeek === '?' || dayOfWeek === '*') {
    if (dayOfMonth !== '*' && dayOfMonth !== '?') throw unsupported();
  } else {
    if (dayOfMonth !== '?') throw unsupported();
    const days = dayOfWeek.split(',').map((t) => (/^\d$/.test(t) ? WEEKDAYS[Number(t) - 1] : t.toUpperCase()));
    if (days.some((t) => t === undefined || !WEEKDAYS.includes(t))) throw unsupported();
    if (!days.includes(weekday)) return undefined;
  }
  return zonedInstant(y, m, d, Number(hour), Number(minute), timeZone);
}

/** The UTC instant of a wall-clock time in an IANA zone (the offset found with Intl, then checked). */
function zonedInstant(y: number, m: number, d: number, hour: number, minute: number, timeZone: string): Date {
  const guess = Date.UTC(y, m - 1, d, hour, minute);
  const offset = (at: number) => {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(new Date(at));
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - at;
  };
  const instant = guess - offset(guess - offset(guess));
  if (instant + offset(instant) !== guess) {
    throw new Error(`${y}-${m}-${d} ${hour}:${minute} does not exist in ${timeZone} (a clock change)`);
  }
  return new Date(instant);
}
