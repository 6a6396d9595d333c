import { compareDates, daysBetween } from '../dates';
import type { Alert, ServiceConfig } from '../model';
import type { AccountFacts } from './account-facts';
import { plural } from './format';
import { serviceAlertKey } from './policy-keys';
import { ownersSentence, serviceAlert, serviceTitle, type ServiceRuleContext } from './service-alert';
import { usageSeriesOf, type SpendDay } from './spend-series';

/**
 * Expired in use, the worst case: the expiry date has passed, yet the service's account still shows
 * usage (minutes, or money spent) on its latest day after that date. An emergency on any day, keyed by
 * the expiry date; it stays due while usage continues, so it repeats daily until acknowledged or
 * resolved (a renewal moves the date; usage that stops ends it).
 */
export function expiredInUseAlert(
  service: ServiceConfig,
  account: Pick<AccountFacts, 'history' | 'usage' | 'currency' | 'balance'> | undefined,
  ctx: ServiceRuleContext,
): Alert | undefined {
  const expiresOn = service.expiresOn;
  if (expiresOn === undefined || !account || compareDates(ctx.today, expiresOn) <= 0) return undefined;
  const latest = latestUpTo(usageSeriesOf(account), ctx.today);
  if (!latest || latest.date <= expiresOn || !(latest.amount > 0)) return undefined;

  const ago = daysBetween(expiresOn, ctx.today);
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
        `account ${service.account} shows usage on ${latest.date}. Renew it now, or stop the traffic. ` +
        ownersSentence(service.owners),
    },
    ctx.channels,
  );
}

/** The latest day with figures, up to `day` (ISO dates compare as strings). */
function latestUpTo(series: readonly SpendDay[], day: string): SpendDay | undefined {
  for (let i = series.length - 1; i >= 0; i--) if (series[i]!.date <= day) return series[i];
  return undefined;
}
