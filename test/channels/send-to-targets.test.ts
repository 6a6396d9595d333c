import { ACK_URL, channelOf, CHAT_TYPES, expiryAlert, fakeTime, memorySecrets } from './channel-fixtures';
import type { Alert, GuardConfig } from '../../lambda/core/model';
import { alertContextFromConfig, channelPublishers, ChannelPublisher, sendToTargets } from '../../lambda/delivery';
import { RateLimiter } from '../../lambda/http';
import { sampleService } from '../support/model-fixtures';
import { PlatformReceivers } from '../support/receivers';

let time: ReturnType<typeof fakeTime>;
let receivers: PlatformReceivers;

beforeEach(async () => {
  time = fakeTime();
  receivers = await PlatformReceivers.start({ now: time.nowMs });
});

afterEach(async () => {
  await receivers.close();
});

function guardConfig(overrides: Partial<GuardConfig> = {}): GuardConfig {
  return {
    version: 1,
    timeZone: 'Asia/Shanghai',
    checkTime: '09:30',
    calendar: { spec: 'weekends', coveredYears: [], holidays: [], workdays: [] },
    reminderDays: [60, 30, 15, 7, 1],
    accounts: [],
    services: [sampleService()],
    channels: [channelOf('email'), ...CHAT_TYPES.map((t) => channelOf(t)), channelOf('sms')],
    ...overrides,
  };
}

function allSecrets() {
  return memorySecrets(Object.fromEntries(CHAT_TYPES.map((t) => [`renewal-guard/${t}`, receivers.secrets[t]])));
}

describe('delivering one alert to several channels', () => {
  it('delivers to every channel but the one that keeps failing, and reports each', async () => {
    // Prepare
    receivers.failNext('teams', { times: 100, status: 502 });
    const publishers = channelPublishers(guardConfig(), {
      secrets: allSecrets(),
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0.5,
      rateLimiter: new RateLimiter(),
    });

    // Act
    const reports = await sendToTargets(expiryAlert(), publishers);

    // Assess
    expect(reports).toEqual([
      { target: 'channel:dingtalk', status: 'delivered' },
      { target: 'channel:feishu', status: 'delivered' },
      { target: 'channel:wecom', status: 'delivered' },
      { target: 'channel:slack', status: 'delivered' },
      {
        target: 'channel:teams',
        status: 'failed',
        error:
          'channel "teams" (teams) did not take live-rtc:expiry:2026-10-09:7 after 4 attempts: HTTP 502: Internal Server Error',
        retryable: true,
      },
      { target: 'channel:webhook', status: 'delivered' },
      { target: 'channel:pagerduty', status: 'delivered' },
    ]);
    for (const type of CHAT_TYPES.filter((t) => t !== 'teams')) expect(receivers.accepted(type)).toHaveLength(1);
    expect(receivers.received('teams')).toHaveLength(4);
  });

  it('reports a publisher that throws something other than a DeliveryError as retryable', async () => {
    // Prepare
    const broken = { target: 'channel:broken', publish: async () => Promise.reject(new Error('socket hang up')) };

    // Act
    const reports = await sendToTargets(expiryAlert(), [broken]);

    // Assess
    expect(reports).toEqual([{ target: 'channel:broken', status: 'failed', error: 'socket hang up', retryable: true }]);
  });
});

describe('publishers for a config', () => {
  it("builds one per chat, webhook and PagerDuty channel, in the document's language, and none for email or sms", async () => {
    // Act
    const publishers = channelPublishers(guardConfig({ language: 'zh-CN' }), {
      secrets: allSecrets(),
      clock: time.clock,
      sleep: time.sleep,
      rateLimiter: new RateLimiter(),
      ackUrl: () => ACK_URL,
    });
    await publishers.find((p) => p.target === 'channel:slack')!.publish(expiryAlert());

    // Assess
    expect(publishers.map((p) => p.target)).toEqual(CHAT_TYPES.map((t) => `channel:${t}`));
    expect(publishers.every((p) => p instanceof ChannelPublisher)).toBe(true);
    const sent = receivers.accepted('slack')[0].raw;
    expect(sent).toContain('【严重】Live app RTC 将于 9 天后到期');
    expect(sent).toContain(ACK_URL);
  });

  it('looks up display names, links, and the keys a renewal closes', () => {
    // Prepare
    const context = alertContextFromConfig(
      guardConfig({ services: [sampleService({ reminderDays: [30, 7] })] }),
      (a) => (a.kind === 'expiry' ? ACK_URL : undefined),
    );
    const renewal = expiryAlert({
      key: 'live-rtc:renewal-confirmed:2026-10-09',
      kind: 'renewal-confirmed' as Alert['kind'],
    });

    // Act / Assess
    expect(context(expiryAlert())).toEqual({
      serviceName: 'Live app RTC',
      serviceKind: 'subscription',
      ackUrl: ACK_URL,
    });
    expect(context(expiryAlert({ serviceId: 'unknown' }))).toEqual({ ackUrl: ACK_URL });
    expect(context(renewal)).toEqual({
      serviceName: 'Live app RTC',
      serviceKind: 'subscription',
      resolves: [
        'live-rtc:expiry:2026-10-09:30',
        'live-rtc:expiry:2026-10-09:7',
        'live-rtc:expiry:2026-10-09:0',
        'live-rtc:expired-in-use:2026-10-09',
        'live-rtc:renewal-missed:2026-10-09',
        'live-rtc:auto-renew-risk:2026-10-09:info',
        'live-rtc:auto-renew-risk:2026-10-09:warning',
        'live-rtc:auto-renew-risk:2026-10-09:critical',
        'live-rtc:auto-renew-risk:2026-10-09:emergency',
      ],
    });
  });
});
