import { addDays, compareDates, daysBetween } from '../dates';
import type { Alert, ServiceConfig } from '../model';
import { plural } from './format';
import { CRITICAL_WITHIN_DAYS, DEFAULT_COVERAGE_GAP_LEAD_DAYS } from './policy-defaults';
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
 * A coverage gap: the service is replaced by a successor (`replacedBy`) whose `startsOn` comes after the
 * service's `expiresOn` — the day it lapses — so nothing is in force from `expiresOn` to the day before
 * the successor starts. Reported from `leadDays` before the lapse until the successor starts: a warning
 * on working days, critical within 7 days of the lapse. Keyed by both dates and the severity, so moving
 * either date re-evaluates it and each severity fires once.
 */
export function coverageGapAlert(
  service: ServiceConfig,
  successor: ServiceConfig | undefined,
  ctx: ServiceRuleContext,
  leadDays: number = DEFAULT_COVERAGE_GAP_LEAD_DAYS,
): Alert | undefined {
  const endsOn = service.expiresOn;
  const startsOn = successor?.startsOn;
  if (!successor || service.replacedBy !== successor.id || endsOn === undefined || startsOn === undefined) {
    return undefined;
  }
  if (compareDates(startsOn, endsOn) <= 0) return undefined;
  const daysLeft = daysBetween(ctx.today, endsOn);
  // as of the last day today speaks for: due on a holiday, it comes on the working day before
  const dueDaysLeft = daysBetween(lookaheadDay(ctx), endsOn);
  if (dueDaysLeft > leadDays || compareDates(ctx.today, startsOn) >= 0) return undefined;
  const severity = dueDaysLeft <= CRITICAL_WITHIN_DAYS ? 'critical' : 'warning';
  if (!deliverableToday(severity, ctx)) return undefined;

  const lastUncovered = addDays(startsOn, -1);
  const gap = daysBetween(endsOn, startsOn);
  const owners = [...new Set([...service.owners, ...successor.owners])];
  const span = gap === 1 ? `on ${endsOn}` : `from ${endsOn} to ${lastUncovered}`;
  return serviceAlert(
    service,
    {
      key: serviceAlertKey(service.id, 'coverage-gap', endsOn, startsOn, severity),
      kind: 'coverage-gap',
      severity,
      daysLeft,
      expiresOn: endsOn,
      date: ctx.today,
      owners,
      message:
        `${serviceTitle(service)} lapses on ${endsOn}, but its successor ${successor.name} (${successor.id}) ` +
        `starts only on ${startsOn}: nothing covers ${span} (${plural(gap, 'day')}). Bring the successor's start ` +
        `forward or extend the current plan. ${ownersSentence(owners)}`,
    },
    ctx.channels,
  );
}
