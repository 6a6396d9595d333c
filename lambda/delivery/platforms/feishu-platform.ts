import { JSON_HEADERS, judgeCodeEnvelope, type PlatformDriver } from './platform-driver';
import { feishuSign } from '../../channels/signing/feishu-sign';

/**
 * Feishu / Lark custom bot: `{ webhookUrl, signingSecret? }`. The signed `timestamp` (seconds) and `sign`
 * go into the JSON body. The guide limits a custom bot to 100 requests a minute and 5 a second. Answers
 * carry `code`: 0 is success; 11232 (frequency limited) is worth retrying; 19021 (signature or
 * timestamp), 19022 (IP not allowed), 19024 (keyword missing) and 9499 (bad request) are not.
 */
export const FEISHU_PLATFORM: PlatformDriver = {
  type: 'feishu',
  secret: { required: ['webhookUrl'], optional: ['signingSecret'], urlField: 'webhookUrl' },
  rateLimits: [
    { limit: 5, windowMs: 1_000 },
    { limit: 100, windowMs: 60_000 },
  ],
  request: (payload, secret, now) => {
    const timestamp = Math.floor(now.getTime() / 1000);
    const signed = secret.signingSecret
      ? { timestamp: String(timestamp), sign: feishuSign(secret.signingSecret, timestamp) }
      : {};
    return {
      url: secret.webhookUrl,
      headers: JSON_HEADERS,
      body: JSON.stringify({ ...signed, ...(payload as object) }),
    };
  },
  judge: (status, body) => judgeCodeEnvelope(status, body, 'code', 'msg', [11232]),
};
