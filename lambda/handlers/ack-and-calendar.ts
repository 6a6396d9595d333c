/**
 * Behind a Lambda function URL or an API Gateway HTTP API (payload format 2.0): acknowledge / snooze
 * links from messages, and the expiry calendar feed.
 * The routes live in ./ack-and-calendar/app.ts; this file only wires the deployed dependencies.
 */
import { ENV_LINK_PARAMETER_NAME } from '../../src/shared/link-parameter';
import { ENV_LINK_SECRET_NAME, ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { linkSecretSourceFromEnv } from '../aws/credential-store';
import { DynamoRegistry } from '../aws/dynamo-registry';
import { createAckAndCalendarHandler, type AckAndCalendarHandler } from './ack-and-calendar/app';
import type { HttpResponse, LinkEvent } from './ack-and-calendar/http';
import { loadStagedConfig, requireEnv } from './handler-config';
import { powertoolsLogger } from './powertools-logger';

const logger = powertoolsLogger();

// built on the first invocation and kept for the container's life (clients reuse their connections)
let handle: AckAndCalendarHandler | undefined;

export async function handler(event: LinkEvent): Promise<HttpResponse> {
  handle ??= create();
  return handle(event);
}

function create(): AckAndCalendarHandler {
  // the link secret: a SecureString parameter with the SSM store, else a Secrets Manager secret
  const linkSecret = linkSecretSourceFromEnv(process.env);
  if (!linkSecret) {
    throw new Error(
      `environment variable ${ENV_LINK_PARAMETER_NAME} or ${ENV_LINK_SECRET_NAME} is not set; the RenewalGuard ` +
        'construct sets one of them on the function',
    );
  }
  return createAckAndCalendarHandler({
    config: loadStagedConfig(),
    registry: new DynamoRegistry({ tableName: requireEnv(ENV_REGISTRY_TABLE) }),
    secrets: linkSecret.secrets,
    secretName: linkSecret.name,
    clock: () => new Date(),
    logger,
  });
}
