/**
 * A registry service (resolved: tiers and channels filled in) back into the entry a person writes in
 * the document: the fields in the document's order, and a value left out where the document's defaults
 * would give it back (criticality standard, autoRenew false, the tiers of its criticality, every channel).
 * Validating the entry again gives the same service, so document → registry → document loses nothing.
 */
import { SERVICE_FIELDS } from '../config/validate-services';
import type { GuardConfig, ServiceConfig } from '../model';
import { tiersForCriticality } from '../policy/criticality-tiers';

/** What a service's defaults depend on: the document's tiers, criticality tiers and channel ids. */
export type DefaultsSource = Pick<GuardConfig, 'reminderDays' | 'criticalityTiers' | 'channels'>;

/** The document entry of a registry service, defaults left out. */
export function serviceToDocument(service: ServiceConfig, defaults: DefaultsSource): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  const source = service as unknown as Record<string, unknown>;
  const known = SERVICE_FIELDS as readonly string[];
  // the document's field order first, then anything newer the registry holds, so nothing is dropped
  const keys = [
    ...known.filter((k) => k in source),
    ...Object.keys(source)
      .filter((k) => !known.includes(k))
      .sort(),
  ];
  for (const key of keys) {
    const value = source[key];
    if (value === undefined || isDefault(service, key, defaults)) continue;
    entry[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
  }
  return entry;
}

function isDefault(service: ServiceConfig, key: string, defaults: DefaultsSource): boolean {
  switch (key) {
    case 'expiresOn':
      // an SDK dated by its end of support says the day once
      return service.endOfSupport !== undefined && service.endOfSupport === service.expiresOn;
    case 'autoRenew':
      return service.autoRenew === false;
    case 'criticality':
      return service.criticality === 'standard';
    case 'reminderDays':
      return sameList(
        service.reminderDays,
        tiersForCriticality(service.criticality, defaults.reminderDays, defaults.criticalityTiers),
      );
    case 'channels':
      return sameList(
        service.channels,
        defaults.channels.map((c) => c.id),
      );
    default:
      return false;
  }
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Services in the order a person reads them: those the document lists in its order, then the others
 * (imported, or declared by an earlier document) by id.
 */
export function documentOrder<T extends { readonly id: string }>(
  items: readonly T[],
  declared: readonly string[],
): T[] {
  const rank = new Map(declared.map((id, i) => [id, i]));
  return [...items].sort((a, b) => {
    const ra = rank.get(a.id);
    const rb = rank.get(b.id);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}
