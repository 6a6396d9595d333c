import { Token } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { IConstruct } from 'constructs';

/** A guard as this check sees it: where it is and which table is its registry. */
export interface RegistryHolder extends IConstruct {
  readonly registry: dynamodb.ITable;
}

/**
 * The problems of a guard whose registry table is also another guard's (`isGuard`) in the same app. A
 * registry is one guard's: its sync retires every service the guard does not declare (another guard's
 * included, on each deploy of either), and alert keys (`live-rtc:expiry:…`) are claimed once per table,
 * so an alert one guard fires the other never sends. A table is the same when it is the same construct,
 * or imported under the same name in the same account and region (in one stack when the environment is
 * unknown). Guards in other apps are out of sight: the README says a table is one guard's.
 */
export function sharedRegistryProblems(
  guard: RegistryHolder,
  isGuard: (construct: IConstruct) => construct is RegistryHolder,
): string[] {
  const key = tableKey(guard.registry);
  return guard.node.root.node
    .findAll()
    .filter(isGuard)
    .filter((other) => other !== guard)
    .filter((other) => other.registry === guard.registry || (key !== undefined && tableKey(other.registry) === key))
    .map(
      (other) =>
        `registryTable: the registry of this RenewalGuard is also the registry of RenewalGuard ${other.node.path}. ` +
        "Each guard's deploy retires the services the other declares, and an alert key claimed by one is never " +
        'sent by the other; give each guard a table of its own (leave registryTable out to get one).',
    );
}

function tableKey(table: dynamodb.ITable): string | undefined {
  const name = table.tableName;
  if (Token.isUnresolved(name)) return undefined;
  const { account, region } = table.env;
  const where =
    Token.isUnresolved(account) || Token.isUnresolved(region) ? table.stack.node.path : `${account}/${region}`;
  return `${where}/${name}`;
}
