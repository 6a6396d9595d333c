/**
 * The daily cycle, invoked by EventBridge Scheduler: poll vendors, evaluate every service, claim and
 * deliver alerts. Per-account failures are reported and the cycle goes on; undelivered alerts make the
 * invocation fail so the scheduler's retry, the DLQ and the alarms see it (the outbox keeps them).
 */
import type { Context } from 'aws-lambda';
import { loadStagedConfig, requireEnv } from './handler-config';
import { linkSignersFromEnv } from './link-signers';
import { powertoolsLogger } from './powertools-logger';
import { ENV_DETAILED_METRICS, ENV_GUARD_NAME, METRIC_CYCLE_COMPLETED } from '../../src/shared/metrics-schema';
import { ENV_SES_CONFIGURATION_SET } from '../../src/shared/owner-email-schema';
import { WATCH_INPUT } from '../../src/shared/poller-input';
import { ENV_ALERT_TOPIC_ARN, ENV_EVENT_BUS_NAME, ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { cycleMetrics, parseDetailedMetrics } from '../app/cycle-metrics';
import { runCycle, type CycleDeps } from '../app/run-cycle';
import { runWatchCycle } from '../app/watch-cycle';
import { credentialResolverFromEnv } from '../aws/credential-store';
import { DynamoCycleRegistry } from '../aws/dynamo-cycle-registry';
import { emitEmfMetrics } from '../aws/emf-metrics';
import { EventBusPublisher } from '../aws/event-bus-publisher';
import { SesEmailSender } from '../aws/ses-email-sender';
import { SnsAlertPublisher } from '../aws/sns-alert-publisher';
import { CycleIncompleteError } from '../core/errors';
import type { GuardConfig } from '../core/model';
import { ownerEmailPublishers } from '../delivery/owner-email-publisher';
import { defaultVendorAdapters } from '../vendors';
import { ResilientHttp } from '../vendors/http/resilient-http';

const logger = powertoolsLogger();

// built on the first invocation and kept for the container's life (clients reuse their connections)
let deps: Promise<{ config: GuardConfig; guardName: string; detailedMetrics: boolean; cycle: CycleDeps }> | undefined;

async function init() {
  // vendor credentials from the store the construct chose; the link secret from its own (link-signers.ts)
  const secrets = credentialResolverFromEnv(process.env);
  // emails carry the acknowledge link (the report link for digests), as the notifier's channels do
  const links = await linkSignersFromEnv(process.env);
  const config = loadStagedConfig();
  const guardName = requireEnv(ENV_GUARD_NAME);
  return {
    config,
    guardName,
    detailedMetrics: parseDetailedMetrics(process.env[ENV_DETAILED_METRICS]),
    cycle: {
      // the cycles' part of the registry: syncing and acknowledging are other functions' writes
      registry: new DynamoCycleRegistry({ tableName: requireEnv(ENV_REGISTRY_TABLE) }),
      publishers: [
        // email and SMS in each channel's language, naming services by name and kind (delivery/render)
        new SnsAlertPublisher({ topicArn: requireEnv(ENV_ALERT_TOPIC_ARN), links, config }),
        // events name their guard, so rules on a bus several guards share can tell them apart
        new EventBusPublisher({ eventBusName: requireEnv(ENV_EVENT_BUS_NAME), config, guardName }),
        // each owner of a service by SES, one target per owner (none without the document's ownerEmail)
        ...ownerEmailPublishers(config, {
          sender: new SesEmailSender({ configurationSetName: process.env[ENV_SES_CONFIGURATION_SET] }),
          ackUrl: links?.ackUrl,
        }),
      ],
      secrets,
      http: new ResilientHttp(),
      vendors: defaultVendorAdapters(),
      logger,
    },
  };
}

export { WATCH_INPUT };

export async function handler(event: unknown, context: Context) {
  deps ??= init();
  const { config, guardName, detailedMetrics, cycle } = await deps.catch((e: unknown) => {
    deps = undefined; // a failed start (a secret not readable yet) is retried on the next invocation
    throw e;
  });
  const now = new Date();
  if (isWatchInput(event)) return watch(config, cycle, now, context.awsRequestId);
  const report = await runCycle(config, cycle, now, context.awsRequestId);
  const failedAccounts = report.accounts.filter((a) => a.status === 'failed').map((a) => a.id);
  const failedDeliveries = report.deliveries.filter((d) => d.status === 'failed');
  logger.info('cycle completed', {
    cycleId: report.cycleId,
    today: report.today,
    services: report.servicesEvaluated,
    alerts: report.alerts.map((a) => a.key),
    failedAccounts,
    failedDeliveries: failedDeliveries.length,
  });
  // a cycle that left alerts in the outbox has not completed: the dead-man's switch should see that
  const metrics = cycleMetrics(report, config, { guardName, detailed: detailedMetrics }).filter(
    (m) => failedDeliveries.length === 0 || m.name !== METRIC_CYCLE_COMPLETED,
  );
  emitEmfMetrics(metrics, { timestamp: now });
  if (failedDeliveries.length > 0) {
    throw new CycleIncompleteError(
      `${failedDeliveries.length} deliveries failed and stay in the outbox: ` +
        failedDeliveries.map((d) => `${d.key} → ${d.target}`).join(', '),
    );
  }
  return { cycleId: report.cycleId, alerts: report.alerts.length, failedAccounts };
}

function isWatchInput(event: unknown): boolean {
  return typeof event === 'object' && event !== null && (event as { mode?: unknown }).mode === WATCH_INPUT.mode;
}

/**
 * The hourly run: accounts whose runway is under two days, polled and their balance rules evaluated
 * (lambda/app/watch-cycle.ts). It emits no cycle metric: the dead-man's switch watches the daily cycle.
 */
async function watch(config: GuardConfig, cycle: CycleDeps, now: Date, cycleId: string) {
  const report = await runWatchCycle(config, cycle, now, cycleId);
  const failedDeliveries = report.deliveries.filter((d) => d.status === 'failed');
  logger.info('watch completed', {
    cycleId,
    watched: report.watched,
    alerts: report.alerts.map((a) => a.key),
    failedDeliveries: failedDeliveries.length,
  });
  if (failedDeliveries.length > 0) {
    throw new CycleIncompleteError(
      `${failedDeliveries.length} deliveries failed and stay in the outbox: ` +
        failedDeliveries.map((d) => `${d.key} → ${d.target}`).join(', '),
    );
  }
  return { cycleId, watched: report.watched, alerts: report.alerts.length };
}
