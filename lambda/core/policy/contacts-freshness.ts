import { daysBetween } from '../dates';
import type { Alert, IsoDate, ServiceConfig } from '../model';
import { DEFAULT_CONTACTS_MAX_AGE_DAYS } from './policy-defaults';
import { serviceAlertKey } from './policy-keys';
import { deliverableToday, lookaheadDay, serviceAlert, serviceTitle, type ServiceRuleContext } from './service-alert';

/**
 * Contacts freshness: the owners were last confirmed (`ownersConfirmedOn`) more than `maxAgeDays` ago —
 * people move on, and an alert to a departed owner reaches nobody. An info notice on a working day,
 * keyed by the confirmation date and the quarter, so it comes back each quarter until someone confirms
 * the owners (a new date ends it). Services that never recorded a date are listed by the digest instead,
 * rather than all nagged at once.
 */
export function contactsFreshnessAlert(
  service: ServiceConfig,
  ctx: ServiceRuleContext,
  maxAgeDays: number = DEFAULT_CONTACTS_MAX_AGE_DAYS,
): Alert | undefined {
  const confirmedOn = service.ownersConfirmedOn;
  if (confirmedOn === undefined) return undefined;
  const age = daysBetween(confirmedOn, ctx.today);
  // stale by the last day today speaks for: due on a holiday, it comes on the working day before
  if (daysBetween(confirmedOn, lookaheadDay(ctx)) <= maxAgeDays || !deliverableToday('info', ctx)) return undefined;
  return serviceAlert(
    service,
    {
      key: serviceAlertKey(service.id, 'contacts-stale', confirmedOn, quarterOf(ctx.today)),
      kind: 'contacts-stale',
      severity: 'info',
      date: ctx.today,
      message:
        `The owners of ${serviceTitle(service)}, ${service.owners.join(', ')}, were last confirmed on ` +
        `${confirmedOn}, ${age} days ago. Check they are still responsible, and the contacts in the vendor's ` +
        `console too, then update ownersConfirmedOn.`,
    },
    ctx.channels,
  );
}

/** `2026-Q4`. */
export function quarterOf(date: IsoDate): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}
