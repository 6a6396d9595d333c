import type { DigestMessages } from './digest-messages';
import { EN } from './en';
import { ZH_CN } from './zh-cn';
import type { Alert, Language, ServiceKind, Severity } from '../../core/model';

/**
 * Every word a channel message uses, per language. Phrases that hold a number or a name are functions,
 * so each language orders them its own way.
 */
export interface Messages {
  readonly severity: Readonly<Record<Severity, string>>;
  readonly labels: {
    readonly service: string;
    readonly account: string;
    readonly project: string;
    readonly expiresOn: string;
    readonly daysLeft: string;
    readonly owners: string;
    readonly severity: string;
    readonly whatToDo: string;
    readonly details: string;
    readonly acknowledge: string;
    /** A digest's link to the HTML report. */
    readonly fullReport: string;
    readonly runsOutOn: string;
    /** A service's `renewUrl` and `runbook` links. */
    readonly renewAt: string;
    readonly runbook: string;
    /** A contract's decision day (`expiresOn − noticeDays`). */
    readonly decideBy: string;
    /** An alarm's state, its reason and when it changed. */
    readonly alarmState: string;
    readonly alarmReason: string;
    readonly alarmChangedAt: string;
  };
  readonly titles: {
    readonly expiresIn: (name: string, days: number) => string;
    readonly expiresTomorrow: (name: string) => string;
    readonly expiresToday: (name: string) => string;
    readonly expiredAgo: (name: string, days: number) => string;
    readonly renewalDue: (name: string) => string;
    readonly expiredInUse: (name: string) => string;
    readonly autoRenewRisk: (name: string) => string;
    readonly lowBalance: (name: string) => string;
    readonly balanceRecovered: (name: string) => string;
    readonly runway: (name: string) => string;
    readonly spendSpike: (name: string) => string;
    readonly blindSpot: (name: string) => string;
    /** A blind spot closed: the account reads again (`<account>:blind-spot:<since>:cleared`). */
    readonly blindSpotCleared: (name: string) => string;
    /** One of the guard's own CloudWatch alarms went to ALARM (or INSUFFICIENT_DATA). */
    readonly alarm: (name: string) => string;
    /** One of the guard's own CloudWatch alarms is back to OK. */
    readonly alarmOk: (name: string) => string;
    readonly spendGrowth: (name: string) => string;
    readonly renewalMissed: (name: string) => string;
    readonly renewalConfirmed: (name: string) => string;
    readonly coverageGap: (name: string) => string;
    readonly contactsStale: (name: string) => string;
    readonly digest: string;
    /** The operators' notice that next year's holidays are estimated (calendar-provisional). */
    readonly calendarProvisional: string;
    /** The last working day before a long holiday: what a team (project) must do today. */
    readonly holidayReadiness: (project: string) => string;
    /** An entitlement a vendor reports that no service claims (not-in-inventory). */
    readonly notInInventory: (account: string) => string;
    /** A contract whose notice period is near: decide by `decideBy` (or today, at 0 days). */
    readonly contractDecision: (name: string, decideBy: string, days: number) => string;
    /** A package whose quantity runs out before its date. */
    readonly quantityRunway: (name: string, days: number) => string;
    /** Any kind this version has no words for yet. */
    readonly other: (name: string, kind: string) => string;
  };
  /** Marks the escalation ladder's follow-ups in the severity label: `Emergency, repeated`. */
  readonly followUp: {
    readonly repeat: (severity: string) => string;
    readonly escalation: (severity: string) => string;
  };
  readonly daysLeft: (days: number) => string;
  /** The title with the severity label in front. */
  readonly headline: (severity: string, title: string) => string;
  readonly actions: {
    readonly renewBefore: (date: string) => string;
    readonly renewNow: string;
    readonly confirmAutoRenew: string;
    readonly topUp: string;
    readonly noAction: string;
    readonly checkUsage: string;
    readonly checkAccess: string;
    /** An alarm of the guard's: its description says what the state means and what to do. */
    readonly checkAlarm: string;
    readonly checkRenewal: string;
    readonly closeGap: string;
    readonly confirmOwners: string;
    readonly reviewDigest: string;
    readonly declareCalendar: string;
    readonly actBeforeHoliday: string;
    readonly claimEntitlement: string;
    readonly decideContract: (decideBy: string) => string;
    readonly buyMore: (runOutOn: string) => string;
  };
  /**
   * What to do about an expiry, in the words of the service's kind: a contract is renegotiated, a
   * package bought again, an SDK upgraded, a prepaid account topped up, a postpaid bill paid, a
   * subscription renewed.
   */
  readonly kindActions: Readonly<
    Record<ServiceKind, { readonly before: (date: string) => string; readonly now: string }>
  >;
  /** The title of an expiry, for kinds whose end is not an "expiry" in the reader's words. */
  readonly kindTitles: {
    readonly supportEndsIn: (name: string, days: number) => string;
    readonly supportEndsToday: (name: string) => string;
    readonly supportEnded: (name: string, days: number) => string;
  };
  readonly digest: DigestMessages;
  /**
   * An account alert's numbers (its `figures`) in this language, for languages other than the core's:
   * absent in English, whose readers get the core's own `message`.
   */
  readonly figureDetails?: (alert: Alert) => string | undefined;
  /** Joins list items (owners) in this language. */
  readonly listSeparator: string;
  /** Between a label and its value: `: ` in English, the full-width `：` in Chinese. */
  readonly colon: string;
}

export function messagesFor(language: Language | undefined): Messages {
  return language === 'zh-CN' ? ZH_CN : EN;
}
