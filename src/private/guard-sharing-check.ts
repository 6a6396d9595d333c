import { Token } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sns from 'aws-cdk-lib/aws-sns';
import { IConstruct } from 'constructs';

/** A guard as these checks see it: where it is, its registry and its alert topic. */
export interface SharingGuard extends IConstruct {
  readonly registry: dynamodb.ITable;
  readonly alertTopic: sns.ITopic;
}

/** Each guard's channel ids, which its subscriptions on the alert topic filter on. */
const CHANNEL_IDS = new WeakMap<IConstruct, readonly string[]>();

/** Records the ids of `guard`'s channels for `sharingProblems`. */
export function rememberChannels(guard: IConstruct, channels: ReadonlyArray<{ readonly id: string }>): void {
  CHANNEL_IDS.set(
    guard,
    channels.map((c) => c.id),
  );
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
 * through each guard's notifier to its chat, webhook and PagerDuty channels.
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
  const ids = CHANNEL_IDS.get(guard) ?? [];
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
    const otherIds = new Set(CHANNEL_IDS.get(other) ?? []);
    const both = ids.filter((id) => otherIds.has(id));
    if (sameTopic && both.length > 0) {
      problems.push(
        `alertTopic: this RenewalGuard and RenewalGuard ${other.node.path} publish to one alert topic and both ` +
          `declare the channel ids ${both.join(', ')}: subscriptions filter on the channel id alone, so each ` +
          "guard's channel of that id would get the other guard's alerts too; give the channels ids of their " +
          'own, or each guard an alert topic of its own (leave alertTopic out to get one).',
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
