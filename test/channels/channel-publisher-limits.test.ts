import { channelOf, expiryAlert, memorySecrets } from './channel-fixtures';
import { failure, usePlatformReceivers } from './publisher-harness';
import type { ChannelType } from '../../lambda/core/model';
import { RateLimiter } from '../../lambda/http';

const env = usePlatformReceivers();
const { publisher, secretsFor } = env;

describe('rate limits', () => {
  it('waits rather than drops when 25 DingTalk alerts exceed 20 a minute for one robot, with a second of margin', async () => {
    // Prepare
    const pub = publisher('dingtalk');
    const alerts = Array.from({ length: 25 }, (_, i) => expiryAlert({ key: `svc-${i}:expiry:2026-10-09:7` }));

    // Act
    for (const alert of alerts) await pub.publish(alert);

    // Assess: the receiver enforces 20 a minute itself and accepted all of them
    const exchanges = env.receivers.received('dingtalk');
    expect(exchanges.every((e) => e.accepted)).toBe(true);
    expect(exchanges).toHaveLength(25);
    expect(exchanges[20].at - exchanges[0].at).toBeGreaterThanOrEqual(60_000);
    expect(env.time.slept).toEqual([61_000]);
  });

  it('shares the limit between publishers that post to the same robot', async () => {
    // Prepare
    const limiter = new RateLimiter();
    const first = publisher('dingtalk', { rateLimiter: limiter });
    const second = publisher('dingtalk', { rateLimiter: limiter, channel: channelOf('dingtalk', { id: 'ding-2' }) });

    // Act
    for (let i = 0; i < 15; i++) {
      await first.publish(expiryAlert({ key: `a-${i}:expiry:2026-10-09:7` }));
      await second.publish(expiryAlert({ key: `b-${i}:expiry:2026-10-09:7`, channels: ['ding-2'] }));
    }

    // Assess
    expect(env.receivers.received('dingtalk').every((e) => e.accepted)).toBe(true);
    expect(env.receivers.accepted('dingtalk')).toHaveLength(30);
  });
});

describe('what cannot be delivered directly', () => {
  it.each<ChannelType>(['email', 'sms'])(
    'refuses %s: SNS subscriptions deliver it, not this publisher',
    async (type) => {
      // Act
      const error = await failure(publisher(type).publish(expiryAlert()));

      // Assess
      expect(error.message).toBe(
        `channel "${type}" (${type}): ${type} channels are delivered by SNS subscriptions, not directly; nothing was sent`,
      );
      expect(error.retryable).toBe(false);
    },
  );

  it('names the missing secret field and what the secret should hold', async () => {
    // Prepare
    const secrets = secretsFor({ 'renewal-guard/webhook': { url: env.receivers.secrets.webhook.url } });

    // Act
    const error = await failure(publisher('webhook', { secrets }).publish(expiryAlert()));

    // Assess
    expect(error.message).toBe(
      'channel "webhook" (webhook): secret "renewal-guard/webhook" lacks "signingSecret"; a webhook channel\'s secret is a JSON object { url, signingSecret }',
    );
    expect(error.retryable).toBe(false);
  });

  it('refuses to send a token over plain http to another machine, without quoting the URL', async () => {
    // Prepare
    const secrets = secretsFor({
      'renewal-guard/slack': { webhookUrl: 'http://hooks.example.com/services/T1/B1/SECRETTOKEN' },
    });

    // Act
    const error = await failure(publisher('slack', { secrets }).publish(expiryAlert()));

    // Assess
    expect(error.message).toBe(
      'channel "slack" (slack): secret "renewal-guard/slack": "webhookUrl" must be an https URL (http only for localhost)',
    );
  });

  it("passes on the secret store's verdict when the secret cannot be read", async () => {
    // Act
    const error = await failure(publisher('slack', { secrets: memorySecrets({}) }).publish(expiryAlert()));

    // Assess
    expect(error.message).toBe(
      'channel "slack" (slack): secret "renewal-guard/slack" could not be read (ResourceNotFoundException)',
    );
    expect(error.retryable).toBe(false);
  });
});
