import { JSON_HEADERS, parseJsonObject, refusedByStatus, snippet, type PlatformDriver } from './platform-driver';

/**
 * Teams Workflows webhook: `{ webhookUrl }`. A Workflows trigger answers 202 Accepted; the retired
 * connector webhooks answered 200 `1`, and reported throttling inside a 200 body ("Microsoft Teams
 * endpoint returned HTTP error 429"), which is read as a 429. Teams allows 4 requests a second per
 * webhook.
 */
export const TEAMS_PLATFORM: PlatformDriver = {
  type: 'teams',
  secret: { required: ['webhookUrl'], optional: [], urlField: 'webhookUrl' },
  rateLimits: [{ limit: 4, windowMs: 1_000 }],
  request: (payload, secret) => ({ url: secret.webhookUrl, headers: JSON_HEADERS, body: JSON.stringify(payload) }),
  judge: (status, body) => {
    if (/HTTP error 429/.test(body)) {
      return { ok: false, kind: 'throttled', retryable: true, code: '429', message: snippet(body) };
    }
    if (status >= 200 && status < 300) return { ok: true };
    const error = parseJsonObject(body)?.error as { code?: unknown; message?: unknown } | undefined;
    return refusedByStatus(status, {
      code: typeof error?.code === 'string' ? error.code : undefined,
      message: typeof error?.message === 'string' ? error.message : snippet(body),
    });
  },
};
