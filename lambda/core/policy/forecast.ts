import { accountAudience } from '../accounts/account-alerts';
import { evaluateAccount } from '../accounts/account-evaluation';
import type { AccountState } from '../accounts/account-state';
import { WorkingCalendar } from '../calendar/working-calendar';
import { addDays, compareDates, zonedDateTimeToInstant } from '../dates';
import type { Alert, GuardConfig, IsoDate, ServiceConfig } from '../model';
import { indexChannels } from '../reminders/channel-routing';
import type { AccountSnapshot, Money } from '../vendor-port';
import type { AccountFacts } from './account-facts';
import { accountPolicyAlerts, servicePolicyAlerts, servicesByAccount } from './evaluate-policy';
import { holidayReadinessNotices } from './holiday-readiness';
import type { ServiceRuleContext } from './service-alert';

/** Where a forecast starts: the registry's services and each account as it stands today. */
export interface ForecastStart {
  readonly services: readonly ServiceConfig[];
  /** Per account id: its state, latest balance and average daily spend (AccountDecision.dailySpend). */
  readonly accounts: ReadonlyMap<
    string,
    { readonly state: AccountState; readonly balance?: Money; readonly dailySpend?: number }
  >;
}

/**
 * What daily cycles from `from` through `from + days − 1` would send beyond the expiry tiers (which
 * `expiryRemindersBetween` gives): balance and runway alerts as each balance is spent down at its
 * current daily rate, spend growth, auto-renewal risk, renewals missed, expired in use (spend goes on),
 * coverage gaps, stale contacts. Each key once, sorted by date, then subject, then key. Repeats and
 * escalations are left out: they depend on acknowledgements nobody can foresee.
 */
export function forecastPolicyAlerts(
  start: ForecastStart,
  config: GuardConfig,
  from: IsoDate,
  days: number,
  calendar: WorkingCalendar = new WorkingCalendar(config.calendar),
): Alert[] {
  const channels = indexChannels(config.channels);
  const byId = new Map(start.services.map((s) => [s.id, s]));
  const byAccount = servicesByAccount(start.services);
  const states = new Map([...start.accounts].map(([id, a]) => [id, a.state]));
  const audiences = new Map(config.accounts.map((a) => [a.id, accountAudience(a, start.services, channels)]));
  const claimed = new Set<string>();
  const fired: Alert[] = [];

  for (let i = 0; i < days; i++) {
    const today = addDays(from, i);
    const now = zonedDateTimeToInstant(today, config.checkTime, config.timeZone);
    const ctx: ServiceRuleContext = { today, calendar, channels };
    const due: Alert[] = [];
    const facts = new Map<string, AccountFacts>();

    for (const account of config.accounts) {
      const begin = start.accounts.get(account.id);
      if (!begin?.balance) continue;
      const spend = begin.dailySpend !== undefined && begin.dailySpend > 0 ? begin.dailySpend : 0;
      const { currency } = begin.balance;
      const usage = spend > 0 ? [{ date: today, amount: spend, unit: currency }] : undefined;
      const snapshot: AccountSnapshot = {
        accountId: account.id,
        vendor: account.vendor,
        takenAt: now.toISOString(),
        balance: { amount: roundCents(begin.balance.amount - spend * i), currency },
        ...(usage && { dailySpend: usage }),
        entitlements: [],
      };
      const decision = evaluateAccount(
        account,
        states.get(account.id)!,
        { ok: true, snapshot },
        { now, today, audience: audiences.get(account.id)!, channels, calendar },
      );
      states.set(account.id, decision.state);
      due.push(...decision.alerts);
      const accountFacts: AccountFacts = {
        accountId: account.id,
        balance: snapshot.balance,
        dailySpend: decision.dailySpend,
        history: decision.state.history,
        currency,
        usage,
      };
      facts.set(account.id, accountFacts);
      due.push(...accountPolicyAlerts(account, accountFacts, audiences.get(account.id)!, ctx));
    }

    due.push(...holidayReadinessNotices(start.services, config.accounts, facts, ctx));
    for (const service of start.services) {
      const account = service.account === undefined ? undefined : facts.get(service.account);
      const successor = service.replacedBy === undefined ? undefined : byId.get(service.replacedBy);
      const accountServices = service.account === undefined ? undefined : byAccount.get(service.account);
      due.push(...servicePolicyAlerts(service, { account, successor, accountServices }, ctx, config));
    }
    for (const alert of due) {
      if (claimed.has(alert.key)) continue;
      claimed.add(alert.key);
      fired.push(onDeliveryDay(alert, calendar));
    }
  }
  return fired.sort(byDateSubjectKey);
}

/**
 * The alert dated on the day it reaches people: a planning notice (info, warning) decided on a
 * non-working day waits in the outbox for the next working day (deliveryInstant), as a cycle would hold it.
 */
function onDeliveryDay(alert: Alert, calendar: WorkingCalendar): Alert {
  if ((alert.severity !== 'info' && alert.severity !== 'warning') || calendar.isWorkingDay(alert.date)) return alert;
  return { ...alert, date: calendar.followingWorkingDay(alert.date) };
}

function roundCents(n: number): number {
  return Math.round(n * 100) / 100;
}

function byDateSubjectKey(a: Alert, b: Alert): number {
  const date = compareDates(a.date, b.date);
  if (date !== 0) return date;
  const sa = a.serviceId ?? a.accountId ?? '';
  const sb = b.serviceId ?? b.accountId ?? '';
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
