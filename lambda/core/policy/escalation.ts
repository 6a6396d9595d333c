import type { WorkingCalendar } from '../calendar/working-calendar';
import { compareDates } from '../dates';
import type { Alert, ChannelConfig, EscalationPolicy, IsoDate } from '../model';
import { acknowledgedRoots, isAcknowledged, type AcknowledgementFact } from './acknowledgements';
import { escalatedKey, repeatKey } from './policy-keys';
import { routeToChannels } from '../reminders/channel-routing';

/** What the ledger knows about this cycle's due alerts. */
export interface LedgerFacts {
  /**
   * The local day each key was first claimed. Only the keys of this cycle's critical and emergency due
   * alerts matter; a key missing here has not fired yet.
   */
  readonly firedOn: ReadonlyMap<string, IsoDate>;
  /** Acknowledgements (and snoozes) recorded on those keys, or on their repeats and escalations. */
  readonly acknowledgements: readonly AcknowledgementFact[];
}

export interface EscalationContext {
  readonly now: Date;
  readonly today: IsoDate;
  readonly calendar: WorkingCalendar;
  readonly channels: ReadonlyMap<string, ChannelConfig>;
  readonly escalation?: EscalationPolicy;
}

/**
 * An emergency reaches the `escalation.emergency` channels as well as its own, from its first sending:
 * the last line of defence (SMS, phone, PagerDuty) is for exactly these.
 */
export function withEscalationChannels(
  alert: Alert,
  escalation: EscalationPolicy | undefined,
  channels: ReadonlyMap<string, ChannelConfig>,
): Alert {
  if (alert.severity !== 'emergency' || !escalation?.emergency) return alert;
  const extra = routeToChannels(escalation.emergency, 'emergency', channels);
  const all = [...new Set([...alert.channels, ...extra])];
  return all.length === alert.channels.length ? alert : { ...alert, channels: all };
}

/** Which emergency speaks for a service when several are due: the one that says the most. */
const REPEAT_PRIORITY: readonly string[] = ['expired-in-use', 'renewal-missed', 'expiry'];

/**
 * The escalation ladder, decided from this cycle's due alerts (each still due means still unresolved:
 * a renewal, a top-up or the next tier replaces it with another key) and the ledger:
 *
 * - an emergency that first fired on an earlier day repeats today (`<key>:repeat:<today>`), to its own
 *   and the emergency channels, until acknowledged or resolved. One repeat per service a day: the most
 *   telling emergency's (expired in use, then renewal missed, then the expiry), and none if that one is
 *   acknowledged or if a new emergency about the service goes out today anyway;
 * - a critical alert that first fired on an earlier day and is still unacknowledged escalates once
 *   (`<key>:escalated`) to the `escalation.critical` channels, on the next working day's cycle (the
 *   reminder itself was moved before the holiday so that nobody has to be woken during it).
 *
 * An acknowledgement or a running snooze on the alert, its repeat or its escalation stops both.
 */
export function escalationsAndRepeats(due: readonly Alert[], ledger: LedgerFacts, ctx: EscalationContext): Alert[] {
  let silenced: ReadonlySet<string> | undefined; // read only when something is old enough to follow up
  const acknowledged = (alert: Alert): boolean => {
    silenced ??= acknowledgedRoots(ledger.acknowledgements, ctx.now);
    return isAcknowledged(alert.key, silenced);
  };
  const firedBefore = (alert: Alert): IsoDate | undefined => {
    const firedOn = ledger.firedOn.get(alert.key);
    return firedOn !== undefined && compareDates(firedOn, ctx.today) < 0 ? firedOn : undefined;
  };

  const repeats = new Map<string, { alert: Alert; firedOn: IsoDate }>();
  const freshToday = new Set<string>();
  const escalations: Alert[] = [];
  const criticalChannels = routeToChannels(ctx.escalation?.critical ?? [], 'critical', ctx.channels);
  const workingDay = ctx.calendar.isWorkingDay(ctx.today);
  for (const alert of due) {
    const firedOn = firedBefore(alert);
    if (alert.severity === 'emergency') {
      const subject = alert.serviceId ?? `account:${alert.accountId ?? alert.key}`;
      if (firedOn === undefined) {
        freshToday.add(subject);
        continue;
      }
      const current = repeats.get(subject);
      if (!current || priority(alert) < priority(current.alert)) repeats.set(subject, { alert, firedOn });
    } else if (
      alert.severity === 'critical' &&
      firedOn !== undefined &&
      workingDay &&
      criticalChannels.length > 0 &&
      !acknowledged(alert)
    ) {
      escalations.push({
        ...alert,
        key: escalatedKey(alert.key),
        date: ctx.today,
        followUp: 'escalation',
        channels: criticalChannels,
        message: `Escalated, not acknowledged since ${firedOn}: ${alert.message}`,
      });
    }
  }
  const repeated = [...repeats]
    .filter(([subject, { alert }]) => !freshToday.has(subject) && !acknowledged(alert))
    .map(([, { alert, firedOn }]) => ({
      ...withEscalationChannels(alert, ctx.escalation, ctx.channels),
      key: repeatKey(alert.key, ctx.today),
      date: ctx.today,
      followUp: 'repeat' as const,
      message: `Repeated daily until acknowledged (first sent ${firedOn}): ${alert.message}`,
    }));
  return [...repeated, ...escalations];
}

function priority(alert: Alert): number {
  const rank = REPEAT_PRIORITY.indexOf(alert.kind);
  return rank === -1 ? REPEAT_PRIORITY.length : rank;
}
