/**
 * CloudFormation custom resource: on every deploy that changes the config, the declared services reach
 * the registry. Services no longer declared are marked retired, never deleted; deleting the stack leaves
 * the registry and its history alone. The function is the resource's ServiceToken and answers
 * CloudFormation itself (custom-resource-response.ts): no Provider framework function in between.
 *
 * With the SSM store it also creates the guard's link secret, a SecureString parameter CloudFormation
 * cannot create (aws/link-parameter.ts), when it does not exist yet; deleting the stack leaves it too.
 */
import { SSMClient } from '@aws-sdk/client-ssm';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { loadStagedConfig, requireEnv } from './handler-config';
import { powertoolsLogger } from './powertools-logger';
import { ENV_LINK_PARAMETER_NAME } from '../../src/shared/link-parameter';
import { ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { answerCustomResource, type CustomResourceResponse, type RemainingTime } from '../aws/custom-resource-response';
import { DynamoRegistry } from '../aws/dynamo-registry';
import { ensureLinkParameter } from '../aws/link-parameter';
import type { GuardConfig } from '../core/model';
import type { Registry } from '../core/registry-port';

export const PHYSICAL_RESOURCE_ID = 'renewal-guard-registry-sync';

const logger = powertoolsLogger();

let deps: { config: GuardConfig; registry: Registry } | undefined;
let ssm: SSMClient | undefined;

export async function handler(
  event: CloudFormationCustomResourceEvent,
  context?: RemainingTime,
): Promise<CustomResourceResponse> {
  const response = await answerCustomResource(event, context, async () => {
    if (event.RequestType === 'Delete') return { PhysicalResourceId: PHYSICAL_RESOURCE_ID };
    deps ??= {
      config: loadStagedConfig(),
      registry: new DynamoRegistry({ tableName: requireEnv(ENV_REGISTRY_TABLE) }),
    };
    // the link secret first: the functions that sign and check links read it from now on
    const linkParameterName = process.env[ENV_LINK_PARAMETER_NAME];
    const linkParameter = linkParameterName
      ? await ensureLinkParameter((ssm ??= new SSMClient({})), linkParameterName)
      : undefined;
    if (linkParameter) logger.info('link parameter', { parameter: linkParameterName, outcome: linkParameter });
    const result = await deps.registry.syncDeclaredServices(deps.config.services, new Date().toISOString());
    logger.info('registry synced', {
      added: result.added.length,
      updated: result.updated.length,
      retired: result.retired,
      restored: result.restored,
      unchanged: result.unchanged,
    });
    return {
      PhysicalResourceId: PHYSICAL_RESOURCE_ID,
      Data: {
        Added: result.added.length,
        Updated: result.updated.length,
        Retired: result.retired.length,
        Restored: result.restored.length,
        ...(linkParameter && { LinkParameter: linkParameter }),
      },
    };
  });
  if (response.Status === 'FAILED') {
    logger.error('registry sync failed', { requestType: event.RequestType, reason: response.Reason });
  }
  return response;
}
