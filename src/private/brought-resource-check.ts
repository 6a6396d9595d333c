import { Annotations, Arn, ArnFormat, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { RenewalGuardProps } from '../renewal-guard-props';

/**
 * Problems of a registry table, alert topic or event bus brought from where the guard's functions cannot
 * reach it. They name the table and the bus by name (`RENEWAL_GUARD_REGISTRY_TABLE`,
 * `RENEWAL_GUARD_EVENT_BUS_NAME`), which DynamoDB and EventBridge resolve in the caller's own account and
 * region, and publish to the topic by ARN, which SNS accepts from another account but only in the
 * topic's region. A table of the guard's account in another region may be a global table with a replica
 * in the guard's region, so it is only warned about. Only ARNs known at synth are compared; a stack without
 * an environment is not checked.
 */
export function broughtResourceProblems(scope: Construct, props: RenewalGuardProps): string[] {
  const stack = Stack.of(scope);
  if (Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region)) return [];
  const here = `account ${stack.account}, region ${stack.region}`;
  const problems: string[] = [];
  const byName = (prop: string, arn: string | undefined, why: string) => {
    const env = envOf(arn);
    if (env && (env.account !== stack.account || env.region !== stack.region)) {
      problems.push(`${prop}: in account ${env.account}, region ${env.region}, but the guard is in ${here}: ${why}`);
    }
  };
  const table = envOf(props.registryTable?.tableArn);
  if (table?.account === stack.account && table.region !== stack.region) {
    // by name the functions reach a global table's replica in their region: a choice, not a mistake
    Annotations.of(scope).addWarningV2(
      'renewal-guard:registry-table-region',
      `registryTable: its ARN is in region ${table.region}, but the functions reach the table by its name in ` +
        `region ${stack.region}: a global table's replica there, or no table at all`,
    );
  } else {
    byName(
      'registryTable',
      props.registryTable?.tableArn,
      'the functions reach the table by its name, in their own account and region; bring a table of the ' +
        'guard’s account and region',
    );
  }
  const topic = envOf(props.alertTopic?.topicArn);
  if (topic && topic.region !== stack.region) {
    problems.push(
      `alertTopic: in region ${topic.region}, but the guard is in region ${stack.region}: SNS takes a topic’s ` +
        'messages in its own region only; bring a topic of the guard’s region',
    );
  }
  byName(
    'eventBus',
    props.eventBus?.eventBusArn,
    'the poller reaches the bus by its name, in its own account and region; bring a bus of the guard’s ' +
      'account and region (a rule there can forward its events)',
  );
  return problems;
}

function envOf(arn: string | undefined): { readonly account: string; readonly region: string } | undefined {
  if (arn === undefined || Token.isUnresolved(arn)) return undefined;
  const { account, region } = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME);
  return account && region ? { account, region } : undefined;
}
