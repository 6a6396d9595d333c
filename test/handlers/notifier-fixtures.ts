import { startFakeAws, type FakeAws } from './fake-aws';
import type { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import { alertMessage } from '../../lambda/aws/sns-alert-publisher';
import type { Alert } from '../../lambda/core/model';
import { startDynalite, type LocalDynamo } from '../support/dynalite';
import { PlatformReceivers } from '../support/receivers';

/** live-rtc's 7-day expiry reminder of 2026-09-30, routed to `channels`. */
export function expiryAlert(channels: readonly string[]): Alert {
  return {
    key: 'live-rtc:expiry:2026-10-09:7',
    kind: 'expiry',
    severity: 'critical',
    serviceId: 'live-rtc',
    project: 'live-app',
    tier: 7,
    daysLeft: 9,
    expiresOn: '2026-10-09',
    date: '2026-09-30',
    owners: ['alice@example.com'],
    channels: [...channels],
    message: 'Live app RTC (live-rtc, project live-app) expires on 2026-10-09 (9 days left).',
  };
}

/** An SNS event as the notifier receives it: one record per alert, the subscription's `lambda` variant. */
export function snsEvent(alerts: readonly Alert[]) {
  return {
    Records: alerts.map((a, i) => ({
      EventSource: 'aws:sns',
      Sns: { MessageId: `m-${i + 1}`, Message: JSON.parse(alertMessage(a)).lambda as string },
    })),
  };
}

/** The ledger entry the poller leaves for an alert it published to SNS, so the notifier may record deliveries. */
export function claimForSns(
  registry: DynamoRegistry,
  alert: Alert,
  claimedAt: string,
): ReturnType<DynamoRegistry['claimAlert']> {
  return registry.claimAlert({ alert, cycleId: 'c', claimedAt, pendingTargets: ['sns'], deliveredTargets: [] });
}

/**
 * What the bundled notifier runs against: local DynamoDB, the fake AWS holding the channel secrets
 * `renewal-guard/dingtalk` and `renewal-guard/webhook`, and the platform receivers those secrets point at
 * (on the real clock, as the bundle runs).
 */
export interface NotifierPlatform {
  readonly dynamo: LocalDynamo;
  readonly aws: FakeAws;
  readonly receivers: PlatformReceivers;
}

export async function startNotifierPlatform(): Promise<NotifierPlatform> {
  const [dynamo, aws, receivers] = await Promise.all([
    startDynalite(),
    startFakeAws(),
    PlatformReceivers.start({ now: () => Date.now() }),
  ]);
  aws.putSecret('renewal-guard/dingtalk', receivers.secrets.dingtalk);
  aws.putSecret('renewal-guard/webhook', receivers.secrets.webhook);
  return { dynamo, aws, receivers };
}

export async function stopNotifierPlatform(platform: NotifierPlatform): Promise<void> {
  await Promise.all([platform.dynamo.stop(), platform.aws.stop(), platform.receivers.close()]);
}
