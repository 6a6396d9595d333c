import { JSON_HEADERS, judgeCodeEnvelope, type PlatformDriver } from './platform-driver';
import { dingTalkSignedUrl } from '../../channels/signing/dingtalk-sign';

/**
 * DingTalk custom robot: `{ webhookUrl, signingSecret? }` (signingSecret when the robot uses 加签). Each
 * robot takes 20 messages a minute and is throttled for 10 minutes beyond that, so delivery waits for
 * the window rather than spend a request. Answers are HTTP 200 with `errcode`: 0 is success; 130101 and
 * 410100 ("send too fast") and -1 (system busy) are worth retrying; 310000 (signature, keyword or IP
 * check failed), 300001 / 400101 (bad token) and the rest are not.
 */
export const DINGTALK_PLATFORM: PlatformDriver = {
  type: 'dingtalk',
  secret: { required: ['webhookUrl'], optional: ['signingSecret'], urlField: 'webhookUrl' },
  rateLimits: [{ limit: 20, windowMs: 60_000 }],
  request: (payload, secret, now) => ({
    url: secret.signingSecret
      ? dingTalkSignedUrl(secret.webhookUrl, secret.signingSecret, now.getTime())
      : secret.webhookUrl,
    headers: JSON_HEADERS,
    body: JSON.stringify(payload),
  }),
  judge: (status, body) => judgeCodeEnvelope(status, body, 'errcode', 'errmsg', [130101, 410100, -1]),
};
