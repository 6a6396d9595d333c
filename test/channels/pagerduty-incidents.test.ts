/**
 * Resolutions follow their triggers, through routing (issue 12, point 4): a pager channel that takes
 * emergencies only gets the emergency, and then — although the renewal notice is `info` — the notice
 * that resolves it, on the same dedup_key. Real cycles over a dynalite registry, the real channel
 * publishers, a local PagerDuty and Slack receiver.
 */
import { fakeTime, memorySecrets } from './channel-fixtures';
import { runCycle } from '../../lambda/app/run-cycle';
import { DynamoRegistry } from '../../lambda/aws/dynamo-registry';
import type { GuardConfig } from '../../lambda/core/model';
import { channelPublishers } from '../../lambda/delivery';
import { RateLimiter } from '../../lambda/http';
import { guardConfig, offlineDeps } from '../app/cycle-fixtures';
import { startDynalite, type LocalDynamo } from '../support/dynalite';
import { PlatformReceivers } from '../support/receivers';

/** Tuesday and Wednesday in a week without holidays: tier 1 of a Wednesday expiry is due on the Tuesday. */
const TUESDAY = new Date('2026-11-17T09:30:00+08:00');
const WEDNESDAY = new Date('2026-11-18T09:30:00+08:00');

let dynamo: LocalDynamo;
let receivers: PlatformReceivers;
let time: ReturnType<typeof fakeTime>;

beforeAll(async () => (dynamo = await startDynalite()));
afterAll(() => dynamo.stop());
beforeEach(async () => {
  time = fakeTime(TUESDAY);
  receivers = await PlatformReceivers.start({ now: time.nowMs });
});
afterEach(() => receivers.close());

function config(expiresOn: string): GuardConfig {
  const service = (id: string, channels: string[]) => ({
    id,
    name: id,
    project: 'live-app',
    kind: 'subscription',
    expiresOn,
    owners: ['alice@example.com'],
    channels,
  });
  return guardConfig({
    calendar: 'weekends',
    services: [service('live-rtc', ['pager', 'chat']), service('other-rtc', ['elsewhere'])],
    channels: [
      { id: 'pager', type: 'pagerduty', secret: 'renewal-guard/pagerduty', minSeverity: 'emergency' },
      { id: 'chat', type: 'slack', secret: 'renewal-guard/slack', minSeverity: 'critical' },
      { id: 'elsewhere', type: 'wecom', secret: 'renewal-guard/wecom', minSeverity: 'emergency' },
    ],
  });
}

function deps(registry: DynamoRegistry, cfg: GuardConfig) {
  const secrets = memorySecrets({
    'renewal-guard/pagerduty': receivers.secrets.pagerduty,
    'renewal-guard/slack': receivers.secrets.slack,
    'renewal-guard/wecom': receivers.secrets.wecom,
  });
  const publishers = channelPublishers(cfg, {
    secrets,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    rateLimiter: new RateLimiter(),
  });
  return offlineDeps(registry, publishers);
}

function pagerEvents(): [string, string][] {
  return receivers.accepted('pagerduty').map((r) => {
    const body = r.body as { event_action: string; dedup_key: string };
    return [body.event_action, body.dedup_key];
  });
}

describe('PagerDuty incidents through routing', () => {
  it('triggers on the emergency, then resolves the same dedup_key when the renewal is confirmed, though the notice is info', async () => {
    // Prepare
    const before = config('2026-11-18');
    const registry = new DynamoRegistry({ tableName: await dynamo.createRegistryTable(), client: dynamo.client });
    await registry.syncDeclaredServices(before.services, '2026-11-01T00:00:00Z');

    // Act: the emergency on Tuesday; the renewal is recorded; Wednesday's cycle confirms it
    const emergency = await runCycle(before, deps(registry, before), TUESDAY, 'cycle-1');
    const renewed = config('2027-11-18');
    await registry.syncDeclaredServices(renewed.services, '2026-11-17T12:00:00Z');
    const confirmed = await runCycle(renewed, deps(registry, renewed), WEDNESDAY, 'cycle-2');

    // Assess: the emergency went to the pager, chat and the other service's channel
    expect(emergency.alerts.map((a) => [a.key, a.severity, a.channels])).toEqual([
      ['live-rtc:expiry:2026-11-18:1', 'emergency', ['pager', 'chat']],
      ['other-rtc:expiry:2026-11-18:1', 'emergency', ['elsewhere']],
    ]);
    // the info notice follows its trigger to the pager and chat (their minSeverity notwithstanding), carries
    // the keys it closes, and stays away from a channel that never heard of live-rtc
    const notice = confirmed.alerts.find((a) => a.kind === 'renewal-confirmed');
    expect(notice).toMatchObject({
      key: 'live-rtc:renewal-confirmed:2026-11-18',
      severity: 'info',
      channels: ['pager', 'chat'],
      resolves: expect.arrayContaining(['live-rtc:expiry:2026-11-18:1', 'live-rtc:expiry:2026-11-18:7']),
    });
    expect(confirmed.deliveries.filter((d) => d.key === notice?.key).map((d) => d.status)).toEqual(
      Array(3).fill('delivered'),
    );
    expect(pagerEvents()).toEqual(
      expect.arrayContaining([
        ['trigger', 'live-rtc:expiry:2026-11-18:1'],
        ['resolve', 'live-rtc:expiry:2026-11-18:1'],
      ]),
    );
    expect(pagerEvents().filter(([action]) => action === 'trigger')).toEqual([
      ['trigger', 'live-rtc:expiry:2026-11-18:1'],
    ]);
    // chat got the emergency and the notice; the other service's channel only its own service's news
    expect(receivers.accepted('slack').map((r) => r.raw.includes('live-rtc:renewal-confirmed'))).toEqual([false, true]);
    expect(receivers.accepted('wecom').every((r) => r.raw.includes('other-rtc') && !r.raw.includes('live-rtc'))).toBe(
      true,
    );
  });
});
