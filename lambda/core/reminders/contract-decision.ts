/**
 * A contract with a notice period must be decided before the period starts: renewed, renegotiated or
 * ended by `expiresOn − noticeDays`, or it renews (or lapses) on its own terms. Up to that day its tiers
 * count to the decision date (`contract-decision` reminders, placed on working days like expiry tiers,
 * the decision day itself an emergency); after it, only the expiry tiers shorter than the notice period
 * remain, so the two never remind of the same thing twice.
 */
import { addDays } from '../dates';
import type { Alert, IsoDate, ServiceConfig } from '../model';
import { serviceAlertKey } from '../policy/policy-keys';

export interface ContractDecision {
  readonly decideBy: IsoDate;
  /** The service as its decision reminders see it: due on the decision date. */
  readonly untilDecision: ServiceConfig;
  /** The service as its expiry reminders see it after the decision: the tiers inside the notice period. */
  readonly afterDecision: ServiceConfig;
}

export function contractDecision(service: ServiceConfig): ContractDecision | undefined {
  if (service.kind !== 'contract' || service.noticeDays === undefined || service.expiresOn === undefined) {
    return undefined;
  }
  const decideBy = addDays(service.expiresOn, -service.noticeDays);
  // the derived services are plain dated services: without noticeDays, they have no decision of their own
  const { noticeDays: notice, ...dated } = service;
  return {
    decideBy,
    untilDecision: { ...dated, expiresOn: decideBy },
    afterDecision: { ...dated, reminderDays: service.reminderDays.filter((d) => d < notice) },
  };
}

/** An expiry reminder of `untilDecision` said as the decision it is about. */
export function asDecisionReminder(alert: Alert, service: ServiceConfig, decision: ContractDecision): Alert {
  const tier = alert.tier ?? 0;
  return {
    ...alert,
    key: serviceAlertKey(service.id, 'contract-decision', decision.decideBy, tier),
    kind: 'contract-decision',
    expiresOn: service.expiresOn,
    decideBy: decision.decideBy,
    message: decisionMessage(service, decision.decideBy, alert.daysLeft ?? 0),
  };
}

function decisionMessage(service: ServiceConfig, decideBy: IsoDate, daysLeft: number): string {
  const what = `${service.name} (${service.id}, project ${service.project})`;
  const owners = `Owners: ${service.owners.join(', ')}.`;
  const terms =
    `its ${service.noticeDays}-day notice period starts then, before it expires on ${service.expiresOn}` +
    (service.autoRenew ? ' (it renews on its own unless notice is given)' : '');
  if (daysLeft <= 0) {
    return `${what}: the contract must be decided today (${decideBy}): ${terms}. Give notice, renegotiate or confirm the renewal today. ${owners}`;
  }
  const left = daysLeft === 1 ? '1 day left' : `${daysLeft} days left`;
  return `${what}: decide by ${decideBy} (${left}) whether to renew, renegotiate or end the contract: ${terms}. ${owners}`;
}

/** The first day after the decision date, from which expiry reminders take over. */
export function dayAfterDecision(decision: ContractDecision): IsoDate {
  return addDays(decision.decideBy, 1);
}
