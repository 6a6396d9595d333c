import { createHmac } from 'crypto';
import {
  dingTalkSign,
  dingTalkSignedUrl,
  feishuSign,
  verifyWebhookSignature,
  webhookSignature,
} from '../../lambda/channels/signing';
import { hmacSha256, toBase64, toHex } from '../support/receivers/hmac';

// Pinned vectors, computed once with Python's hmac/hashlib/base64 from each document's algorithm text,
// and re-derived below with Web Crypto: neither is the node createHmac the signers use.
const DING_SECRET = 'SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd';
const DING_TIMESTAMP_MS = 1790731800000; // 2026-09-30T01:30:00Z
const DING_SIGN = 'bf2xIS73AS2nYa2QXHrAVf+5Zsrg6GPBTvwwa4yrE6A=';

const FEISHU_SECRET = 'fS3cr3tK3yF0rT3st1ng';
const FEISHU_TIMESTAMP = 1790731800;
const FEISHU_SIGN = '6b5nMAeFhQNsdn7hfXPtX1X0LM5LZUpYOJBXia6dwrg=';

const WEBHOOK_SECRET = 'whsec_test_secret';
const WEBHOOK_BODY = '{"key":"live-rtc:expiry:2026-10-09:7"}';
const WEBHOOK_V1 = '087503efc285007735d2045f223ff105b5bed1e2b7fce0fd8eabdf95c947a0a2';

describe('DingTalk signing', () => {
  it('matches the pinned vector: Base64 HmacSHA256 of "timestamp\\nsecret" keyed by the secret', async () => {
    expect(dingTalkSign(DING_SECRET, DING_TIMESTAMP_MS)).toBe(DING_SIGN);
    expect(toBase64(await hmacSha256(DING_SECRET, `${DING_TIMESTAMP_MS}\n${DING_SECRET}`))).toBe(DING_SIGN);
  });

  it('appends timestamp and the URL-encoded sign to the webhook URL, keeping the token', () => {
    // Act
    const url = dingTalkSignedUrl(
      'https://oapi.dingtalk.com/robot/send?access_token=abc',
      DING_SECRET,
      DING_TIMESTAMP_MS,
    );

    // Assess
    expect(url).toBe(
      'https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1790731800000&sign=bf2xIS73AS2nYa2QXHrAVf%2B5Zsrg6GPBTvwwa4yrE6A%3D',
    );
  });
});

describe('Feishu signing', () => {
  it('matches the pinned vector: "timestamp\\nsecret" is the key, the message is empty', async () => {
    expect(feishuSign(FEISHU_SECRET, FEISHU_TIMESTAMP)).toBe(FEISHU_SIGN);
    expect(toBase64(await hmacSha256(`${FEISHU_TIMESTAMP}\n${FEISHU_SECRET}`, ''))).toBe(FEISHU_SIGN);
  });

  it('differs from the DingTalk construction, which a copy-paste would produce', () => {
    const dingStyle = createHmac('sha256', FEISHU_SECRET)
      .update(`${FEISHU_TIMESTAMP}\n${FEISHU_SECRET}`)
      .digest('base64');
    expect(feishuSign(FEISHU_SECRET, FEISHU_TIMESTAMP)).not.toBe(dingStyle);
  });
});

describe('webhook signature', () => {
  it('matches the pinned vector: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">', async () => {
    expect(webhookSignature(WEBHOOK_SECRET, FEISHU_TIMESTAMP, WEBHOOK_BODY)).toBe(`t=1790731800,v1=${WEBHOOK_V1}`);
    expect(toHex(await hmacSha256(WEBHOOK_SECRET, `${FEISHU_TIMESTAMP}.${WEBHOOK_BODY}`))).toBe(WEBHOOK_V1);
  });

  it('verifies a fresh signature of the exact body', () => {
    const header = webhookSignature(WEBHOOK_SECRET, FEISHU_TIMESTAMP, WEBHOOK_BODY);
    expect(verifyWebhookSignature(header, WEBHOOK_BODY, WEBHOOK_SECRET, FEISHU_TIMESTAMP + 299)).toBe(true);
  });

  it.each<[string, string | undefined, string, string, number]>([
    ['a changed body', `t=1790731800,v1=${WEBHOOK_V1}`, `${WEBHOOK_BODY} `, WEBHOOK_SECRET, FEISHU_TIMESTAMP],
    ['another secret', `t=1790731800,v1=${WEBHOOK_V1}`, WEBHOOK_BODY, 'whsec_other', FEISHU_TIMESTAMP],
    ['a stale timestamp', `t=1790731800,v1=${WEBHOOK_V1}`, WEBHOOK_BODY, WEBHOOK_SECRET, FEISHU_TIMESTAMP + 301],
    ['a missing header', undefined, WEBHOOK_BODY, WEBHOOK_SECRET, FEISHU_TIMESTAMP],
    ['a malformed header', 'v1=abc', WEBHOOK_BODY, WEBHOOK_SECRET, FEISHU_TIMESTAMP],
  ])('refuses %s', (_case, header, body, secret, now) => {
    expect(verifyWebhookSignature(header, body, secret, now)).toBe(false);
  });
});
