import * as crypto from 'crypto';
import { Token } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { LoadedConfig } from './config-loader';
import { Severity } from '../severity';
import { operatorChannels } from '../shared/operator-channels';

/** Rising order; a channel receives its `minSeverity` and everything above it. */
const SEVERITY_ORDER: readonly string[] = [Severity.INFO, Severity.WARNING, Severity.CRITICAL, Severity.EMERGENCY];

const PROTOCOLS: Readonly<Record<string, sns.SubscriptionProtocol>> = {
  email: sns.SubscriptionProtocol.EMAIL,
  sms: sns.SubscriptionProtocol.SMS,
};

/** Whether SNS delivers to a channel of this type itself (email, sms); the notifier delivers the others. */
export function isSubscribedChannel(type: string): boolean {
  return PROTOCOLS[type] !== undefined;
}

/** The severities a channel with this minimum receives. */
export function severitiesFrom(minSeverity: string): string[] {
  const from = SEVERITY_ORDER.indexOf(minSeverity);
  return SEVERITY_ORDER.slice(Math.max(from, 0));
}

/**
 * One SNS subscription per email / SMS recipient, filtered on the `channels` message attribute
 * (String.Array) the poller sets: it must contain the id of a channel that lists the recipient. Not on
 * `severity`: the poller has applied the channel's `minSeverity` when it routed the alert, and a resolving
 * notice goes to every channel that received what it resolves, whatever its `minSeverity`
 * (core/policy/resolutions.ts), which a severity filter would drop.
 *
 * Construct ids derive from the recipient, not its position, so reordering or removing one address does
 * not replace (and make SNS re-confirm) the others. Other channel types are left to the notifier.
 */
export function addAlertSubscriptions(
  scope: Construct,
  topic: sns.ITopic,
  channels: LoadedConfig['channels'],
  recipientsFromProps: ReadonlyMap<string, readonly string[]>,
): void {
  for (const { id, protocol, endpoint, channelIds } of recipientsOf(channels, recipientsFromProps)) {
    const filterPolicy = { channels: sns.SubscriptionFilter.stringFilter({ allowlist: channelIds }) };
    new sns.Subscription(childOf(scope, 'Channels'), id, { topic, protocol, endpoint, filterPolicy });
  }
}

/**
 * The guard's alarms to the operators' email and SMS recipients (src/shared/operator-channels.ts: the
 * channels marked `operators: true`, else every channel not marked false): one subscription each on the
 * alarm topic, without a filter policy, since everything published there is an alarm notification
 * (see alarmTopicFor). Each recipient confirms it once, as for its alert subscription.
 */
export function addOperatorSubscriptions(
  scope: Construct,
  alarmTopic: sns.ITopic,
  channels: LoadedConfig['channels'],
  recipientsFromProps: ReadonlyMap<string, readonly string[]>,
): void {
  for (const { id, protocol, endpoint } of recipientsOf(operatorChannels(channels), recipientsFromProps)) {
    new sns.Subscription(childOf(scope, 'OperatorChannels'), id, { topic: alarmTopic, protocol, endpoint });
  }
}

export interface Recipient {
  /** The subscription's construct id: the first channel listing the recipient, and the recipient's hash. */
  readonly id: string;
  readonly protocol: sns.SubscriptionProtocol;
  readonly endpoint: string;
  /** Every channel that lists the recipient. */
  readonly channelIds: string[];
}

/**
 * Each email address and phone number once, with the channels that list it. SNS keeps one subscription
 * per topic, protocol and endpoint, and refuses a second with other attributes ("Subscription already
 * exists with different attributes"), so a recipient of two channels gets one subscription for both; a
 * deploy-time (token) recipient, which cannot be compared, gets one per channel.
 */
export function recipientsOf(
  channels: LoadedConfig['channels'],
  recipientsFromProps: ReadonlyMap<string, readonly string[]>,
): Recipient[] {
  const recipients = new Map<string, Recipient>();
  for (const channel of channels) {
    const protocol = PROTOCOLS[channel.type];
    if (!protocol) continue;
    (recipientsFromProps.get(channel.id) ?? channel.to).forEach((endpoint, i) => {
      const token = Token.isUnresolved(endpoint);
      const key = token ? `token ${channel.id} ${i}` : `${protocol} ${endpoint}`;
      const known = recipients.get(key);
      if (known && !known.channelIds.includes(channel.id)) known.channelIds.push(channel.id);
      if (known) return;
      const id = `${channel.id}-${token ? `Token${i}` : shortHash(endpoint)}`;
      recipients.set(key, { id, protocol, endpoint, channelIds: [channel.id] });
    });
  }
  return [...recipients.values()];
}

function childOf(scope: Construct, id: string): Construct {
  return (scope.node.tryFindChild(id) as Construct | undefined) ?? new Construct(scope, id);
}

function shortHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 8);
}
