/**
 * The custom metrics a month of daily cycles publishes, computed by the poller's own code
 * (lambda/app/cycle-metrics.ts) rather than read from the cycle benchmark's results: the metrics depend
 * on the construct's `detailedMetrics`, and on the days alerts of each severity fire (those series are
 * published only then), so the month is replayed day by day for each setting.
 *
 * Each day: every account reports what the cycle benchmark's LatencyVendor reports (a balance, a day of
 * spend, a runway), and the alerts are the reminders the core places on that day
 * (`expiryRemindersBetween`, as the cycle benchmark counts a month's alerts). CloudWatch bills a series
 * for each hour in which it receives data: one hour per cycle that publishes it.
 */
import { cycleMetrics, type MetricDatum } from '../../lambda/app/cycle-metrics';
import type { AccountReport } from '../../lambda/app/poll-accounts';
import type { CycleReport } from '../../lambda/app/run-cycle';
import { emfDocuments } from '../../lambda/aws/emf-metrics';
import { WorkingCalendar } from '../../lambda/core/calendar/working-calendar';
import { addDays } from '../../lambda/core/dates';
import type { Alert, GuardConfig } from '../../lambda/core/model';
import { expiryRemindersBetween, indexChannels } from '../../lambda/core/reminders';

/** The cycle benchmark's daily cycle; the month replayed is the 30 days after it. */
const DAILY_DATE = '2026-10-13';
const CYCLES = 30;

export interface MetricMonth {
  /** Distinct series published at least once in the month. */
  readonly distinctSeries: number;
  /** Series-hours billed: the sum over cycles of the series each publishes. */
  readonly seriesHours: number;
  /** EMF bytes a cycle writes, averaged over the month. */
  readonly emfBytesPerCycle: number;
  /** Distinct series by metric name. */
  readonly byName: Readonly<Record<string, number>>;
}

export interface MetricMonthOptions {
  readonly detailed: boolean;
  /** cycle-metrics' `daysToExpiryWindow` (with `detailed`). */
  readonly daysToExpiryWindow?: number;
}

/** Alerts by the day they fire, for the 30 days after DAILY_DATE (computed once per config). */
export function alertsByDay(config: GuardConfig): Map<string, Alert[]> {
  const ctx = { calendar: new WorkingCalendar(config.calendar), channels: indexChannels(config.channels) };
  const byDay = new Map<string, Alert[]>();
  for (const service of config.services) {
    for (const alert of expiryRemindersBetween(service, DAILY_DATE, CYCLES + 1, ctx)) {
      if (alert.date <= DAILY_DATE) continue;
      const list = byDay.get(alert.date);
      if (list) list.push(alert);
      else byDay.set(alert.date, [alert]);
    }
  }
  return byDay;
}

export function metricMonth(
  config: GuardConfig,
  alerts: ReadonlyMap<string, readonly Alert[]>,
  options: MetricMonthOptions,
): MetricMonth {
  const accounts: AccountReport[] = config.accounts.map((a, i) => ({
    id: a.id,
    vendor: a.vendor,
    status: 'ok',
    balance: { amount: 5000, currency: 'USD' },
    runwayDays: 400 + i,
    snapshot: {
      accountId: a.id,
      vendor: a.vendor,
      takenAt: `${DAILY_DATE}T01:30:00Z`,
      balance: { amount: 5000, currency: 'USD' },
      dailySpend: [{ date: DAILY_DATE, amount: 12.5, unit: 'USD' }],
      entitlements: [],
    },
  }));
  const distinct = new Map<string, string>();
  let seriesHours = 0;
  let emfBytes = 0;
  for (let day = 1; day <= CYCLES; day++) {
    const today = addDays(DAILY_DATE, day);
    const report: CycleReport = {
      cycleId: `month-${day}`,
      now: `${today}T09:30:00+08:00`,
      today,
      servicesEvaluated: config.services.length,
      accounts,
      alerts: alerts.get(today) ?? [],
      deliveries: [],
      held: [],
    };
    const datums = cycleMetrics(report, config, { guardName: 'RenewalGuard', ...options });
    const today_ = new Set(datums.map(seriesKey));
    seriesHours += today_.size;
    for (const datum of datums) distinct.set(seriesKey(datum), datum.name);
    const documents = emfDocuments(datums, { timestamp: new Date(`${today}T01:30:00Z`) });
    emfBytes += documents.reduce((sum, d) => sum + Buffer.byteLength(JSON.stringify(d)) + 1, 0);
  }
  const byName: Record<string, number> = {};
  for (const name of distinct.values()) byName[name] = (byName[name] ?? 0) + 1;
  return { distinctSeries: distinct.size, seriesHours, emfBytesPerCycle: emfBytes / CYCLES, byName };
}

function seriesKey(datum: MetricDatum): string {
  return `${datum.name} ${JSON.stringify(datum.dimensions)}`;
}
