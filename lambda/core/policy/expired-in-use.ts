import { compareDates, daysBetween } from '../dates';
import type { Alert, IsoDate, ServiceConfig } from '../model';
import type { DailyUsage } from '../vendor-port';
import type { AccountFacts } from './account-facts';
import { plural } from './format';
import { serviceAlertKey } from './policy-keys';
import { ownersSentence, serviceAlert, serviceTitle, type ServiceRuleContext } from './service-alert';
import { usageSeriesOf, type SpendDay } from './spend-series';

type UsageFacts = Pick<AccountFacts, 'history' | 'usage' | 'currency' | 'balance'>;

/**
 * Expired in use, the worst case: the expiry date has passed, yet usage after that date can be tied to
 * the service. An emergency on any day, keyed by the expiry date; it stays due while usage continues, so
 * it repeats daily until acknowledged or resolved (a renewal moves the date; usage that stops ends it).
 *
 * Only attributable spend counts (a lapsed service on an account its live neighbours keep spending on is
 * not in use): usage the vendor reports for an app, project or instance the service names (`entitlement`,
 * `project` or its `id`), or, when the account's figures are account-wide, usage on an account no other
 * live service shares. `sharing` is every other service on the same account.
 */
export function expiredInUseAlert(
  service: ServiceConfig,
  account: UsageFacts | undefined,
  ctx: ServiceRuleContext,
  sharing: readonly ServiceConfig[] = [],
): Alert | undefined {
  const expiresOn = service.expiresOn;
  if (expiresOn === undefined || !account || compareDates(ctx.today, expiresOn) <= 0) return undefined;
  const latest = attributableUsage(service, account, ctx.today, sharing);
  if (!latest || latest.day.date <= expiresOn || !(latest.day.amount > 0)) return undefined;

  const ago = daysBetween(expiresOn, ctx.today);
  const where =
    latest.scope === undefined ? `account ${service.account}` : `${latest.scope} on account ${service.account}`;
  return serviceAlert(
    service,
    {
      key: serviceAlertKey(service.id, 'expired-in-use', expiresOn),
      kind: 'expired-in-use',
      severity: 'emergency',
      daysLeft: -ago,
      expiresOn,
      date: ctx.today,
      message:
        `${serviceTitle(service)} expired on ${expiresOn} (${plural(ago, 'day')} ago) but is still in use: ` +
        `${where} shows usage on ${latest.day.date}. Renew it now, or stop the traffic. ` +
        ownersSentence(service.owners),
    },
    ctx.channels,
  );
}

/** The latest usage day that is the service's own, and the scope it was reported for (if any). */
function attributableUsage(
  service: ServiceConfig,
  account: UsageFacts,
  today: IsoDate,
  sharing: readonly ServiceConfig[],
): { day: SpendDay; scope?: string } | undefined {
  const names = new Set([
    service.id,
    service.project,
    ...(service.entitlement === undefined ? [] : [service.entitlement]),
  ]);
  const own = (account.usage ?? []).filter((u) => u.scope !== undefined && names.has(u.scope));
  if (own.length > 0) {
    const day = latestUpTo(scopedSeries(own), today);
    return day && { day, scope: own.find((u) => u.date === day.date && u.amount > 0)?.scope ?? own[0]!.scope };
  }
  // account-wide figures: the service's only if no other live service spends on the account
  if (sharing.some((other) => other.id !== service.id && isLive(other, today))) return undefined;
  const day = latestUpTo(usageSeriesOf(account), today);
  return day && { day };
}

/** Not yet expired: no expiry date (postpaid, usage-based), or one today or later. */
function isLive(service: ServiceConfig, today: IsoDate): boolean {
  return service.expiresOn === undefined || compareDates(service.expiresOn, today) >= 0;
}

/** Per day, the largest figure in any unit: a day with any positive figure is a day of use. */
function scopedSeries(usage: readonly DailyUsage[]): SpendDay[] {
  const amounts = new Map<IsoDate, number>();
  for (const u of usage) {
    if (!Number.isFinite(u.amount) || u.amount < 0) continue;
    amounts.set(u.date, Math.max(amounts.get(u.date) ?? 0, u.amount));
  }
  return [...amounts].map(([date, amount]) => ({ date, amount })).sort((a, b) => compareDates(a.date, b.date));
}

/** The latest day with figures, up to `day` (ISO dates compare as strings). */
function latestUpTo(series: readonly SpendDay[], day: string): SpendDay | undefined {
  for (let i = series.length - 1; i >= 0; i--) if (series[i]!.date <= day) return series[i];
  return undefined;
}
