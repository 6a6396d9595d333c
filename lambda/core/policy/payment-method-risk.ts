/**
 * A payment method (a card, a bank mandate) as a service of kind `payment-method`: its `expiresOn` is the
 * day it stops working, its `paysFor` the auto-renewing services charged to it. Each of those that renews
 * after the payment method has expired will fail to renew; that auto-renewal risk is raised on the
 * service it endangers, and rises as the payment method nears its expiry: info from 60 days before,
 * warning within 30, critical within 7 and once expired, emergency once expired with the renewal within
 * 7 days. Keyed by the renewal, the payment method's expiry and the severity, so each step fires once
 * and replacing the card (a later `expiresOn`) or renewing ends it. Foreseeable: asked as of the last day
 * today speaks for, so a step due on a holiday comes on the working day before.
 */
import { addDays, daysBetween } from '../dates';
import type { Alert, IsoDate, ServiceConfig, Severity } from '../model';
import { serviceAlertKey } from './policy-keys';
import {
  deliverableToday,
  lookaheadDay,
  ownersSentence,
  serviceAlert,
  serviceTitle,
  type ServiceRuleContext,
} from './service-alert';

/** The first notice: two months before the payment method expires. */
export const PAYMENT_METHOD_NOTICE_DAYS = 60;

/** The auto-renewal risks the document's payment methods put on the services they pay for, as of today. */
export function paymentMethodRisks(services: readonly ServiceConfig[], ctx: ServiceRuleContext): Alert[] {
  const byId = new Map(services.map((s) => [s.id, s]));
  const alerts: Alert[] = [];
  for (const method of services) {
    if (method.kind !== 'payment-method' || method.expiresOn === undefined) continue;
    for (const id of method.paysFor ?? []) {
      const paid = byId.get(id);
      const alert = paid && paymentRisk(method, method.expiresOn, paid, ctx);
      if (alert) alerts.push(alert);
    }
  }
  return alerts;
}

function paymentRisk(method: ServiceConfig, methodEnds: IsoDate, paid: ServiceConfig, ctx: ServiceRuleContext) {
  const renewsOn = paid.expiresOn;
  // a card valid through its expiry day pays a renewal on that day, not after
  if (!paid.autoRenew || renewsOn === undefined || renewsOn <= methodEnds) return undefined;
  const asOf = lookaheadDay(ctx);
  if (daysBetween(ctx.today, renewsOn) < 0) return undefined;
  const severity = riskSeverity(daysBetween(asOf, methodEnds), daysBetween(asOf, renewsOn));
  if (severity === undefined || !deliverableToday(severity, ctx)) return undefined;

  const left = daysBetween(ctx.today, methodEnds);
  const when =
    left < 0 ? `expired on ${methodEnds}` : left === 0 ? `expires today (${methodEnds})` : `expires on ${methodEnds}`;
  return serviceAlert(
    paid,
    {
      key: serviceAlertKey(paid.id, 'auto-renew-risk', renewsOn, method.id, methodEnds, severity),
      kind: 'auto-renew-risk',
      severity,
      daysLeft: daysBetween(ctx.today, renewsOn),
      expiresOn: renewsOn,
      date: ctx.today,
      owners: [...new Set([...paid.owners, ...method.owners])],
      message:
        `${serviceTitle(paid)} renews automatically on ${renewsOn}, charged to ${method.name} (${method.id}), which ` +
        `${when}: the renewal will fail. Replace the payment method (then update its expiresOn) or move the ` +
        `service to another one before ${left >= 0 ? methodEnds : renewsOn}. ` +
        ownersSentence([...new Set([...paid.owners, ...method.owners])]),
    },
    ctx.channels,
  );
}

/** By the days until the payment method ends (negative once it has) and until the renewal. */
export function riskSeverity(methodDaysLeft: number, renewalDaysLeft: number): Severity | undefined {
  if (methodDaysLeft < 0) return renewalDaysLeft <= 7 ? 'emergency' : 'critical';
  if (methodDaysLeft <= 7) return 'critical';
  if (methodDaysLeft <= 30) return 'warning';
  if (methodDaysLeft <= PAYMENT_METHOD_NOTICE_DAYS) return 'info';
  return undefined;
}

/** The risks daily cycles from `from` over `days` days would raise, each key on its first day (preview). */
export function paymentMethodRisksBetween(
  services: readonly ServiceConfig[],
  from: IsoDate,
  days: number,
  ctx: Omit<ServiceRuleContext, 'today'>,
): Alert[] {
  if (!services.some((s) => s.kind === 'payment-method')) return [];
  const seen = new Set<string>();
  const found: Alert[] = [];
  for (let i = 0; i < days; i += 1) {
    for (const alert of paymentMethodRisks(services, { ...ctx, today: addDays(from, i) })) {
      if (seen.has(alert.key)) continue;
      seen.add(alert.key);
      found.push(alert);
    }
  }
  return found;
}
