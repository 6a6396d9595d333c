/**
 * The document-wide settings of the alert policy: tiers per criticality, the escalation ladder's
 * channels, and the day counts of the renewal, coverage-gap and contacts rules.
 */
import { SEVERITIES, type CriticalityTiers, type EscalationPolicy, type GuardConfig, type Severity } from '../model';
import { describeValue, isMapping, unknownFieldMessage, valueOf, type Mapping } from './fields';
import { unknownReferenceMessage } from './ids';
import { fieldPath, itemPath, type ProblemLog } from './problem-log';
import { readReminderDays } from './reminder-days';
import { DEFAULT_CORE_TIERS, DEFAULT_EXPERIMENTAL_TIERS } from '../policy/policy-defaults';

export const POLICY_SETTING_FIELDS = [
  'criticalityTiers',
  'escalation',
  'contactsMaxAgeDays',
  'renewalGraceDays',
  'coverageGapLeadDays',
] as const;

const CRITICALITY_TIER_FIELDS = ['core', 'experimental'] as const;
const ESCALATION_FIELDS = ['critical', 'emergency'] as const;

/** The policy fields of GuardConfig, present only where the document sets them. */
export type PolicySettings = Pick<GuardConfig, (typeof POLICY_SETTING_FIELDS)[number]>;

export interface PolicySettingsContext {
  readonly channelIds: ReadonlyMap<string, number>;
  /** The document's channel entries as written, for their `minSeverity`. */
  readonly rawChannels: readonly unknown[];
}

export function readPolicySettings(log: ProblemLog, doc: Mapping, ctx: PolicySettingsContext): PolicySettings {
  const criticalityTiers = readCriticalityTiers(log, doc);
  const escalation = readEscalation(log, doc, ctx);
  const contactsMaxAgeDays = readDayCount(log, doc, 'contactsMaxAgeDays', 1, 3650);
  const renewalGraceDays = readDayCount(log, doc, 'renewalGraceDays', 0, 30);
  const coverageGapLeadDays = readDayCount(log, doc, 'coverageGapLeadDays', 1, 3650);
  return {
    ...(criticalityTiers && { criticalityTiers }),
    ...(escalation && { escalation }),
    ...(contactsMaxAgeDays !== undefined && { contactsMaxAgeDays }),
    ...(renewalGraceDays !== undefined && { renewalGraceDays }),
    ...(coverageGapLeadDays !== undefined && { coverageGapLeadDays }),
  };
}

function readCriticalityTiers(log: ProblemLog, doc: Mapping): CriticalityTiers | undefined {
  const value = valueOf(doc, 'criticalityTiers');
  if (value === undefined) return undefined;
  if (!isMapping(value)) {
    log.error(
      'criticalityTiers',
      `expected a mapping with core and experimental tier lists, got ${describeValue(value)}`,
    );
    return undefined;
  }
  const before = log.count;
  for (const key of Object.keys(value)) {
    if ((CRITICALITY_TIER_FIELDS as readonly string[]).includes(key)) continue;
    log.error(
      fieldPath('criticalityTiers', key),
      key === 'standard'
        ? 'standard services use the top-level reminderDays; set their tiers there'
        : unknownFieldMessage(key, CRITICALITY_TIER_FIELDS),
    );
  }
  const tiers: Record<string, number[]> = {};
  for (const key of CRITICALITY_TIER_FIELDS) {
    const list = valueOf(value, key);
    if (list === undefined) continue;
    const days = readReminderDays(log, list, fieldPath('criticalityTiers', key));
    if (days) tiers[key] = days;
  }
  return log.count > before ? undefined : tiers;
}

function readEscalation(log: ProblemLog, doc: Mapping, ctx: PolicySettingsContext): EscalationPolicy | undefined {
  const value = valueOf(doc, 'escalation');
  if (value === undefined) return undefined;
  if (!isMapping(value)) {
    log.error(
      'escalation',
      `expected a mapping with critical and emergency channel lists, got ${describeValue(value)}`,
    );
    return undefined;
  }
  const before = log.count;
  for (const key of Object.keys(value)) {
    if (!(ESCALATION_FIELDS as readonly string[]).includes(key)) {
      log.error(fieldPath('escalation', key), unknownFieldMessage(key, ESCALATION_FIELDS));
    }
  }
  const policy: Record<string, string[]> = {};
  for (const severity of ESCALATION_FIELDS) {
    const list = valueOf(value, severity);
    if (list === undefined) continue;
    const ids = readEscalationChannels(log, list, fieldPath('escalation', severity), severity, ctx);
    if (ids) policy[severity] = ids;
  }
  return log.count > before ? undefined : policy;
}

/**
 * A non-empty list of channel ids, each once, each able to receive `severity`: SNS subscriptions filter
 * on `minSeverity`, so a channel set to a higher one would silently never hear the escalation.
 */
function readEscalationChannels(
  log: ProblemLog,
  value: unknown,
  path: string,
  severity: Severity,
  ctx: PolicySettingsContext,
): string[] | undefined {
  if (!Array.isArray(value)) {
    log.error(path, `expected a list of channel ids, got ${describeValue(value)}`);
    return undefined;
  }
  if (value.length === 0) {
    log.error(path, 'empty; list the channel ids to escalate to, or leave the field out');
    return undefined;
  }
  const before = log.count;
  const seen = new Map<string, number>();
  value.forEach((ref: unknown, i) => {
    const at = itemPath(path, i);
    if (typeof ref !== 'string') {
      log.error(at, `expected a channel id, got ${describeValue(ref)}`);
    } else if (!ctx.channelIds.has(ref)) {
      log.error(at, unknownReferenceMessage(ref, 'a channel', 'channels', ctx.channelIds));
    } else if (seen.has(ref)) {
      log.error(at, `${describeValue(ref)} is listed twice (also at ${itemPath(path, seen.get(ref)!)}); keep one`);
    } else {
      seen.set(ref, i);
      const minSeverity = declaredMinSeverity(ctx.rawChannels[ctx.channelIds.get(ref)!]);
      if (minSeverity && SEVERITIES.indexOf(minSeverity) > SEVERITIES.indexOf(severity)) {
        log.error(
          at,
          `channel ${describeValue(ref)} has minSeverity ${minSeverity}, so ${severity} alerts never reach it; ` +
            `lower its minSeverity or escalate to another channel`,
        );
      }
    }
  });
  return log.count > before ? undefined : [...seen.keys()];
}

function declaredMinSeverity(rawChannel: unknown): Severity | undefined {
  const value = isMapping(rawChannel) ? valueOf(rawChannel, 'minSeverity') : undefined;
  return (SEVERITIES as readonly unknown[]).includes(value) ? (value as Severity) : undefined;
}

function readDayCount(log: ProblemLog, doc: Mapping, key: string, min: number, max: number): number | undefined {
  const value = valueOf(doc, key);
  if (value === undefined) return undefined;
  if (typeof value !== 'number') {
    log.error(key, `expected a whole number of days, got ${describeValue(value)}`);
    return undefined;
  }
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  log.error(key, `${value} is not a whole number of days from ${min} to ${max}`);
  return undefined;
}

/**
 * The largest tier a service can get from its criticality, read from the document as written (for the
 * calendar-years warning, which must not change as other problems are fixed); 0 when none relies on it.
 */
export function largestCriticalityTier(doc: Mapping, rawServices: readonly unknown[]): number {
  const overrides = valueOf(doc, 'criticalityTiers');
  const tiersOf = (criticality: 'core' | 'experimental'): readonly number[] => {
    const written = isMapping(overrides) ? valueOf(overrides, criticality) : undefined;
    const wellFormed = (Array.isArray(written) ? written : []).filter(
      (d): d is number => Number.isInteger(d) && d >= 0 && d <= 3650,
    );
    if (wellFormed.length > 0) return wellFormed;
    return criticality === 'core' ? DEFAULT_CORE_TIERS : DEFAULT_EXPERIMENTAL_TIERS;
  };
  let largest = 0;
  for (const s of rawServices) {
    if (!isMapping(s) || valueOf(s, 'reminderDays') !== undefined) continue;
    const criticality = valueOf(s, 'criticality');
    if (criticality === 'core' || criticality === 'experimental') largest = Math.max(largest, ...tiersOf(criticality));
  }
  return largest;
}
