import { CHAT_TYPES, expiryAlert } from './channel-fixtures';
import { failure, usePlatformReceivers } from './publisher-harness';
import { DeliveryError } from '../../lambda/core/errors';
import { RECEIVER_SECRETS, type Platform } from '../support/receivers';

const env = usePlatformReceivers({ dingTalkKeyword: 'RenewalGuard' });
const { publisher, secretsFor } = env;

describe('delivery to each platform', () => {
  it.each(CHAT_TYPES)('delivers an alert to %s, whose receiver verifies and accepts it', async (type) => {
    // Act
    await publisher(type).publish(expiryAlert());

    // Assess
    expect(env.receivers.received(type).map((e) => e.reply.status)).toEqual([
      type === 'teams' || type === 'pagerduty' ? 202 : 200,
    ]);
    expect(env.receivers.accepted(type)).toHaveLength(1);
    expect(env.time.slept).toEqual([]);
  });

  it('signs DingTalk requests in the query with the clock of the attempt', async () => {
    // Act
    await publisher('dingtalk').publish(expiryAlert());

    // Assess
    const [request] = env.receivers.accepted('dingtalk');
    expect(request.query.get('access_token')).toBe(RECEIVER_SECRETS.dingtalkToken);
    expect(request.query.get('timestamp')).toBe('1790731800000');
    expect(request.query.get('sign')).toBe('bf2xIS73AS2nYa2QXHrAVf+5Zsrg6GPBTvwwa4yrE6A=');
  });

  it('carries the RenewalGuard keyword, so a robot with keyword security takes it', async () => {
    // Act
    await publisher('dingtalk').publish(expiryAlert());

    // Assess: this receiver refuses messages without the keyword (errcode 310000)
    expect(env.receivers.accepted('dingtalk')[0].raw).toContain('RenewalGuard');
  });

  it('signs Feishu requests in the body, in seconds', async () => {
    // Act
    await publisher('feishu').publish(expiryAlert());

    // Assess
    const body = env.receivers.accepted('feishu')[0].body as Record<string, unknown>;
    expect(body.timestamp).toBe('1790731800');
    expect(body.sign).toBe('6b5nMAeFhQNsdn7hfXPtX1X0LM5LZUpYOJBXia6dwrg=');
    expect(body.msg_type).toBe('interactive');
  });

  it('sends PagerDuty the routing key from the secret and the alert key as dedup_key', async () => {
    // Act
    await publisher('pagerduty').publish(expiryAlert());

    // Assess
    expect(env.receivers.accepted('pagerduty')[0].body).toMatchObject({
      routing_key: RECEIVER_SECRETS.pagerDutyRoutingKey,
      event_action: 'trigger',
      dedup_key: 'live-rtc:expiry:2026-10-09:7',
      payload: { severity: 'error', summary: '[Critical] Live app RTC expires in 9 days' },
    });
  });

  it('writes in the configured language', async () => {
    // Act
    await publisher('wecom', { language: 'zh-CN' }).publish(expiryAlert());

    // Assess
    expect(env.receivers.accepted('wecom')[0].raw).toContain('Live app RTC 将于 9 天后到期');
  });

  it('skips an alert that is not routed to the channel: nothing is owed to it', async () => {
    // Act
    await publisher('slack').publish(expiryAlert({ channels: ['ops'] }));

    // Assess
    expect(env.receivers.received('slack')).toEqual([]);
  });
});

describe('retries', () => {
  it('retries 500s with jittered exponential backoff, then delivers', async () => {
    // Prepare
    env.receivers.failNext('webhook', { times: 2, status: 500 });

    // Act
    await publisher('webhook').publish(expiryAlert());

    // Assess: with the jitter source at 0.5, each wait is three quarters of its ceiling
    expect(env.receivers.received('webhook').map((e) => e.reply.status)).toEqual([500, 500, 200]);
    expect(env.receivers.accepted('webhook')).toHaveLength(1);
    expect(env.time.slept).toEqual([750, 1500]);
  });

  it('honours Retry-After on a 429, then delivers', async () => {
    // Prepare
    env.receivers.failNext('slack', { times: 1, throttle: true, retryAfter: '7' });

    // Act
    await publisher('slack').publish(expiryAlert());

    // Assess
    expect(env.receivers.received('slack').map((e) => e.reply.status)).toEqual([429, 200]);
    expect(env.time.slept).toEqual([7000]);
  });

  it.each<[Platform, string]>([
    ['dingtalk', 'errcode 410100'],
    ['feishu', 'code 11232'],
    ['wecom', 'errcode 45009'],
  ])('retries %s when its body says it is throttled (%s) although HTTP says 200', async (type) => {
    // Prepare
    env.receivers.failNext(type, { times: 1, throttle: true });

    // Act
    await publisher(type).publish(expiryAlert());

    // Assess
    expect(env.receivers.received(type)).toHaveLength(2);
    expect(env.receivers.accepted(type)).toHaveLength(1);
  });

  it('gives up after the bounded attempts, naming channel, type, status and the answer', async () => {
    // Prepare
    env.receivers.failNext('teams', { times: 10, status: 503 });

    // Act
    const error = await failure(publisher('teams').publish(expiryAlert()));

    // Assess
    expect(error.message).toBe(
      'channel "teams" (teams) did not take live-rtc:expiry:2026-10-09:7 after 4 attempts: HTTP 503: Internal Server Error',
    );
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({
      retryable: true,
      channelId: 'teams',
      channelType: 'teams',
      status: 503,
      attempts: 4,
    });
    expect(env.receivers.received('teams')).toHaveLength(4);
    expect(env.time.slept).toEqual([750, 1500, 3000]);
  });

  it('does not retry a refused signature, and says it will not help to', async () => {
    // Prepare
    const secrets = secretsFor({
      'renewal-guard/dingtalk': { ...env.receivers.secrets.dingtalk, signingSecret: 'SECnot-the-robots-secret' },
    });

    // Act
    const error = await failure(publisher('dingtalk', { secrets }).publish(expiryAlert()));

    // Assess
    expect(error.message).toBe(
      'channel "dingtalk" (dingtalk) did not take live-rtc:expiry:2026-10-09:7 after 1 attempt: HTTP 200, code 310000: sign not match',
    );
    expect(error).toMatchObject({ retryable: false, code: '310000' });
    expect(env.receivers.received('dingtalk')).toHaveLength(1);
  });

  it('does not retry a payload the platform rejects', async () => {
    // Prepare: a routing key PagerDuty does not know
    const secrets = secretsFor({
      'renewal-guard/pagerduty': { ...env.receivers.secrets.pagerduty, routingKey: 'R9999999999999999999999999999999' },
    });

    // Act
    const error = await failure(publisher('pagerduty', { secrets }).publish(expiryAlert()));

    // Assess
    expect(error.message).toBe(
      'channel "pagerduty" (pagerduty) did not take live-rtc:expiry:2026-10-09:7 after 1 attempt: HTTP 400, code invalid event: Event object is invalid: routing_key is not an integration key of this account',
    );
    expect(error.retryable).toBe(false);
  });

  it('stops early, still retryable, when Retry-After asks for longer than it will wait', async () => {
    // Prepare
    env.receivers.failNext('pagerduty', { times: 1, throttle: true, retryAfter: '3600' });

    // Act
    const error = await failure(publisher('pagerduty').publish(expiryAlert()));

    // Assess
    expect(error.message).toBe(
      'channel "pagerduty" (pagerduty) did not take live-rtc:expiry:2026-10-09:7 after 1 attempt: HTTP 429, code throttle event: Requests for this service are arriving too quickly.; it asks to wait 3600 s',
    );
    expect(error.retryable).toBe(true);
    expect(env.time.slept).toEqual([]);
  });

  it('retries network errors and reports them without the error text, which may quote the URL', async () => {
    // Prepare
    const fetch = jest.fn(async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    });

    // Act
    const error = await failure(publisher('slack', { fetch }).publish(expiryAlert()));

    // Assess
    expect(error.message).toBe(
      'channel "slack" (slack) did not take live-rtc:expiry:2026-10-09:7 after 4 attempts: network error (ECONNREFUSED)',
    );
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('never lets the webhook URL, its token or a signing key into an error, even when the platform echoes them', async () => {
    // Prepare: an answer that quotes the whole request URL
    const fetch = jest.fn(
      async (url: string | URL | Request) => new Response(`bad request to ${String(url)}`, { status: 400 }),
    );

    // Act
    const error = await failure(publisher('dingtalk', { fetch }).publish(expiryAlert()));

    // Assess
    expect(error.message).toContain('HTTP 400');
    for (const secret of [
      RECEIVER_SECRETS.dingtalkToken,
      RECEIVER_SECRETS.dingtalkSigningSecret,
      env.receivers.baseUrl,
    ]) {
      expect(error.message).not.toContain(secret);
    }
  });
});
