/**
 * The guard's CloudWatch metrics: emitted by the poller as Embedded Metric Format log lines, read by the
 * construct's metric methods, alarms and dashboard. Dependency-free: lambda/ imports it too.
 */
export const METRICS_NAMESPACE = 'RenewalGuard';

/** Every metric carries this dimension: one guard's metrics never mix with another's in one account. */
export const DIMENSION_GUARD = 'Guard';
export const DIMENSION_SERVICE = 'ServiceId';
export const DIMENSION_ACCOUNT = 'AccountId';

export const METRIC_DAYS_TO_EXPIRY = 'DaysToExpiry'; // per service (Guard, ServiceId)
export const METRIC_BALANCE = 'Balance'; // per account (Guard, AccountId), in the account's currency
export const METRIC_RUNWAY_DAYS = 'RunwayDays'; // per account
export const METRIC_SPEND_PER_DAY = 'SpendPerDay'; // per account
export const METRIC_POLL_FAILURES = 'PollFailures'; // per cycle (Guard)
export const METRIC_ALERTS_SENT = 'AlertsSent'; // per cycle
export const METRIC_CYCLE_COMPLETED = 'CycleCompleted'; // 1 per completed cycle: the dead-man's switch reads it

/** Environment variable through which the construct names the guard (the Guard dimension's value). */
export const ENV_GUARD_NAME = 'RENEWAL_GUARD_NAME';
