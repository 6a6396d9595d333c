import * as crypto from 'crypto';
import { Token } from 'aws-cdk-lib';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { Severity } from '../severity';
import type { LoadedConfig } from './config-loader';

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
 * One SNS subscription per email / SMS recipient, filtered on the message attributes the poller sets:
 * `channels` (String.Array) must contain the channel's id and `severity` must reach its `minSeverity`.
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
  let group: Construct | undefined;
  for (const channel of channels) {
    const protocol = PROTOCOLS[channel.type];
    if (!protocol) continue;
    const recipients = recipientsFromProps.get(channel.id) ?? channel.to;
    const filterPolicy = {
      channels: sns.SubscriptionFilter.stringFilter({ allowlist: [channel.id] }),
      severity: sns.SubscriptionFilter.stringFilter({ allowlist: severitiesFrom(channel.minSeverity) }),
    };
    recipients.forEach((endpoint, i) => {
      const key = Token.isUnresolved(endpoint) ? `Token${i}` : shortHash(endpoint);
      group ??= new Construct(scope, 'Channels');
      new sns.Subscription(group, `${channel.id}-${key}`, { topic, protocol, endpoint, filterPolicy });
    });
  }
}

function shortHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 8);
}
