import { CfnResource, CustomResource, Duration } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { GuardFunction } from './guard-function';
import type { LinkParameter } from './guard-links';
import { addRegistrySync } from './guard-resources';
import { grantRegistryAccess, REGISTRY_ACCESS } from './registry-grants';
import { ENV_LINK_PARAMETER_NAME } from '../shared/link-parameter';
import { ENV_REGISTRY_TABLE } from '../shared/registry-schema';

export interface GuardRegistrySyncProps {
  readonly codeDirectory: string;
  readonly registry: dynamodb.ITable;
  /** Changes with the config, so every deploy that changes it syncs again. */
  readonly configHash: string;
  readonly logRetention: logs.RetentionDays;
  /** The link secret's SecureString parameter, which the sync creates when it does not exist yet. */
  readonly linkParameter?: LinkParameter;
}

export interface GuardRegistrySync {
  readonly function: GuardFunction;
  /** The custom resource that runs the sync (and creates the link parameter) on deploy. */
  readonly onDeploy: CustomResource;
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
    environment: {
      [ENV_REGISTRY_TABLE]: props.registry.tableName,
      ...(props.linkParameter && { [ENV_LINK_PARAMETER_NAME]: props.linkParameter.name }),
    },
    logRetention: props.logRetention,
  });
  grantRegistryAccess(sync.role, props.registry, REGISTRY_ACCESS.sync, 'read-write');
  const onDeploy = addRegistrySync(scope, sync.function, props.configHash);
  if (props.linkParameter) createsLinkParameter(sync, onDeploy, props.linkParameter);
  return { function: sync, onDeploy };
}

/**
 * Lets the sync create the link secret's parameter: GetParameter (no decryption) to see whether it exists,
 * PutParameter to create it, on exactly its ARN. With the AWS managed key aws/ssm no key statement is
 * needed (its key policy lets principals of the account encrypt and decrypt through Parameter Store).
 * The parameter's name is a property of the custom resource, so a guard that gains it (an upgrade, or a
 * switch to the SSM store) runs the sync on that deploy even when its config is unchanged.
 */
function createsLinkParameter(sync: GuardFunction, onDeploy: CustomResource, parameter: LinkParameter): void {
  iam.Grant.addToPrincipal({
    grantee: sync.role,
    actions: ['ssm:GetParameter', 'ssm:PutParameter'],
    resourceArns: [parameter.arn],
  });
  (onDeploy.node.defaultChild as CfnResource).addPropertyOverride('LinkParameter', parameter.name);
}
