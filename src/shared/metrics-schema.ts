/**
 * The guard's CloudWatch metrics: emitted by the poller as Embedded Metric Format log lines, read by the
 * construct's metric methods, alarms and dashboard. Dependency-free: lambda/ imports it too.
 */
export const METRICS_NAMESPACE = 'RenewalGuard';

/** Every metric carries this dimension: one guard's metrics never mix with another's in one account. */
export const DIMENSION_GUARD = 'Guard';
export const DIMENSION_SERVICE = 'ServiceId';
export const DIMENSION_ACCOUNT = 'AccountId';
export const DIMENSION_SEVERITY = 'Severity';

// Published by default: one series each per guard (AlertsSent also one per severity), whatever the size
// of the config. CloudWatch bills each series it receives in an hour, so these cost the same for 10 or
// 10,000 services.
export const METRIC_CYCLE_COMPLETED = 'CycleCompleted'; // 1 per completed cycle: the dead-man's switch reads it
export const METRIC_POLL_FAILURES = 'PollFailures'; // accounts that could not be polled, every cycle
export const METRIC_ALERTS_SENT = 'AlertsSent'; // every cycle (Guard); per severity (Guard, Severity) when > 0
export const METRIC_DELIVERY_FAILURES = 'DeliveryFailures'; // deliveries left in the outbox, when > 0
export const METRIC_MIN_DAYS_TO_EXPIRY = 'MinDaysToExpiry'; // the nearest expiry across the guard's services
export const METRIC_MIN_RUNWAY_DAYS = 'MinRunwayDays'; // the shortest runway across the guard's accounts

// Published only with the construct's `detailedMetrics`: one series per service or per account.
export const METRIC_DAYS_TO_EXPIRY = 'DaysToExpiry'; // per service (Guard, ServiceId), within its horizon
export const METRIC_BALANCE = 'Balance'; // per account (Guard, AccountId), in the account's currency
export const METRIC_RUNWAY_DAYS = 'RunwayDays'; // per account
export const METRIC_SPEND_PER_DAY = 'SpendPerDay'; // per account

/** The metrics that exist only with `detailedMetrics`; an alarm on one without it would never see data. */
export const DETAILED_METRICS: readonly string[] = [
  METRIC_DAYS_TO_EXPIRY,
  METRIC_BALANCE,
  METRIC_RUNWAY_DAYS,
  METRIC_SPEND_PER_DAY,
];

/** Environment variable through which the construct names the guard (the Guard dimension's value). */
export const ENV_GUARD_NAME = 'RENEWAL_GUARD_NAME';

/** Environment variable of the poller: `true` publishes the per-service and per-account metrics too. */
export const ENV_DETAILED_METRICS = 'RENEWAL_GUARD_DETAILED_METRICS';
