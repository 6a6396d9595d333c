import { JSON_HEADERS, judgeCodeEnvelope, type PlatformDriver } from './platform-driver';

/**
 * WeCom group robot: `{ webhookUrl }` (the key is part of the URL). At most 20 messages a minute per
 * robot. Answers carry `errcode`: 0 is success; 45009 (api freq out of limit) and -1 (system busy) are
 * worth retrying; 93000 (invalid webhook URL), 40058 (content too long) and the rest are not.
 */
export const WECOM_PLATFORM: PlatformDriver = {
  type: 'wecom',
  secret: { required: ['webhookUrl'], optional: [], urlField: 'webhookUrl' },
  rateLimits: [{ limit: 20, windowMs: 60_000 }],
  request: (payload, secret) => ({ url: secret.webhookUrl, headers: JSON_HEADERS, body: JSON.stringify(payload) }),
  judge: (status, body) => judgeCodeEnvelope(status, body, 'errcode', 'errmsg', [45009, -1]),
};
