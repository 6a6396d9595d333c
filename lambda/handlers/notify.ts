/**
 * The notifier: subscribed to the alert topic for the channels the guard delivers to itself (chat,
 * webhook, PagerDuty). Each SNS record carries the alert object (the `lambda` variant of the message).
 * Channels already recorded as delivered in the ledger are skipped, so a retried invocation never posts
 * twice; a channel that fails does not stop the others, and the invocation then fails so Lambda retries
 * it and, after the retries, the dead-letter queue keeps it.
 */
import type { SNSEvent } from 'aws-lambda';
import { loadStagedConfig, requireEnv } from './handler-config';
import { linkSignersFromEnv } from './link-signers';
import { powertoolsLogger } from './powertools-logger';
import { ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { DynamoRegistry } from '../aws/dynamo-registry';
import { SecretsManagerResolver } from '../aws/secrets-manager-resolver';
import { channelPublishers, type ChannelPublisher } from '../channels/delivery';
import { DeliveryError, errorMessage } from '../core/errors';
import type { Alert } from '../core/model';
import type { Registry } from '../core/registry-port';

const logger = powertoolsLogger();

let deps: Promise<{ registry: Registry; publishers: ChannelPublisher[] }> | undefined;

async function init() {
  const config = loadStagedConfig();
  const secrets = new SecretsManagerResolver();
  // digests get a report link instead of an acknowledge link (alertContextFromConfig asks for no other)
  const links = await linkSignersFromEnv(secrets);
  return {
    registry: new DynamoRegistry({ tableName: requireEnv(ENV_REGISTRY_TABLE) }) as Registry,
    publishers: channelPublishers(config, { secrets, ackUrl: links?.ackUrl, reportUrl: links?.reportUrl }),
  };
}

export async function handler(event: SNSEvent): Promise<{ delivered: number }> {
  deps ??= init();
  const { registry, publishers } = await deps.catch((e: unknown) => {
    deps = undefined; // a failed start (a secret not readable yet) is retried on the next invocation
    throw e;
  });
  let delivered = 0;
  const failures: string[] = [];
  for (const record of event.Records) {
    const alert = JSON.parse(record.Sns.Message) as Alert;
    const done = new Set((await registry.getAlert(alert.key))?.deliveredTargets ?? []);
    for (const publisher of publishers) {
      if (!alert.channels.includes(publisher.target.slice('channel:'.length)) || done.has(publisher.target)) continue;
      try {
        await publisher.publish(alert);
        await registry.markDelivered(alert.key, publisher.target, new Date().toISOString());
        delivered++;
      } catch (e) {
        failures.push(`${alert.key} → ${publisher.target}: ${errorMessage(e)}`);
        logger.error('channel delivery failed', { key: alert.key, target: publisher.target, error: errorMessage(e) });
      }
    }
  }
  logger.info('notifications delivered', { records: event.Records.length, delivered, failed: failures.length });
  if (failures.length > 0) {
    throw new DeliveryError(`${failures.length} channel deliveries failed: ${failures.join('; ')}`, {
      retryable: true,
    });
  }
  return { delivered };
}
