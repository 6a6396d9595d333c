/**
 * The CloudWatch metrics of one cycle, as data: the poller hands them to the EMF writer
 * (lambda/aws/emf-metrics.ts); names and dimensions come from src/shared/metrics-schema.ts, which the
 * construct's metric methods, alarms and dashboard read too.
 *
 * Cost is the design constraint. CloudWatch bills every custom metric (every distinct name and set of
 * dimension values) at $0.30 a month for the first 10,000, "prorated by the hour and metered only when
 * you send metrics to CloudWatch" (aws.amazon.com/cloudwatch/pricing; AWS CloudWatch user guide, "Analyzing,
 * optimizing, and reducing CloudWatch costs"). One `DaysToExpiry` per service would make 10,000 services
 * 10,000 metrics: up to $3,000 a month, and still about $120 if a once-a-day datapoint is metered as a
 * single hour (30/730 of the monthly price), against a target of $5 for the whole guard. So a service's
 * `DaysToExpiry` is published only while its expiry is within its reminder horizon (its largest tier, 60
 * days by default) or already past: that is when an alarm or a dashboard has something to say about it,
 * and a metric that is not published costs nothing. With expiries spread over a year that is about a
 * sixth of the services; `daysToExpiryWindow` narrows it further. Everything else is one metric per
 * account or per guard.
 */
import type { CycleReport } from './run-cycle';
import {
  DIMENSION_ACCOUNT,
  DIMENSION_GUARD,
  DIMENSION_SERVICE,
  METRIC_ALERTS_SENT,
  METRIC_BALANCE,
  METRIC_CYCLE_COMPLETED,
  METRIC_DAYS_TO_EXPIRY,
  METRIC_POLL_FAILURES,
  METRIC_RUNWAY_DAYS,
  METRIC_SPEND_PER_DAY,
} from '../../src/shared/metrics-schema';
import { daysBetween } from '../core/dates';
import type { GuardConfig, IsoDate, ServiceConfig } from '../core/model';
import type { AccountSnapshot } from '../core/vendor-port';

/** CloudWatch has no unit for days or for money: both go out as `None`. */
export type MetricUnit = 'Count' | 'None';

/** One value of one metric; the writer groups these into EMF documents. */
export interface MetricDatum {
  readonly name: string;
  readonly unit: MetricUnit;
  readonly value: number;
  /** Dimension name → value; always includes the `Guard` dimension. */
  readonly dimensions: Readonly<Record<string, string>>;
}

export interface CycleMetricsOptions {
  /** The `Guard` dimension's value: the construct passes it in `RENEWAL_GUARD_NAME`. */
  readonly guardName: string;
  /**
   * Publish `DaysToExpiry` for a service whose expiry is at most this many days away (or past).
   * @default each service's largest reminder tier
   */
  readonly daysToExpiryWindow?: number;
}

/** Days of vendor-reported spend averaged into `SpendPerDay`: smooths weekends, still follows a trend. */
export const SPEND_PER_DAY_WINDOW = 14;

export function cycleMetrics(report: CycleReport, config: GuardConfig, options: CycleMetricsOptions): MetricDatum[] {
  const guard = { [DIMENSION_GUARD]: options.guardName };
  const datums: MetricDatum[] = [
    { name: METRIC_CYCLE_COMPLETED, unit: 'Count', value: 1, dimensions: guard },
    {
      name: METRIC_POLL_FAILURES,
      unit: 'Count',
      value: report.accounts.filter((a) => a.status === 'failed').length,
      dimensions: guard,
    },
    { name: METRIC_ALERTS_SENT, unit: 'Count', value: report.alerts.length, dimensions: guard },
  ];

  for (const account of report.accounts) {
    const dimensions = { ...guard, [DIMENSION_ACCOUNT]: account.id };
    if (account.balance && Number.isFinite(account.balance.amount)) {
      datums.push({ name: METRIC_BALANCE, unit: 'None', value: account.balance.amount, dimensions });
    }
    if (account.runwayDays !== undefined && Number.isFinite(account.runwayDays)) {
      datums.push({ name: METRIC_RUNWAY_DAYS, unit: 'None', value: account.runwayDays, dimensions });
    }
    const spend = account.snapshot && trailingDailySpend(account.snapshot);
    if (spend !== undefined) datums.push({ name: METRIC_SPEND_PER_DAY, unit: 'None', value: spend, dimensions });
  }

  for (const service of config.services) {
    const daysLeft = daysToExpiryInWindow(service, report.today, options.daysToExpiryWindow);
    if (daysLeft === undefined) continue;
    datums.push({
      name: METRIC_DAYS_TO_EXPIRY,
      unit: 'None',
      value: daysLeft,
      dimensions: { ...guard, [DIMENSION_SERVICE]: service.id },
    });
  }
  return datums;
}

/** Days from `today` to the service's expiry when it is within the window or past, else undefined. */
function daysToExpiryInWindow(service: ServiceConfig, today: IsoDate, window: number | undefined): number | undefined {
  if (service.expiresOn === undefined) return undefined;
  const daysLeft = daysBetween(today, service.expiresOn);
  const horizon = window ?? Math.max(0, ...service.reminderDays);
  return daysLeft <= horizon ? daysLeft : undefined;
}

/**
 * The average of the vendor's last days of spend, in one unit: the balance's currency where there is a
 * balance (so SpendPerDay and Balance can be compared), else the unit of the newest day (minutes for
 * vendors that report usage only). Rounded to cents; undefined when the vendor reports no spend.
 */
function trailingDailySpend(snapshot: AccountSnapshot): number | undefined {
  const series = snapshot.dailySpend ?? [];
  const unit = snapshot.balance?.currency ?? series[series.length - 1]?.unit;
  const days = series.filter((d) => d.unit === unit && Number.isFinite(d.amount)).slice(-SPEND_PER_DAY_WINDOW);
  if (days.length === 0) return undefined;
  return Math.round((days.reduce((sum, d) => sum + d.amount, 0) / days.length) * 100) / 100;
}
