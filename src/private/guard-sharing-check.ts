import { Token } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IConstruct } from 'constructs';
import { recipientsOf } from './alert-subscriptions';
import type { LoadedConfig } from './config-loader';

/** A guard as these checks see it: where it is, its registry and its alert topic. */
export interface SharingGuard extends IConstruct {
  readonly registry: dynamodb.ITable;
  readonly alertTopic: sns.ITopic;
}

/** Each guard's channel ids and email / SMS recipients (`sms +86…`), which its alert topic subscriptions use. */
const CHANNELS = new WeakMap<IConstruct, { readonly ids: readonly string[]; readonly recipients: readonly string[] }>();

/** Records `guard`'s channels and their recipients (as given in the props, else the config's) for `sharingProblems`. */
export function rememberChannels(
  guard: IConstruct,
  channels: LoadedConfig['channels'],
  recipientsFromProps: ReadonlyMap<string, readonly string[]>,
): void {
  const recipients = recipientsOf(channels, recipientsFromProps)
    .filter((r) => !Token.isUnresolved(r.endpoint))
    .map((r) => `${r.protocol} ${r.endpoint}`);
  CHANNELS.set(guard, { ids: channels.map((c) => c.id), recipients });
}

/**
 * What `guard` shares with another guard (`isGuard`) of the same app that two guards must not share.
 *
 * A registry table is one guard's: its sync retires every service the guard does not declare (another
 * guard's included, on each deploy of either), and alert keys (`live-rtc:expiry:…`) are claimed once per
 * table, so an alert one guard fires the other never sends.
 *
 * An alert topic may be shared, but not a channel id on it: subscriptions filter on the `channels`
 * attribute alone, so a channel id both guards declare gets both guards' alerts, by email and SMS and
 * through each guard's notifier to its chat, webhook and PagerDuty channels. Nor a recipient: SNS holds
 * one subscription per topic and endpoint, and refuses the second guard's, whose filter differs.
 *
 * A table or topic is the same when it is the same construct, or imported under the same name or ARN in
 * the same account and region (in one stack when the environment is unknown). Guards in other apps are
 * out of sight: the README says so.
 */
export function sharingProblems(guard: SharingGuard, isGuard: (c: IConstruct) => c is SharingGuard): string[] {
  const others = guard.node.root.node
    .findAll()
    .filter(isGuard)
    .filter((other) => other !== guard);
  const tableKey = resourceKey(guard.registry, guard.registry.tableName);
  const topicKey = resourceKey(guard.alertTopic, guard.alertTopic.topicArn);
  const mine = CHANNELS.get(guard) ?? { ids: [], recipients: [] };
  const problems: string[] = [];
  for (const other of others) {
    const sameTable =
      other.registry === guard.registry ||
      (tableKey !== undefined && resourceKey(other.registry, other.registry.tableName) === tableKey);
    if (sameTable) {
      problems.push(
        `registryTable: the registry of this RenewalGuard is also the registry of RenewalGuard ${other.node.path}. ` +
          "Each guard's deploy retires the services the other declares, and an alert key claimed by one is never " +
          'sent by the other; give each guard a table of its own (leave registryTable out to get one).',
      );
    }
    const sameTopic =
      other.alertTopic === guard.alertTopic ||
      (topicKey !== undefined && resourceKey(other.alertTopic, other.alertTopic.topicArn) === topicKey);
    if (!sameTopic) continue;
    const theirs = CHANNELS.get(other) ?? { ids: [], recipients: [] };
    const both = mine.ids.filter((id) => theirs.ids.includes(id));
    if (both.length > 0) {
      problems.push(
        `alertTopic: this RenewalGuard and RenewalGuard ${other.node.path} publish to one alert topic and both ` +
          `declare the channel ids ${both.join(', ')}: subscriptions filter on the channel id alone, so each ` +
          "guard's channel of that id would get the other guard's alerts too; give the channels ids of their " +
          'own, or each guard an alert topic of its own (leave alertTopic out to get one).',
      );
    }
    const recipients = mine.recipients.filter((r) => theirs.recipients.includes(r));
    if (recipients.length > 0) {
      problems.push(
        `alertTopic: this RenewalGuard and RenewalGuard ${other.node.path} both subscribe ${recipients.join(', ')} ` +
          'to one alert topic, each with a filter of its own, which SNS refuses (one subscription per topic and ' +
          'endpoint); list each recipient in one of the guards only, or give each guard an alert topic of its own ' +
          '(leave alertTopic out to get one).',
      );
    }
  }
  return problems;
}

function resourceKey(resource: dynamodb.ITable | sns.ITopic, name: string): string | undefined {
  if (Token.isUnresolved(name)) return undefined;
  const { account, region } = resource.env;
  const where =
    Token.isUnresolved(account) || Token.isUnresolved(region) ? resource.stack.node.path : `${account}/${region}`;
  return `${where}/${name}`;
}
