import { SEVERITIES, type Severity } from '../model';

/**
 * Severity of a reminder by its tier — the days before expiry it names, not the days left after a
 * working-day shift (contract section 3): more than 15 → info; 8–15 → warning; 2–7 → critical;
 * 1 or fewer → emergency.
 */
export function severityForTier(tier: number): Severity {
  if (tier > 15) return 'info';
  if (tier >= 8) return 'warning';
  if (tier >= 2) return 'critical';
  return 'emergency';
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` passes a channel's `minSeverity` filter. */
export function meetsMinSeverity(severity: Severity, minSeverity: Severity): boolean {
  return severityRank(severity) >= severityRank(minSeverity);
}

/** The severities a `minSeverity` filter lets through, in rising order (for SNS filter policies). */
export function severitiesAtLeast(minSeverity: Severity): Severity[] {
  return SEVERITIES.filter((s) => meetsMinSeverity(s, minSeverity));
}
