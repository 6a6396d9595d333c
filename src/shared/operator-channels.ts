/**
 * Who the guard's operators are: the channels that get the guard's own CloudWatch alarms (the dead-man's
 * switch, poller and notifier errors, dead letters) besides the alerts routed to them. A document marks
 * them with `operators: true`; a document that marks none makes every channel an operators channel (but
 * those set to `operators: false`), so that under the defaults an alarm always reaches someone. Shared by
 * the construct (the alarm topic's subscriptions) and the notifier (its chat channels): dependency-free,
 * so src/ and lambda/ both import it.
 */

/** The operators' channels, in document order: those marked `operators: true`, else all but those marked false. */
export function operatorChannels<C extends { readonly operators?: boolean }>(channels: readonly C[]): C[] {
  const marked = channels.filter((c) => c.operators === true);
  return marked.length > 0 ? marked : channels.filter((c) => c.operators !== false);
}
