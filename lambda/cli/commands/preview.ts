import { WorkingCalendar } from '../../core/calendar/working-calendar';
import { isCalendarDate, localDate } from '../../core/dates';
import type { Alert, GuardConfig, IsoDate } from '../../core/model';
import { expiryRemindersBetween, indexChannels } from '../../core/reminders';
import { CliError, type CliIo, printJson } from '../cli-io';
import { loadCliConfig, printWarnings } from '../load-cli-config';
import { renderTable } from '../table';

export interface PreviewOptions {
  readonly config?: string;
  readonly from?: string;
  readonly days?: string;
  readonly json?: boolean;
}

/** One reminder as `preview --json` prints it (contract section 4). */
export interface PreviewItem {
  readonly date: IsoDate;
  readonly serviceId: string;
  readonly kind: string;
  readonly tier: number;
  readonly daysLeft: number;
  readonly severity: string;
  readonly channels: readonly string[];
}

export function previewCommand(options: PreviewOptions, io: CliIo): number {
  const { config, warnings } = loadCliConfig(options.config, io);
  const from = options.from ?? localDate(io.now(), config.timeZone);
  if (!isCalendarDate(from)) throw new CliError(`--from: "${from}" is not a calendar date (expected YYYY-MM-DD)`, 2);
  const days = options.days === undefined ? 90 : Number(options.days);
  if (!Number.isInteger(days) || days < 1 || days > 3660) {
    throw new CliError(`--days: "${options.days}" must be a whole number of days from 1 to 3660`, 2);
  }

  const items = previewReminders(config, from, days);
  if (options.json) {
    printJson(io, items);
    return 0;
  }
  printWarnings(io, warnings);
  if (items.length === 0) {
    io.stdout(`No reminders from ${from} over the next ${days} days.\n`);
    return 0;
  }
  io.stdout(
    `Reminders from ${from} over the next ${days} days (${config.timeZone}, calendar ${config.calendar.spec}):\n\n`,
  );
  io.stdout(
    renderTable(
      ['date', 'service', 'tier', 'days left', 'severity', 'channels'],
      items.map((i) => [
        i.date,
        i.serviceId,
        i.tier === 0 ? 'expiry' : `${i.tier}d`,
        String(i.daysLeft),
        i.severity,
        i.channels.join(',') || '(none)',
      ]),
    ),
  );
  return 0;
}

/** Every reminder daily cycles from `from` would send over `days` days, sorted by date then service. */
export function previewReminders(config: GuardConfig, from: IsoDate, days: number): PreviewItem[] {
  const ctx = { calendar: new WorkingCalendar(config.calendar), channels: indexChannels(config.channels) };
  const alerts: Alert[] = config.services.flatMap((s) => expiryRemindersBetween(s, from, days, ctx));
  return alerts
    .map((a) => ({
      date: a.date,
      serviceId: a.serviceId!,
      kind: a.kind,
      tier: a.tier!,
      daysLeft: a.daysLeft!,
      severity: a.severity,
      channels: a.channels,
    }))
    .sort((a, b) =>
      a.date !== b.date
        ? a.date < b.date
          ? -1
          : 1
        : a.serviceId < b.serviceId
          ? -1
          : a.serviceId > b.serviceId
            ? 1
            : 0,
    );
}
