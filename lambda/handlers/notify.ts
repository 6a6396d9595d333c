/**
 * The notifier: subscribed to the alert topic for the channels the guard delivers to itself (chat,
 * webhook, PagerDuty). Each SNS record carries the alert object (the `lambda` variant of the message),
 * which goes through the one delivery pipeline (lambda/delivery) to the channels it is routed to and
 * not yet recorded as delivered, so a retried invocation never posts twice what it recorded; a channel
 * that fails does not stop the others, and the invocation then fails so Lambda retries it and, after
 * the retries, the dead-letter queue keeps it. One alert at a time: the robots' rate limits live in
 * this container's memory.
 *
 * The guard's own CloudWatch alarms reach it too, from the alarm topic: CloudWatch's JSON body, with no
 * message attributes. Such a record becomes an `alarm` alert (core/policy/alarm-alert.ts) for the
 * operators' chat, webhook and PagerDuty channels (src/shared/operator-channels.ts) and is rendered
 * like any alert. Alarms have no ledger entry (the notifier only records on entries the poller claimed):
 * a retried invocation may repeat an alarm to a channel that already took it.
 */
import type { SNSEvent } from 'aws-lambda';
import { loadStagedConfig, requireEnv } from './handler-config';
import { linkSignersFromEnv } from './link-signers';
import { powertoolsLogger } from './powertools-logger';
import { operatorChannels } from '../../src/shared/operator-channels';
import { ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { credentialResolverFromEnv } from '../aws/credential-store';
import { DynamoRegistry } from '../aws/dynamo-registry';
import { DeliveryError } from '../core/errors';
import type { Alert } from '../core/model';
import { alarmAlert, parseAlarmNotification } from '../core/policy/alarm-alert';
import type { Registry } from '../core/registry-port';
import { channelPublishers, deliver, type ChannelPublisher, type OwedDelivery } from '../delivery';

const logger = powertoolsLogger();

let deps: Promise<{ registry: Registry; publishers: ChannelPublisher[]; operators: string[] }> | undefined;

/** Alarms are owed to their targets and recorded nowhere: there is no ledger entry to record them on. */
const UNRECORDED = { markDelivered: async (): Promise<void> => undefined };

async function init() {
  const config = loadStagedConfig();
  // channel credentials from the store the construct chose; the link secret from its own (link-signers.ts)
  const secrets = credentialResolverFromEnv(process.env);
  // digests get a report link instead of an acknowledge link (alertContextFromConfig asks for no other)
  const links = await linkSignersFromEnv(process.env);
  return {
    registry: new DynamoRegistry({ tableName: requireEnv(ENV_REGISTRY_TABLE) }) as Registry,
    publishers: channelPublishers(config, { secrets, ackUrl: links?.ackUrl, reportUrl: links?.reportUrl }),
    operators: operatorChannels(config.channels).map((c) => c.id),
  };
}

export async function handler(event: SNSEvent): Promise<{ delivered: number }> {
  deps ??= init();
  const { registry, publishers, operators } = await deps.catch((e: unknown) => {
    deps = undefined; // a failed start (a secret not readable yet) is retried on the next invocation
    throw e;
  });
  const at = new Date().toISOString();
  const owed: OwedDelivery[] = [];
  const alarms: OwedDelivery[] = [];
  for (const record of event.Records) {
    const body = JSON.parse(record.Sns.Message) as unknown;
    const alarm = parseAlarmNotification(body);
    if (alarm) {
      const alert = alarmAlert(alarm, operators, record.Sns.Timestamp ?? at);
      const targets = publishers.filter((p) => operators.includes(p.target.slice('channel:'.length)));
      if (targets.length > 0) alarms.push({ alert, targets: targets.map((p) => p.target), settles: false });
      continue;
    }
    const alert = body as Alert;
    const done = new Set((await registry.getAlert(alert.key))?.deliveredTargets ?? []);
    const targets = publishers
      .filter((p) => alert.channels.includes(p.target.slice('channel:'.length)) && !done.has(p.target))
      .map((p) => p.target);
    if (targets.length > 0) owed.push({ alert, targets, settles: false });
  }
  const reports = [
    ...(await deliver(owed, { registry, publishers, at, logger, concurrency: 1 })),
    ...(await deliver(alarms, { registry: UNRECORDED, publishers, at, logger, concurrency: 1 })),
  ];
  const failures = reports.filter((r) => r.status === 'failed');
  const delivered = reports.length - failures.length;
  logger.info('notifications delivered', { records: event.Records.length, delivered, failed: failures.length });
  if (failures.length > 0) {
    const what = failures.map((f) => `${f.key} → ${f.target}: ${f.error}`).join('; ');
    throw new DeliveryError(`${failures.length} channel deliveries failed: ${what}`, { retryable: true });
  }
  return { delivered };
}
