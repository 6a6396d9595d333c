import { JSON_HEADERS, refusedByStatus, snippet, type PlatformDriver } from './platform-driver';

/**
 * Slack incoming webhook: `{ webhookUrl }`. Slack allows about one message a second per webhook and
 * answers 429 with Retry-After beyond it. Success is HTTP 200 with the body `ok`; errors are a status
 * with a plain-text code (`invalid_blocks`, `no_service`, `channel_is_archived`, ...).
 */
export const SLACK_PLATFORM: PlatformDriver = {
  type: 'slack',
  secret: { required: ['webhookUrl'], optional: [], urlField: 'webhookUrl' },
  rateLimits: [{ limit: 1, windowMs: 1_000 }],
  request: (payload, secret) => ({ url: secret.webhookUrl, headers: JSON_HEADERS, body: JSON.stringify(payload) }),
  judge: (status, body) => {
    const text = body.trim();
    if (status === 200 && text === 'ok') return { ok: true };
    return refusedByStatus(status, { code: snippet(text) });
  },
};
