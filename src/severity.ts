/**
 * How urgent an alert is, in rising order: a channel with `minSeverity: WARNING` receives warning,
 * critical and emergency alerts. The values are the ones the config document uses.
 */
export enum Severity {
  /** More than 15 days before expiry. */
  INFO = 'info',
  /** 8 to 15 days before expiry. */
  WARNING = 'warning',
  /** 2 to 7 days before expiry. */
  CRITICAL = 'critical',
  /** 1 day or less before expiry, or expired while still in use. Ignores quiet hours. */
  EMERGENCY = 'emergency',
}
