/**
 * PagerDuty Events API v2 (developer.pagerduty.com, "Send an Alert Event"): POST
 * https://events.pagerduty.com/v2/enqueue with `routing_key`, `event_action` (trigger | acknowledge |
 * resolve), `dedup_key` (at most 255 characters) and, for a trigger, `payload.summary` (at most 1,024
 * characters), `payload.source` and `payload.severity` (critical | error | warning | info).
 *
 * `dedup_key` is the alert key — without the `:repeat:<day>` or `:escalated` suffix the escalation
 * ladder adds, so a retried delivery, a daily repeat and an escalation all land on the same PagerDuty
 * alert, and a later `resolve` closes it. `routing_key` is a secret: delivery adds it, the formatter
 * never sees it.
 */
import type { FormatInput } from './format-input';
import { SEVERITIES, type Severity } from '../../core/model';
import { buildAlertView, isBlindSpotCleared, isRecovery, messageLink } from '../messages/alert-view';
import { inert } from '../text/escape';
import { truncateChars } from '../text/truncate';

export type PagerDutySeverity = 'critical' | 'error' | 'warning' | 'info';

export const PAGERDUTY_SEVERITY: Readonly<Record<Severity, PagerDutySeverity>> = {
  info: 'info',
  warning: 'warning',
  critical: 'error',
  emergency: 'critical',
};

export const PAGERDUTY_LIMITS = { summaryChars: 1024, dedupKeyChars: 255 } as const;

/** An Events API v2 event without its `routing_key`. */
export interface PagerDutyTrigger {
  readonly event_action: 'trigger';
  readonly dedup_key: string;
  readonly payload: {
    readonly summary: string;
    readonly source: string;
    readonly severity: PagerDutySeverity;
    readonly component?: string;
    readonly group?: string;
    readonly class: string;
    readonly custom_details: Readonly<Record<string, unknown>>;
  };
  readonly client: string;
  readonly links?: readonly { readonly href: string; readonly text: string }[];
}

export interface PagerDutyResolve {
  readonly event_action: 'resolve';
  readonly dedup_key: string;
}

export type PagerDutyEvent = PagerDutyTrigger | PagerDutyResolve;

export function formatPagerDuty(input: FormatInput): PagerDutyTrigger {
  const { alert } = input;
  const view = buildAlertView(input);
  const link = messageLink(view);
  const component = alert.serviceId ?? alert.accountId;
  // shown as text in PagerDuty's incident view: one line, nothing it would auto-link
  const group = alert.project === undefined ? undefined : inert(alert.project);
  return {
    event_action: 'trigger',
    dedup_key: pagerDutyDedupKey(alert.key),
    payload: {
      summary: truncateChars(view.headline, PAGERDUTY_LIMITS.summaryChars),
      source: 'renewal-guard',
      severity: PAGERDUTY_SEVERITY[alert.severity],
      ...(component && { component: inert(component) }),
      ...(group && { group }),
      class: alert.kind,
      custom_details: {
        ...Object.fromEntries(view.facts.map((f) => [f.label, f.value])),
        [view.labels.whatToDo]: view.action,
        ...(view.details && { [view.labels.details]: view.details }),
        key: alert.key,
        ...(alert.tier !== undefined && { tier: alert.tier }),
      },
    },
    client: 'RenewalGuard',
    ...(link && { links: [{ href: link.url, text: link.label }] }),
  };
}

/**
 * What an alert becomes at PagerDuty. Notices are not incidents: a balance recovery
 * (`<account>:balance:<since>:recovered`) resolves the episode's alerts, one per severity it may have
 * reached; a `renewal-confirmed` notice resolves the keys its context names (the old expiry date's); a
 * digest sends nothing. PagerDuty drops a resolve for a key it never opened.
 */
export function pagerDutyEvents(input: FormatInput): PagerDutyEvent[] {
  const { alert } = input;
  const kind: string = alert.kind;
  if (isRecovery(alert)) {
    const episode = alert.key.slice(0, -':recovered'.length);
    return SEVERITIES.map((severity) => pagerDutyResolve(`${episode}:${severity}`));
  }
  // a renewal confirmed, a blind spot cleared: resolve what it closes (routing names them in `resolves`)
  if (kind === 'renewal-confirmed' || isBlindSpotCleared(alert)) return (input.resolves ?? []).map(pagerDutyResolve);
  // one of the guard's alarms back to OK resolves the incident its ALARM opened (one per alarm)
  if (kind === 'alarm' && alert.alarm?.state === 'OK') return [pagerDutyResolve(alert.key)];
  if (kind === 'digest') return [];
  return [formatPagerDuty(input)];
}

/** Closes the PagerDuty alert opened for `key` (on recovery or renewal); unknown keys are dropped by PagerDuty. */
export function pagerDutyResolve(key: string): PagerDutyResolve {
  return { event_action: 'resolve', dedup_key: pagerDutyDedupKey(key) };
}

/**
 * The alert key of an episode: follow-ups (`:repeat:2026-10-10`, `:escalated`) share their root's, and
 * every state change of one of the guard's alarms (`_guard:alarm:<name>:<state>:<instant>`) its alarm's.
 */
export function pagerDutyDedupKey(key: string): string {
  const alarm = /^(_guard:alarm:[^:]+):/.exec(key);
  if (alarm) return alarm[1]!;
  return key.replace(/:repeat:\d{4}-\d{2}-\d{2}$/, '').replace(/:escalated$/, '');
}
