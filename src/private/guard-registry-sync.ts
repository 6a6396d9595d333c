import { Duration } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { GuardFunction } from './guard-function';
import { addRegistrySync } from './guard-resources';
import { grantRegistryAccess, REGISTRY_ACCESS } from './registry-grants';
import { ENV_REGISTRY_TABLE } from '../shared/registry-schema';

export interface GuardRegistrySyncProps {
  readonly codeDirectory: string;
  readonly registry: dynamodb.ITable;
  /** Changes with the config, so every deploy that changes it syncs again. */
  readonly configHash: string;
  readonly logRetention: logs.RetentionDays;
}

export interface GuardRegistrySync {
  readonly function: GuardFunction;
}

/**
 * The function that syncs the declared services into the registry, run by a custom resource on every
 * deploy that changes the config. `scope` is the guard: the ids are its children's.
 */
export function createRegistrySync(scope: Construct, props: GuardRegistrySyncProps): GuardRegistrySync {
  const sync = new GuardFunction(scope, 'RegistrySync', {
    handler: 'sync-registry',
    description: 'RenewalGuard: sync the declared services into the registry on deploy',
    codeDirectory: props.codeDirectory,
    timeout: Duration.minutes(10),
    environment: { [ENV_REGISTRY_TABLE]: props.registry.tableName },
    logRetention: props.logRetention,
  });
  grantRegistryAccess(sync.role, props.registry, REGISTRY_ACCESS.sync, 'read-write');
  addRegistrySync(scope, sync.function, props.configHash);
  return { function: sync };
}
