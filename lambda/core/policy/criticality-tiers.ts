import type { Criticality, CriticalityTiers } from '../model';
import { DEFAULT_CORE_TIERS, DEFAULT_EXPERIMENTAL_TIERS } from './policy-defaults';

/**
 * The tiers a service without its own `reminderDays` gets from its criticality: the document's
 * `criticalityTiers` entry, else the built-in list (core denser, experimental sparser); `standard`
 * always takes the document's `reminderDays`. A service's own `reminderDays` wins over all of these,
 * so this is only asked when it has none. Descending, unique, like every resolved tier list.
 */
export function tiersForCriticality(
  criticality: Criticality,
  documentTiers: readonly number[],
  overrides: CriticalityTiers | undefined,
): readonly number[] {
  if (criticality === 'core') return descending(overrides?.core ?? DEFAULT_CORE_TIERS);
  if (criticality === 'experimental') return descending(overrides?.experimental ?? DEFAULT_EXPERIMENTAL_TIERS);
  return documentTiers;
}

function descending(tiers: readonly number[]): number[] {
  return [...new Set(tiers)].sort((a, b) => b - a);
}
