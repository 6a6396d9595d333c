import type { AccountState } from '../accounts/account-state';
import { compareDates, daysBetween } from '../dates';
import type { Alert, IsoDate, ServiceConfig } from '../model';
import type { Entitlement } from '../vendor-port';
import { plural } from './format';
import { DEFAULT_RENEWAL_GRACE_DAYS } from './policy-defaults';
import { serviceAlertKey } from './policy-keys';
import { deliverableToday, ownersSentence, serviceAlert, serviceTitle, type ServiceRuleContext } from './service-alert';

/**
 * The service with the expiry the vendor reports, when that is later than the declared one (or none is
 * declared): a renewal the vendor already shows counts as a renewal, so the old date's reminders stop.
 * An earlier vendor date does not shorten the declared one.
 */
export function withDiscoveredExpiry(service: ServiceConfig, discoveredExpiresOn: IsoDate | undefined): ServiceConfig {
  if (discoveredExpiresOn === undefined) return service;
  if (service.expiresOn !== undefined && compareDates(discoveredExpiresOn, service.expiresOn) <= 0) return service;
  return { ...service, expiresOn: discoveredExpiresOn };
}

/** Whether a poll may move the service's expiry: it names a vendor entitlement of its account. */
export function followsVendorExpiry(service: ServiceConfig): boolean {
  return service.entitlement !== undefined && service.account !== undefined;
}

/**
 * The expiry the vendor reports for a service that names its `entitlement`: the entitlement of that id,
 * else of that name, in its account's snapshot of this cycle. Undefined when the service names none, its
 * account has never been read, or the vendor lists no such entitlement (or no expiry for it).
 */
export function discoveredExpiryOf(
  service: ServiceConfig,
  snapshots: ReadonlyMap<string, { readonly entitlements: readonly Pick<Entitlement, 'id' | 'name' | 'expiresOn'>[] }>,
): IsoDate | undefined {
  if (!followsVendorExpiry(service) || service.account === undefined) return undefined;
  const entitlements = snapshots.get(service.account)?.entitlements ?? [];
  const match =
    entitlements.find((e) => e.id === service.entitlement) ?? entitlements.find((e) => e.name === service.entitlement);
  return match?.expiresOn;
}

/**
 * The services as the cycle reminds about them between polls: each that follows its vendor entitlement
 * with the expiry its account's last successful poll saw (`AccountState.entitlements`). What the report,
 * `preview` and the calendar show, so no view contradicts the reminders.
 */
export function withPolledExpiries(
  services: readonly ServiceConfig[],
  states: Iterable<Pick<AccountState, 'accountId' | 'entitlements'>>,
): ServiceConfig[] {
  const polled = new Map([...states].map((s) => [s.accountId, { entitlements: s.entitlements ?? [] }]));
  return services.map((s) => withDiscoveredExpiry(s, discoveredExpiryOf(s, polled)));
}

/**
 * Did the renewal happen? `watchedExpiresOn` is the expiry the guard has been reminding about (the date
 * in the service's newest expiry key); `service` carries the expiry as it stands now (declared, or
 * discovered through `withDiscoveredExpiry`).
 *
 * - The expiry moved later → a `renewal-confirmed` notice (info, on a working day), once per old date:
 *   the owners learn the reminders for the old date have stopped, and why.
 * - Auto-renewal is on and the expiry passed `graceDays` ago without moving → `renewal-missed`, an
 *   emergency: the renewal did not happen (an expired card, a balance too low). Its key names the old
 *   date; it stays due until the date moves, so it repeats daily until acknowledged (see escalation).
 */
export function renewalCheckAlert(
  service: ServiceConfig,
  watchedExpiresOn: IsoDate | undefined,
  ctx: ServiceRuleContext,
  graceDays: number = DEFAULT_RENEWAL_GRACE_DAYS,
): Alert | undefined {
  const current = service.expiresOn;
  if (current === undefined) return undefined;
  if (watchedExpiresOn !== undefined && compareDates(current, watchedExpiresOn) > 0) {
    if (!deliverableToday('info', ctx)) return undefined;
    return serviceAlert(
      service,
      {
        key: serviceAlertKey(service.id, 'renewal-confirmed', watchedExpiresOn),
        kind: 'renewal-confirmed',
        severity: 'info',
        daysLeft: daysBetween(ctx.today, current),
        expiresOn: current,
        date: ctx.today,
        message:
          `Renewal confirmed: ${serviceTitle(service)} now expires on ${current} (was ${watchedExpiresOn}). ` +
          `Reminders for ${watchedExpiresOn} have stopped. ${ownersSentence(service.owners)}`,
      },
      ctx.channels,
    );
  }

  const overdue = daysBetween(current, ctx.today);
  if (!service.autoRenew || overdue < Math.max(graceDays, 0)) return undefined;
  return serviceAlert(
    service,
    {
      key: serviceAlertKey(service.id, 'renewal-missed', current),
      kind: 'renewal-missed',
      severity: 'emergency',
      daysLeft: -overdue,
      expiresOn: current,
      date: ctx.today,
      message:
        `${serviceTitle(service)} was due to renew automatically on ${current}, but ` +
        `${overdue === 0 ? 'today' : `${plural(overdue, 'day')} later`} its expiry has not moved: neither the vendor ` +
        `nor the registry shows a later date. Check the payment method and the balance, renew it by hand if ` +
        `needed, then record the new expiresOn. ${ownersSentence(service.owners)}`,
    },
    ctx.channels,
  );
}
