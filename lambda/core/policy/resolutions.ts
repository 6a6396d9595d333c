/**
 * Resolutions follow their triggers. A resolving notice — a renewal confirmed, a low balance recovered,
 * a blind spot cleared — closes earlier alerts, and it goes wherever they went: to every channel that
 * received one of them, whatever that channel's `minSeverity` (a pager that takes emergencies only must
 * still hear that the emergency is over, or its incident stays open). The notice's own routing comes on
 * top, so a channel that takes info notices anyway still gets it.
 */
import { SEVERITIES, type Alert, type ServiceConfig } from '../model';

const RECOVERED = ':recovered';
const CLEARED = ':cleared';

/** Whether `alert` closes earlier alerts. */
export function isResolvingNotice(alert: Alert): boolean {
  return (
    alert.kind === 'renewal-confirmed' ||
    (alert.kind === 'balance' && alert.key.endsWith(RECOVERED)) ||
    (alert.kind === 'blind-spot' && alert.key.endsWith(CLEARED))
  );
}

/**
 * The keys of the earlier alerts a resolving notice closes; [] for any other alert.
 *
 * - `<service>:renewal-confirmed:<old date>` closes the old date's reminders: every tier of the service
 *   (and the expiry day's tier 0), its expired-in-use, renewal-missed and auto-renew-risk alerts;
 * - `<account>:balance:<since>:recovered` closes the episode at every severity it may have reached;
 * - `<account>:blind-spot:<since>:cleared` closes `<account>:blind-spot:<since>`.
 */
export function resolvedKeys(alert: Alert, service?: ServiceConfig): string[] {
  if (alert.kind === 'renewal-confirmed') {
    const prefix = service ? `${service.id}:renewal-confirmed:` : undefined;
    if (!service || !prefix || !alert.key.startsWith(prefix)) return [];
    const oldDate = alert.key.slice(prefix.length);
    const tiers = [...new Set([...service.reminderDays, 0])];
    return [
      ...tiers.map((tier) => `${service.id}:expiry:${oldDate}:${tier}`),
      `${service.id}:expired-in-use:${oldDate}`,
      `${service.id}:renewal-missed:${oldDate}`,
      ...SEVERITIES.map((severity) => `${service.id}:auto-renew-risk:${oldDate}:${severity}`),
    ];
  }
  if (alert.kind === 'balance' && alert.key.endsWith(RECOVERED)) {
    const episode = alert.key.slice(0, -RECOVERED.length);
    return SEVERITIES.map((severity) => `${episode}:${severity}`);
  }
  if (alert.kind === 'blind-spot' && alert.key.endsWith(CLEARED)) return [alert.key.slice(0, -CLEARED.length)];
  return [];
}

/**
 * The notice as it goes out: naming the keys it closes, and routed to its own channels plus every
 * channel of the `triggers` (the claimed alerts among those keys, and their follow-ups), in the
 * configured channel order.
 */
export function followTriggers(
  notice: Alert,
  resolves: readonly string[],
  triggers: readonly Pick<Alert, 'channels'>[],
  channelOrder: readonly string[],
): Alert {
  const reached = new Set([...notice.channels, ...triggers.flatMap((t) => t.channels)]);
  const channels = [
    ...channelOrder.filter((id) => reached.has(id)),
    ...[...reached].filter((id) => !channelOrder.includes(id)),
  ];
  return { ...notice, channels, ...(resolves.length > 0 && { resolves }) };
}
