import { digestBlocks } from './digest-view';
import { messagesFor, type Messages } from './messages';
import type { Alert, Language, ServiceKind, Severity } from '../../core/model';
import type { FormatInput } from '../formatters/format-input';
import { inert } from '../text/escape';
import { truncateChars } from '../text/truncate';

/**
 * Caps on the free-text parts, applied before any platform limit so that a very long service name or
 * vendor error can never push the acknowledge link, the owners or the alert key out of a message. A
 * digest's details are its whole content, so they get more room.
 */
export const FIELD_CAPS = { name: 100, project: 100, owners: 300, details: 1500, digest: 3000, link: 1000 } as const;

export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** One alert as a message, in one language, before any platform's markup. */
export interface AlertView {
  readonly severity: Severity;
  /** `Critical`, or `Emergency, repeated` for a follow-up. */
  readonly severityLabel: string;
  /** The headline, without the severity: `Live app RTC expires in 9 days`. */
  readonly title: string;
  /** The headline with the severity first: `[Critical] Live app RTC expires in 9 days` (`【严重】…` in zh-CN). */
  readonly headline: string;
  readonly facts: readonly Fact[];
  readonly action: string;
  /** The core's own text for alerts whose numbers live only there (balances, vendor errors, digests). */
  readonly details?: string;
  readonly ack?: { readonly url: string; readonly label: string };
  /** A digest's link to the full report, shown where other messages show the acknowledge link. */
  readonly report?: { readonly url: string; readonly label: string };
  /** `RenewalGuard · <alert key>`: names the sender (a keyword chat robots can require) and the key. */
  readonly footer: string;
  readonly labels: Messages['labels'];
  /** Between a label and its value, in the message's language. */
  readonly colon: string;
}

/** Kinds about an account rather than a service: the account is their subject. */
const ACCOUNT_KINDS: ReadonlySet<string> = new Set(['balance', 'runway', 'spend-spike', 'spend-growth', 'blind-spot']);
/** Kinds whose days-left figure is about the service's expiry. */
const EXPIRY_KINDS: ReadonlySet<string> = new Set(['expiry', 'expired-in-use', 'auto-renew-risk', 'renewal-missed']);

/**
 * Fields some versions of the alert model carry and others do not yet; read by name so this module
 * works with both.
 */
interface AlertExtras {
  readonly runOutOn?: string;
  readonly followUp?: 'repeat' | 'escalation';
}

/** A balance alert that closes a low-balance episode (`<account>:balance:<since>:recovered`). */
export function isRecovery(alert: Alert): boolean {
  return alert.kind === 'balance' && alert.key.endsWith(':recovered');
}

/** A blind-spot notice that closes the blind spot: the account reads again (`…:blind-spot:<since>:cleared`). */
export function isBlindSpotCleared(alert: Alert): boolean {
  return alert.kind === 'blind-spot' && alert.key.endsWith(':cleared');
}

/** The language a channel's messages are in: its own `language`, else the document's, else English. */
export function channelLanguage(input: Pick<FormatInput, 'channel' | 'language'>): Language {
  return input.channel.language ?? input.language ?? 'en';
}

/**
 * The alert as a message in the channel's language. `userText` makes each piece of user text (names,
 * ids, projects, owners, the core's message) safe for the platform before it is placed among the
 * guard's own words; it defaults to `inert` (one line, no auto-link), enough for plain text.
 */
export function buildAlertView(input: FormatInput, userText: (text: string) => string = inert): AlertView {
  const { alert } = input;
  const kind: string = alert.kind;
  const extras = alert as Alert & AlertExtras;
  const m = messagesFor(channelLanguage(input));
  const safe = (text: string, max: number) => userText(inert(truncateChars(text, max)));
  const name = safe(subjectName(input), FIELD_CAPS.name);
  const facts: Fact[] = [];
  if (alert.serviceId) facts.push({ label: m.labels.service, value: serviceValue(input, safe) });
  if (alert.accountId && (ACCOUNT_KINDS.has(kind) || !alert.serviceId)) {
    facts.push({ label: m.labels.account, value: safe(alert.accountId, FIELD_CAPS.name) });
  }
  if (alert.project) facts.push({ label: m.labels.project, value: safe(alert.project, FIELD_CAPS.project) });
  if (alert.decideBy) facts.push({ label: m.labels.decideBy, value: alert.decideBy });
  if (alert.expiresOn) facts.push({ label: m.labels.expiresOn, value: alert.expiresOn });
  if (alert.daysLeft !== undefined && EXPIRY_KINDS.has(kind)) {
    facts.push({ label: m.labels.daysLeft, value: m.daysLeft(alert.daysLeft) });
  }
  if (extras.runOutOn) facts.push({ label: m.labels.runsOutOn, value: extras.runOutOn });
  if (alert.alarm) facts.push(...alarmFacts(alert.alarm, m, safe));
  if (alert.owners.length > 0) {
    // each owner on its own: an owner holding a separator or markup must not pass for two
    const owners = alert.owners.map((o) => userText(inert(o))).join(m.listSeparator);
    facts.push({ label: m.labels.owners, value: truncateChars(owners, FIELD_CAPS.owners) });
  }
  // the service's own links: where it is renewed (the action link) and its runbook. Validated as plain
  // http(s) URLs (core/config/service-links.ts), they stay links: escaped for the platform, not made inert
  const link = (url: string) => userText(truncateChars(url, FIELD_CAPS.link));
  if (alert.renewUrl) facts.push({ label: m.labels.renewAt, value: link(alert.renewUrl) });
  if (alert.runbook) facts.push({ label: m.labels.runbook, value: link(alert.runbook) });
  const part = kind === 'digest' ? input.digestPart : undefined;
  const heading = title(alert, name, m, input.serviceKind) + (part ? m.digest.part(part.index, part.count) : '');
  const severityLabel = followUpLabel(m.severity[alert.severity], extras.followUp, m);
  const details = detailsOf(input, m, userText);
  return {
    severity: alert.severity,
    severityLabel,
    title: heading,
    headline: m.headline(severityLabel, heading),
    facts,
    action: action(alert, m, input.serviceKind),
    ...(details && { details }),
    // a digest acknowledges nothing: its one link is the report
    ...(kind !== 'digest' && input.ackUrl && { ack: { url: input.ackUrl, label: m.labels.acknowledge } }),
    ...(kind === 'digest' && input.reportUrl && { report: { url: input.reportUrl, label: m.labels.fullReport } }),
    footer: `RenewalGuard · ${userText(inert(alert.key))}`,
    labels: m.labels,
    colon: m.colon,
  };
}

/** The one link a message carries: the acknowledge link, or a digest's report link. */
export function messageLink(
  view: AlertView,
): { readonly url: string; readonly label: string; readonly id: 'acknowledge' | 'open-report' } | undefined {
  if (view.ack) return { ...view.ack, id: 'acknowledge' };
  if (view.report) return { ...view.report, id: 'open-report' };
  return undefined;
}

function followUpLabel(severity: string, followUp: AlertExtras['followUp'], m: Messages): string {
  if (followUp === 'repeat') return m.followUp.repeat(severity);
  if (followUp === 'escalation') return m.followUp.escalation(severity);
  return severity;
}

function subjectName(input: FormatInput): string {
  const { alert } = input;
  if (alert.kind === 'alarm') return alert.alarm?.name ?? alert.key;
  if (ACCOUNT_KINDS.has(alert.kind)) return alert.accountId ?? alert.serviceId ?? alert.key;
  if (alert.kind === 'holiday-readiness') return alert.project ?? alert.key;
  return input.serviceName ?? alert.serviceId ?? alert.accountId ?? alert.key;
}

function serviceValue(input: FormatInput, safe: (text: string, max: number) => string): string {
  const id = safe(input.alert.serviceId!, FIELD_CAPS.name);
  if (!input.serviceName || input.serviceName === input.alert.serviceId) return id;
  return `${safe(input.serviceName, FIELD_CAPS.name)} (${id})`;
}

/**
 * The text below the facts: a digest's summary (the part this message carries, when it is split), else
 * the core's own message for kinds whose numbers live only there. An expiry says it all in its facts.
 */
function detailsOf(input: FormatInput, m: Messages, userText: (text: string) => string): string | undefined {
  const { alert } = input;
  if ((alert.kind as string) === 'digest') {
    if (input.digestPart) return input.digestPart.text;
    if (alert.digest) return digestBlocks(alert.digest, m.digest, (t) => userText(inert(t))).join('\n\n');
    // an outbox entry written before digests carried their facts: its English text, as it was
    if (!alert.message) return undefined;
    return truncateChars(alert.message, FIELD_CAPS.digest)
      .split('\n')
      .map((line) => userText(inert(line)))
      .join('\n');
  }
  if (alert.kind === 'expiry' || !alert.message) return undefined;
  // an alarm says its own words (CloudWatch's, the guard's description) as written; a cleared blind spot
  // says it all in its title
  if (alert.kind === 'alarm') {
    const description = alert.alarm?.description;
    return description ? userText(inert(truncateChars(description, FIELD_CAPS.details))) : undefined;
  }
  if (isBlindSpotCleared(alert)) return undefined;
  if (m.figureDetails) {
    // the core's message is English: a reader of another language gets the numbers in its words, or,
    // where the title, facts and action already say it all, nothing more
    const figures = m.figureDetails(alert);
    if (figures) return userText(inert(truncateChars(figures, FIELD_CAPS.details)));
    if (SAID_BY_FACTS.has(alert.kind)) return undefined;
  }
  return userText(inert(truncateChars(alert.message, FIELD_CAPS.details)));
}

/** Kinds whose title, facts (service, dates, owners) and action carry everything their message says. */
const SAID_BY_FACTS: ReadonlySet<string> = new Set([
  'expired-in-use',
  'auto-renew-risk',
  'renewal-missed',
  'renewal-confirmed',
  'coverage-gap',
  'contacts-stale',
  'contract-decision',
  'quantity-runway',
]);

function title(alert: Alert, name: string, m: Messages, serviceKind: ServiceKind | undefined): string {
  const kind: string = alert.kind;
  switch (kind) {
    case 'expiry': {
      const d = alert.daysLeft;
      if (d === undefined) return m.titles.renewalDue(name);
      if (serviceKind === 'sdk-support') {
        if (d < 0) return m.kindTitles.supportEnded(name, -d);
        if (d === 0) return m.kindTitles.supportEndsToday(name);
        return m.kindTitles.supportEndsIn(name, d);
      }
      if (d < 0) return m.titles.expiredAgo(name, -d);
      if (d === 0) return m.titles.expiresToday(name);
      if (d === 1) return m.titles.expiresTomorrow(name);
      return m.titles.expiresIn(name, d);
    }
    case 'expired-in-use':
      return m.titles.expiredInUse(name);
    case 'auto-renew-risk':
      return m.titles.autoRenewRisk(name);
    case 'balance':
      return isRecovery(alert) ? m.titles.balanceRecovered(name) : m.titles.lowBalance(name);
    case 'runway':
      return m.titles.runway(name);
    case 'spend-spike':
      return m.titles.spendSpike(name);
    case 'spend-growth':
      return m.titles.spendGrowth(name);
    case 'blind-spot':
      return isBlindSpotCleared(alert) ? m.titles.blindSpotCleared(name) : m.titles.blindSpot(name);
    case 'alarm':
      return alert.alarm?.state === 'OK' ? m.titles.alarmOk(name) : m.titles.alarm(name);
    case 'renewal-missed':
      return m.titles.renewalMissed(name);
    case 'renewal-confirmed':
      return m.titles.renewalConfirmed(name);
    case 'coverage-gap':
      return m.titles.coverageGap(name);
    case 'contacts-stale':
      return m.titles.contactsStale(name);
    case 'digest':
      return m.titles.digest;
    case 'calendar-provisional':
      return m.titles.calendarProvisional;
    case 'holiday-readiness':
      return m.titles.holidayReadiness(name);
    case 'not-in-inventory':
      return m.titles.notInInventory(name);
    case 'contract-decision':
      return m.titles.contractDecision(name, alert.decideBy ?? alert.expiresOn ?? '', alert.daysLeft ?? 0);
    case 'quantity-runway':
      return m.titles.quantityRunway(name, alert.daysLeft ?? 0);
    default:
      return m.titles.other(name, kind);
  }
}

function action(alert: Alert, m: Messages, serviceKind: ServiceKind | undefined): string {
  const kind: string = alert.kind;
  const words = serviceKind === undefined ? undefined : m.kindActions[serviceKind];
  switch (kind) {
    case 'expiry':
      if (alert.expiresOn && (alert.daysLeft ?? 1) > 0) {
        return words ? words.before(alert.expiresOn) : m.actions.renewBefore(alert.expiresOn);
      }
      return words?.now ?? m.actions.renewNow;
    case 'expired-in-use':
      return words?.now ?? m.actions.renewNow;
    case 'auto-renew-risk':
      return m.actions.confirmAutoRenew;
    case 'balance':
      return isRecovery(alert) ? m.actions.noAction : m.actions.topUp;
    case 'runway':
      return m.actions.topUp;
    case 'spend-spike':
    case 'spend-growth':
      return m.actions.checkUsage;
    case 'blind-spot':
      return isBlindSpotCleared(alert) ? m.actions.noAction : m.actions.checkAccess;
    case 'alarm':
      return alert.alarm?.state === 'OK' ? m.actions.noAction : m.actions.checkAlarm;
    case 'renewal-missed':
      return m.actions.checkRenewal;
    case 'coverage-gap':
      return m.actions.closeGap;
    case 'contacts-stale':
      return m.actions.confirmOwners;
    case 'digest':
      return m.actions.reviewDigest;
    case 'calendar-provisional':
      return m.actions.declareCalendar;
    case 'holiday-readiness':
      return m.actions.actBeforeHoliday;
    case 'not-in-inventory':
      return m.actions.claimEntitlement;
    case 'contract-decision':
      return m.actions.decideContract(alert.decideBy ?? alert.expiresOn ?? '');
    case 'quantity-runway':
      return m.actions.buyMore(alert.runOutOn ?? alert.expiresOn ?? '');
    default:
      return m.actions.noAction;
  }
}

/** An alarm's state (with the one it left), CloudWatch's reason and the instant of the change. */
function alarmFacts(
  alarm: NonNullable<Alert['alarm']>,
  m: Messages,
  safe: (text: string, max: number) => string,
): Fact[] {
  const state = alarm.previousState ? `${alarm.previousState} → ${alarm.state}` : alarm.state;
  return [
    { label: m.labels.alarmState, value: safe(state, FIELD_CAPS.name) },
    ...(alarm.reason ? [{ label: m.labels.alarmReason, value: safe(alarm.reason, FIELD_CAPS.details) }] : []),
    { label: m.labels.alarmChangedAt, value: safe(alarm.changedAt, FIELD_CAPS.name) },
  ];
}
