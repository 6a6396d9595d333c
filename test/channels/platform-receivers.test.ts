import { fakeTime } from './channel-fixtures';
import { feishuSign, webhookSignature } from '../../lambda/channels/signing';
import { PlatformReceivers, type Platform } from '../support/receivers';

// The receivers stand in for the platforms in every delivery test; these pin that they refuse what the
// platforms refuse, so an accepted delivery means something.
let receivers: PlatformReceivers;
const time = fakeTime();

beforeAll(async () => {
  receivers = await PlatformReceivers.start({ now: time.nowMs });
});

afterAll(async () => {
  await receivers.close();
});

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}

const url = (platform: Platform) => receivers.secrets[platform].webhookUrl ?? receivers.secrets[platform].url;
const seconds = Math.floor(time.nowMs() / 1000);
const card = {
  msg_type: 'interactive',
  card: { header: { template: 'red', title: { tag: 'plain_text', content: 'x' } }, elements: [{ tag: 'div' }] },
};

describe('the platform receivers refuse', () => {
  it('a DingTalk request without a signature', async () => {
    const reply = await post(url('dingtalk'), { msgtype: 'markdown', markdown: { title: 't', text: 'x' } });
    expect(JSON.parse(reply.body)).toEqual({ errcode: 310000, errmsg: 'invalid timestamp' });
  });

  it('a Feishu card signed with another secret, or an hour and more ago', async () => {
    const wrong = { timestamp: String(seconds), sign: feishuSign('another-secret', seconds), ...card };
    const stale = {
      timestamp: String(seconds - 3601),
      sign: feishuSign('fS3cr3tK3yF0rT3st1ng', seconds - 3601),
      ...card,
    };
    for (const body of [wrong, stale]) {
      expect(JSON.parse((await post(url('feishu'), body)).body)).toMatchObject({ code: 19021 });
    }
  });

  it('a Feishu body over 20 KB', async () => {
    const big = {
      timestamp: String(seconds),
      sign: feishuSign('fS3cr3tK3yF0rT3st1ng', seconds),
      ...card,
      pad: 'x'.repeat(21_000),
    };
    expect(await post(url('feishu'), big)).toEqual({
      status: 400,
      body: JSON.stringify({ code: 9499, msg: 'Bad Request', data: {} }),
    });
  });

  it('WeCom markdown over 4096 bytes', async () => {
    const reply = await post(url('wecom'), { msgtype: 'markdown', markdown: { content: '续'.repeat(1366) } });
    expect(JSON.parse(reply.body)).toMatchObject({ errcode: 40058 });
  });

  it('a Slack header over 150 characters', async () => {
    const reply = await post(url('slack'), {
      text: 'x',
      blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }],
    });
    expect(reply).toEqual({ status: 400, body: 'invalid_blocks' });
  });

  it('a Teams message that is not an Adaptive Card', async () => {
    const reply = await post(url('teams'), { '@type': 'MessageCard', text: 'legacy connector card' });
    expect(reply.status).toBe(400);
  });

  it('a webhook body whose signature does not match, or is stale', async () => {
    const body = JSON.stringify({ key: 'k' });
    expect(
      (await post(url('webhook'), body, { 'X-RenewalGuard-Signature': webhookSignature('nope', seconds, body) }))
        .status,
    ).toBe(401);
    const stale = webhookSignature('whsec_test_secret', seconds - 301, body);
    expect((await post(url('webhook'), body, { 'X-RenewalGuard-Signature': stale })).status).toBe(401);
  });

  it('a PagerDuty trigger whose summary is over 1024 characters', async () => {
    const event = {
      routing_key: receivers.secrets.pagerduty.routingKey,
      event_action: 'trigger',
      payload: { summary: 'x'.repeat(1025), source: 's', severity: 'error' },
    };
    const reply = await post(url('pagerduty'), event);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).errors).toEqual(['payload.summary must be 1 to 1024 characters']);
  });
});
