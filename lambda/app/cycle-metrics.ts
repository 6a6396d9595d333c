/**
 * The CloudWatch metrics of one cycle, as data: the poller hands them to the EMF writer
 * (lambda/aws/emf-metrics.ts); names and dimensions come from src/shared/metrics-schema.ts, which the
 * construct's metric methods, alarms and dashboard read too.
 *
 * Cost is the design constraint. CloudWatch bills every custom metric (every distinct name and set of
 * dimension values) at $0.30 a month for the first 10,000, "prorated by the hour and metered only when
 * you send metrics to CloudWatch" (aws.amazon.com/cloudwatch/pricing; AWS CloudWatch user guide, "Analyzing,
 * optimizing, and reducing CloudWatch costs"): a series with one datapoint a day costs 30/730 of that,
 * about $0.012 a month. So by default a cycle publishes a handful of series for the whole guard, the same
 * for 10 or 10,000 services: completed cycles, poll failures, alerts sent (and, on the days they fire, per
 * severity), delivery failures (when there are any), the nearest expiry and the shortest runway.
 *
 * Per-service `DaysToExpiry` and per-account `Balance`, `RunwayDays` and `SpendPerDay` are published only
 * when `detailed` is set (the construct's `detailedMetrics`): 3 series per account and one per service
 * within its reminder horizon, which at 10,000 services over 1,000 accounts is about 5,000 series and
 * $60 a month. Even then a service's `DaysToExpiry` is published only while its expiry is within its
 * reminder horizon (its largest tier, 60 days by default) or past; `daysToExpiryWindow` narrows it.
 */
import type { CycleReport } from './run-cycle';
import {
  DIMENSION_ACCOUNT,
  DIMENSION_GUARD,
  DIMENSION_SERVICE,
  DIMENSION_SEVERITY,
  ENV_DETAILED_METRICS,
  METRIC_ALERTS_SENT,
  METRIC_BALANCE,
  METRIC_CYCLE_COMPLETED,
  METRIC_DAYS_TO_EXPIRY,
  METRIC_DELIVERY_FAILURES,
  METRIC_MIN_DAYS_TO_EXPIRY,
  METRIC_MIN_RUNWAY_DAYS,
  METRIC_POLL_FAILURES,
  METRIC_RUNWAY_DAYS,
  METRIC_SPEND_PER_DAY,
} from '../../src/shared/metrics-schema';
import { daysBetween } from '../core/dates';
import type { MetricDatum } from '../core/metrics-port';
import { SEVERITIES, type GuardConfig, type IsoDate, type ServiceConfig } from '../core/model';
import type { AccountSnapshot } from '../core/vendor-port';

export type { MetricDatum, MetricUnit } from '../core/metrics-port';

export interface CycleMetricsOptions {
  /** The `Guard` dimension's value: the construct passes it in `RENEWAL_GUARD_NAME`. */
  readonly guardName: string;
  /**
   * Also publish the per-service and per-account series (`DaysToExpiry`, `Balance`, `RunwayDays`,
   * `SpendPerDay`). The construct passes its `detailedMetrics` in `RENEWAL_GUARD_DETAILED_METRICS`.
   * @default false
   */
  readonly detailed?: boolean;
  /**
   * With `detailed`: publish `DaysToExpiry` for a service whose expiry is at most this many days away (or past).
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
  // Per severity only when some fired: a series is billed for the hours it receives data, and a missing
  // day reads as none sent (alarms on these treat missing data as not breaching).
  for (const severity of SEVERITIES) {
    const sent = report.alerts.filter((a) => a.severity === severity).length;
    if (sent > 0) {
      datums.push({
        name: METRIC_ALERTS_SENT,
        unit: 'Count',
        value: sent,
        dimensions: { ...guard, [DIMENSION_SEVERITY]: severity },
      });
    }
  }
  const deliveryFailures = report.deliveries.filter((d) => d.status === 'failed').length;
  if (deliveryFailures > 0) {
    datums.push({ name: METRIC_DELIVERY_FAILURES, unit: 'Count', value: deliveryFailures, dimensions: guard });
  }
  const nearestExpiry = minimum(config.services.map((s) => daysToExpiry(s, report.today)));
  if (nearestExpiry !== undefined) {
    datums.push({ name: METRIC_MIN_DAYS_TO_EXPIRY, unit: 'None', value: nearestExpiry, dimensions: guard });
  }
  const shortestRunway = minimum(report.accounts.map((a) => a.runwayDays));
  if (shortestRunway !== undefined) {
    datums.push({ name: METRIC_MIN_RUNWAY_DAYS, unit: 'None', value: shortestRunway, dimensions: guard });
  }
  if (options.detailed) datums.push(...detailedMetrics(report, config, options));
  return datums;
}

/** The per-account and per-service series, published only with `detailed`. */
function detailedMetrics(report: CycleReport, config: GuardConfig, options: CycleMetricsOptions): MetricDatum[] {
  const guard = { [DIMENSION_GUARD]: options.guardName };
  const datums: MetricDatum[] = [];
  for (const account of report.accounts) {
    const dimensions = { ...guard, [DIMENSION_ACCOUNT]: account.id };
    if (account.balance && Number.isFinite(account.balance.amount)) {
      datums.push({ name: METRIC_BALANCE, unit: 'None', value: account.balance.amount, dimensions });
    }
    if (account.runwayDays !== undefined && Number.isFinite(account.runwayDays)) {
      datums.push({ name: METRIC_RUNWAY_DAYS, unit: 'None', value: account.runwayDays, dimensions });
    }
    // money: the account's figure (accountFigures), the spend its runway uses; usage for a vendor with no balance
    const spend = account.balance ? account.dailySpend : account.snapshot && trailingDailySpend(account.snapshot);
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

/**
 * The poller's `RENEWAL_GUARD_DETAILED_METRICS`: `true` or `false`; unset means `false`. Anything else
 * is a deployment error, named rather than read as either.
 */
export function parseDetailedMetrics(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new Error(`environment variable ${ENV_DETAILED_METRICS} is ${JSON.stringify(value)}; expected true or false`);
}

function daysToExpiry(service: ServiceConfig, today: IsoDate): number | undefined {
  return service.expiresOn === undefined ? undefined : daysBetween(today, service.expiresOn);
}

/** The smallest finite value, or undefined when there is none. */
function minimum(values: ReadonlyArray<number | undefined>): number | undefined {
  let min: number | undefined;
  for (const value of values) {
    if (value !== undefined && Number.isFinite(value) && (min === undefined || value < min)) min = value;
  }
  return min;
}

/** Days from `today` to the service's expiry when it is within the window or past, else undefined. */
function daysToExpiryInWindow(service: ServiceConfig, today: IsoDate, window: number | undefined): number | undefined {
  const daysLeft = daysToExpiry(service, today);
  if (daysLeft === undefined) return undefined;
  const horizon = window ?? Math.max(0, ...service.reminderDays);
  return daysLeft <= horizon ? daysLeft : undefined;
}

/**
 * For an account without a balance (vendors that report usage only): the average of the vendor's last
 * days of usage in the unit of the newest day (minutes). Rounded to cents; undefined when the vendor
 * reports none. Accounts with a balance publish their `dailySpend` figure instead.
 */
function trailingDailySpend(snapshot: AccountSnapshot): number | undefined {
  const series = snapshot.dailySpend ?? [];
  const unit = snapshot.balance?.currency ?? series[series.length - 1]?.unit;
  const days = series.filter((d) => d.unit === unit && Number.isFinite(d.amount)).slice(-SPEND_PER_DAY_WINDOW);
  if (days.length === 0) return undefined;
  return Math.round((days.reduce((sum, d) => sum + d.amount, 0) / days.length) * 100) / 100;
}
