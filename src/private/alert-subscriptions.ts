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
 * (String.Array) the poller sets: it must contain the channel's id. Not on `severity`: the poller has
 * applied the channel's `minSeverity` when it routed the alert, and a resolving notice goes to every
 * channel that received what it resolves, whatever its `minSeverity` (core/policy/resolutions.ts), which
 * a severity filter would drop.
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
  forEachRecipient(channels, recipientsFromProps, (channel, protocol, endpoint, key) => {
    const group = childOf(scope, 'Channels');
    const filterPolicy = { channels: sns.SubscriptionFilter.stringFilter({ allowlist: [channel.id] }) };
    new sns.Subscription(group, `${channel.id}-${key}`, { topic, protocol, endpoint, filterPolicy });
  });
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
  forEachRecipient(operatorChannels(channels), recipientsFromProps, (channel, protocol, endpoint, key) => {
    const group = childOf(scope, 'OperatorChannels');
    new sns.Subscription(group, `${channel.id}-${key}`, { topic: alarmTopic, protocol, endpoint });
  });
}

function forEachRecipient(
  channels: LoadedConfig['channels'],
  recipientsFromProps: ReadonlyMap<string, readonly string[]>,
  each: (
    channel: LoadedConfig['channels'][number],
    protocol: sns.SubscriptionProtocol,
    endpoint: string,
    key: string,
  ) => void,
): void {
  for (const channel of channels) {
    const protocol = PROTOCOLS[channel.type];
    if (!protocol) continue;
    const recipients = recipientsFromProps.get(channel.id) ?? channel.to;
    recipients.forEach((endpoint, i) => {
      each(channel, protocol, endpoint, Token.isUnresolved(endpoint) ? `Token${i}` : shortHash(endpoint));
    });
  }
}

function childOf(scope: Construct, id: string): Construct {
  return (scope.node.tryFindChild(id) as Construct | undefined) ?? new Construct(scope, id);
}

function shortHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 8);
}
