/**
 * The defaults of the alert policy, in one place so the README, the validator and the rules agree.
 * Each can be overridden in the config document; the validator keeps a normalized config free of
 * defaults the document did not state, so the rules fill them in here.
 */
import type { AccountConfig, GuardConfig } from '../model';

/**
 * Tiers per criticality when the document gives none: core services get a reminder three months out
 * and one three days before, experimental ones only a month, a week and a day. `standard` is the
 * document's `reminderDays`.
 */
export const DEFAULT_CORE_TIERS: readonly number[] = [90, 60, 30, 15, 7, 3, 1];
export const DEFAULT_EXPERIMENTAL_TIERS: readonly number[] = [30, 7, 1];

/** A day's spend this many times its trailing average is a spike. */
export const DEFAULT_SPIKE_FACTOR = 3;
export const DEFAULT_SPIKE_MIN_AMOUNT = 0;
/** Month-over-month growth of the average daily spend above 30% alerts. */
export const DEFAULT_MONTHLY_GROWTH = 0.3;

export const DEFAULT_CONTACTS_MAX_AGE_DAYS = 180;
export const DEFAULT_RENEWAL_GRACE_DAYS = 1;
export const DEFAULT_COVERAGE_GAP_LEAD_DAYS = 30;

/** An auto-renewal risk or a coverage gap this close is critical rather than a warning. */
export const CRITICAL_WITHIN_DAYS = 7;

export interface SpendThresholds {
  readonly spikeFactor: number;
  readonly spikeMinAmount: number;
  readonly monthlyGrowth: number;
}

export function spendThresholds(account: Pick<AccountConfig, 'spend'>): SpendThresholds {
  return {
    spikeFactor: account.spend?.spikeFactor ?? DEFAULT_SPIKE_FACTOR,
    spikeMinAmount: account.spend?.spikeMinAmount ?? DEFAULT_SPIKE_MIN_AMOUNT,
    monthlyGrowth: account.spend?.monthlyGrowth ?? DEFAULT_MONTHLY_GROWTH,
  };
}

export interface PolicyDays {
  readonly contactsMaxAgeDays: number;
  readonly renewalGraceDays: number;
  readonly coverageGapLeadDays: number;
}

export function policyDays(
  config: Pick<GuardConfig, 'contactsMaxAgeDays' | 'renewalGraceDays' | 'coverageGapLeadDays'>,
): PolicyDays {
  return {
    contactsMaxAgeDays: config.contactsMaxAgeDays ?? DEFAULT_CONTACTS_MAX_AGE_DAYS,
    renewalGraceDays: config.renewalGraceDays ?? DEFAULT_RENEWAL_GRACE_DAYS,
    coverageGapLeadDays: config.coverageGapLeadDays ?? DEFAULT_COVERAGE_GAP_LEAD_DAYS,
  };
}
