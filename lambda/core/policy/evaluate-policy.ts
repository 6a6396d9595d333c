import { accountAudience, type AccountAudience } from '../accounts/account-alerts';
import { WorkingCalendar } from '../calendar/working-calendar';
import { localDate } from '../dates';
import type { AccountConfig, Alert, GuardConfig, IsoDate, ServiceConfig } from '../model';
import type { AccountFacts } from './account-facts';
import { autoRenewRiskAlert } from './auto-renew-risk';
import { contactsFreshnessAlert } from './contacts-freshness';
import { coverageGapAlert } from './coverage-gap';
import { escalationsAndRepeats, withEscalationChannels, type LedgerFacts } from './escalation';
import { expiredInUseAlert } from './expired-in-use';
import { holidayReadinessNotices } from './holiday-readiness';
import { paymentMethodRisks } from './payment-method-risk';
import { policyDays } from './policy-defaults';
import { provisionalYearNotice } from './provisional-year-notice';
import { followsVendorExpiry, renewalCheckAlert } from './renewal-confirmation';
import { deliverableToday, type ServiceRuleContext } from './service-alert';
import { spendGrowthAlert } from './spend-growth';
import { spendSpikeAlert } from './spend-spike';
import { indexChannels } from '../reminders/channel-routing';
import { dueExpiryReminder } from '../reminders/expiry-reminders';

/** Everything one cycle knows, gathered by the caller: the policy reads no clock and no store. */
export interface CycleFacts {
  readonly now: Date;
  /** The active services, with any vendor-discovered expiry applied (`withDiscoveredExpiry`). */
  readonly services: readonly ServiceConfig[];
  /** Per account id: this cycle's balance, spend and history (accounts polled this cycle). */
  readonly accounts: ReadonlyMap<string, AccountFacts>;
  /** The balance-policy and blind-spot alerts `evaluateAccount` decided this cycle. */
  readonly accountAlerts: readonly Alert[];
  /** Per service id: the expiry its newest fired expiry alert named (for renewal confirmation). */
  readonly watchedExpiry?: ReadonlyMap<string, IsoDate>;
  readonly ledger: LedgerFacts;
}

/** The rules beyond the expiry tiers that look at one service. */
export function servicePolicyAlerts(
  service: ServiceConfig,
  facts: {
    readonly account?: AccountFacts;
    readonly successor?: ServiceConfig;
    readonly watchedExpiresOn?: IsoDate;
    /** Every service on the same account (this one included): whose spend an account-wide figure may be. */
    readonly accountServices?: readonly ServiceConfig[];
  },
  ctx: ServiceRuleContext,
  config: Pick<GuardConfig, 'contactsMaxAgeDays' | 'renewalGraceDays' | 'coverageGapLeadDays'>,
): Alert[] {
  const days = policyDays(config);
  return [
    autoRenewRiskAlert(service, facts.account, ctx),
    renewalCheckAlert(service, facts.watchedExpiresOn, ctx, days.renewalGraceDays),
    expiredInUseAlert(service, facts.account, ctx, facts.accountServices),
    coverageGapAlert(service, facts.successor, ctx, days.coverageGapLeadDays),
    contactsFreshnessAlert(service, ctx, days.contactsMaxAgeDays),
  ].filter((a): a is Alert => a !== undefined);
}

/** The spend rules of one account, told to the audience `evaluateAccount` also uses. */
export function accountPolicyAlerts(
  account: AccountConfig,
  facts: AccountFacts,
  audience: AccountAudience,
  ctx: ServiceRuleContext,
): Alert[] {
  const accountCtx = { ...ctx, audience };
  return [spendSpikeAlert(account, facts, accountCtx), spendGrowthAlert(account, facts, accountCtx)].filter(
    (a): a is Alert => a !== undefined,
  );
}

/**
 * Every alert a cycle at `facts.now` owes, before the ledger's once-only claim: each service's due expiry
 * reminder (an info or warning tier caught up on a non-working day waits for the next working day's
 * cycle, like every planning notice; critical and emergency catch-ups go out at once) and policy alerts, each account's balance alerts (as given) and spend alerts, emergencies
 * widened to the escalation channels, then the repeats and escalations the ledger and the
 * acknowledgements call for. Keys already claimed come back too, as they do from `dueExpiryReminder`:
 * the claim is what makes each fire once.
 *
 * @example
 * const alerts = decideCycleAlerts({ now, services, accounts, accountAlerts, watchedExpiry, ledger }, config);
 */
export function decideCycleAlerts(
  facts: CycleFacts,
  config: GuardConfig,
  calendar: WorkingCalendar = new WorkingCalendar(config.calendar),
): Alert[] {
  const today = localDate(facts.now, config.timeZone);
  const channels = indexChannels(config.channels);
  const ctx: ServiceRuleContext = { today, calendar, channels };
  const byId = new Map(facts.services.map((s) => [s.id, s]));
  const byAccount = servicesByAccount(facts.services);

  const due: Alert[] = [...facts.accountAlerts];
  for (const service of facts.services) {
    const expiry = dueExpiryAlert(service, ctx);
    if (expiry) due.push(expiry);
    const account = service.account === undefined ? undefined : facts.accounts.get(service.account);
    const successor = service.replacedBy === undefined ? undefined : byId.get(service.replacedBy);
    due.push(
      ...servicePolicyAlerts(
        service,
        {
          account,
          successor,
          watchedExpiresOn: facts.watchedExpiry?.get(service.id),
          accountServices: service.account === undefined ? undefined : byAccount.get(service.account),
        },
        ctx,
        config,
      ),
    );
  }
  for (const account of config.accounts) {
    const accountFacts = facts.accounts.get(account.id);
    if (accountFacts) {
      due.push(...accountPolicyAlerts(account, accountFacts, accountAudience(account, facts.services, channels), ctx));
    }
  }

  // payment methods near their expiry endanger the auto-renewals charged to them
  due.push(...paymentMethodRisks(facts.services, ctx));

  const notice = provisionalYearNotice(config.calendar.spec, ctx);
  if (notice) due.push(notice);
  due.push(...holidayReadinessNotices(facts.services, config.accounts, facts.accounts, ctx));

  const widened = due.map((a) => withEscalationChannels(a, config.escalation, channels));
  const ladder = escalationsAndRepeats(widened, facts.ledger, {
    now: facts.now,
    today,
    calendar,
    channels,
    escalation: config.escalation,
  });
  return [...widened, ...ladder];
}

/**
 * The expiry reminders due at `now` of the services whose expiry no poll can move (`followsVendorExpiry`
 * is false), decided and widened exactly as `decideCycleAlerts` decides them. They need nothing from the
 * vendors, so a cycle claims them while the vendor calls are still in flight.
 */
export function pollIndependentExpiryAlerts(
  services: readonly ServiceConfig[],
  now: Date,
  config: GuardConfig,
  calendar: WorkingCalendar = new WorkingCalendar(config.calendar),
): Alert[] {
  const channels = indexChannels(config.channels);
  const ctx: ServiceRuleContext = { today: localDate(now, config.timeZone), calendar, channels };
  return services.flatMap((service) => {
    const expiry = followsVendorExpiry(service) ? undefined : dueExpiryAlert(service, ctx);
    return expiry ? [withEscalationChannels(expiry, config.escalation, channels)] : [];
  });
}

/** A service's expiry reminder due today, unless its tier waits for the next working day. */
function dueExpiryAlert(service: ServiceConfig, ctx: ServiceRuleContext): Alert | undefined {
  const expiry = dueExpiryReminder(service, ctx.today, ctx);
  return expiry && deliverableToday(expiry.severity, ctx) ? expiry : undefined;
}

/** The services of each account, for the rules that must tell one service's spend from its neighbours'. */
export function servicesByAccount(services: readonly ServiceConfig[]): ReadonlyMap<string, readonly ServiceConfig[]> {
  const byAccount = new Map<string, ServiceConfig[]>();
  for (const service of services) {
    if (service.account === undefined) continue;
    const list = byAccount.get(service.account) ?? [];
    list.push(service);
    byAccount.set(service.account, list);
  }
  return byAccount;
}
