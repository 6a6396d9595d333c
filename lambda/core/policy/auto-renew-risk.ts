import { daysBetween } from '../dates';
import type { Alert, ServiceConfig } from '../model';
import type { AccountFacts } from './account-facts';
import { formatAmount, formatMoney } from './format';
import { CRITICAL_WITHIN_DAYS } from './policy-defaults';
import { serviceAlertKey } from './policy-keys';
import {
  deliverableToday,
  lookaheadDay,
  ownersSentence,
  serviceAlert,
  serviceTitle,
  type ServiceRuleContext,
} from './service-alert';

/**
 * Auto-renewal risk: auto-renewal is on and the renewal price is known, but the account's balance,
 * spent down at the current daily rate until the renewal date, will not cover it — the renewal will
 * fail. Looked at within the service's reminder horizon (its largest tier): further out, a projection
 * of today's spend says little. A warning, critical within 7 days; keyed by expiry and severity, so it
 * fires once as a warning and once more if it becomes critical, and a renewal ends it.
 */
export function autoRenewRiskAlert(
  service: ServiceConfig,
  account: Pick<AccountFacts, 'balance' | 'dailySpend'> | undefined,
  ctx: ServiceRuleContext,
): Alert | undefined {
  const price = service.renewalPrice;
  const expiresOn = service.expiresOn;
  const balance = account?.balance;
  if (!service.autoRenew || !price || expiresOn === undefined || !balance || balance.currency !== price.currency) {
    return undefined;
  }
  const daysLeft = daysBetween(ctx.today, expiresOn);
  const horizon = Math.max(CRITICAL_WITHIN_DAYS, ...service.reminderDays);
  // as of the last day today speaks for: due on a holiday, it comes on the working day before
  const dueDaysLeft = daysBetween(lookaheadDay(ctx), expiresOn);
  if (daysLeft < 0 || dueDaysLeft > horizon) return undefined;

  const spend = account.dailySpend !== undefined && Number.isFinite(account.dailySpend) ? account.dailySpend : 0;
  const projected = balance.amount - Math.max(0, spend) * daysLeft;
  if (projected >= price.amount) return undefined;
  const severity = dueDaysLeft <= CRITICAL_WITHIN_DAYS ? 'critical' : 'warning';
  if (!deliverableToday(severity, ctx)) return undefined;

  const money = (n: number) => `${formatAmount(n)} ${balance.currency}`;
  const rate = spend > 0 ? ` at the current spend of ${money(spend)} a day` : '';
  return serviceAlert(
    service,
    {
      key: serviceAlertKey(service.id, 'auto-renew-risk', expiresOn, severity),
      kind: 'auto-renew-risk',
      severity,
      daysLeft,
      expiresOn,
      date: ctx.today,
      message:
        `${serviceTitle(service)} renews automatically on ${expiresOn} for ${formatMoney(price)}, but the balance ` +
        `of account ${service.account} (${money(balance.amount)} now) will be about ${money(Math.max(0, projected))} ` +
        `by then${rate}. Top it up or the renewal will fail. ${ownersSentence(service.owners)}`,
    },
    ctx.channels,
  );
}
