/**
 * The daily cycle, invoked by EventBridge Scheduler: poll vendors, evaluate every service, claim and
 * deliver alerts. Per-account failures are reported and the cycle goes on; undelivered alerts make the
 * invocation fail so the scheduler's retry, the DLQ and the alarms see it (the outbox keeps them).
 */
import type { Context } from 'aws-lambda';
import { loadStagedConfig, requireEnv } from './handler-config';
import { powertoolsLogger } from './powertools-logger';
import { ENV_ALERT_TOPIC_ARN, ENV_EVENT_BUS_NAME, ENV_REGISTRY_TABLE } from '../../src/shared/registry-schema';
import { runCycle, type CycleDeps } from '../app/run-cycle';
import { DynamoRegistry } from '../aws/dynamo-registry';
import { EventBusPublisher } from '../aws/event-bus-publisher';
import { SecretsManagerResolver } from '../aws/secrets-manager-resolver';
import { SnsAlertPublisher } from '../aws/sns-alert-publisher';
import { CycleIncompleteError } from '../core/errors';
import type { GuardConfig } from '../core/model';
import { defaultVendorAdapters } from '../vendors';
import { ResilientHttp } from '../vendors/http/resilient-http';

const logger = powertoolsLogger();

// built on the first invocation and kept for the container's life (clients reuse their connections)
let deps: { config: GuardConfig; cycle: CycleDeps } | undefined;

function init() {
  return {
    config: loadStagedConfig(),
    cycle: {
      registry: new DynamoRegistry({ tableName: requireEnv(ENV_REGISTRY_TABLE) }),
      publishers: [
        new SnsAlertPublisher({ topicArn: requireEnv(ENV_ALERT_TOPIC_ARN) }),
        new EventBusPublisher({ eventBusName: requireEnv(ENV_EVENT_BUS_NAME) }),
      ],
      secrets: new SecretsManagerResolver(),
      http: new ResilientHttp(),
      vendors: defaultVendorAdapters(),
      logger,
    },
  };
}

export async function handler(_event: unknown, context: Context) {
  const { config, cycle } = (deps ??= init());
  const report = await runCycle(config, cycle, new Date(), context.awsRequestId);
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
  if (failedDeliveries.length > 0) {
    throw new CycleIncompleteError(
      `${failedDeliveries.length} deliveries failed and stay in the outbox: ` +
        failedDeliveries.map((d) => `${d.key} → ${d.target}`).join(', '),
    );
  }
  return { cycleId: report.cycleId, alerts: report.alerts.length, failedAccounts };
}
