/**
 * Behind a Lambda function URL or an API Gateway HTTP API (payload format 2.0): acknowledge / snooze
 * links from messages, and the expiry calendar feed.
 * The routes live in ./ack-and-calendar/app.ts; this file only wires the deployed dependencies.
 */
import { ENV_LINK_SECRET_NAME, ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { DynamoRegistry } from '../aws/dynamo-registry';
import { SecretsManagerResolver } from '../aws/secrets-manager-resolver';
import { createAckAndCalendarHandler, type AckAndCalendarHandler } from './ack-and-calendar/app';
import type { HttpResponse, LinkEvent } from './ack-and-calendar/http';
import { loadStagedConfig, requireEnv } from './handler-config';
import { powertoolsLogger } from './powertools-logger';

const logger = powertoolsLogger();

// built on the first invocation and kept for the container's life (clients reuse their connections)
let handle: AckAndCalendarHandler | undefined;

export async function handler(event: LinkEvent): Promise<HttpResponse> {
  handle ??= createAckAndCalendarHandler({
    config: loadStagedConfig(),
    registry: new DynamoRegistry({ tableName: requireEnv(ENV_REGISTRY_TABLE) }),
    secrets: new SecretsManagerResolver(),
    secretName: requireEnv(ENV_LINK_SECRET_NAME),
    clock: () => new Date(),
    logger,
  });
  return handle(event);
}
