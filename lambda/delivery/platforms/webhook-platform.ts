import { JSON_HEADERS, refusedByStatus, snippet, type PlatformDriver } from './platform-driver';
import { webhookSignature, WEBHOOK_SIGNATURE_HEADER } from '../../channels/signing/webhook-signature';

/**
 * Generic webhook: `{ url, signingSecret }`. Any 2xx is success; 408, 425, 429 and 5xx are retried.
 * `Idempotency-Key` carries the alert key, so a receiver can drop the duplicate a retry may cause.
 */
export const WEBHOOK_PLATFORM: PlatformDriver = {
  type: 'webhook',
  secret: { required: ['url', 'signingSecret'], optional: [], urlField: 'url' },
  rateLimits: [],
  request: (payload, secret, now) => {
    const body = JSON.stringify(payload);
    return {
      url: secret.url,
      headers: {
        ...JSON_HEADERS,
        [WEBHOOK_SIGNATURE_HEADER]: webhookSignature(secret.signingSecret, Math.floor(now.getTime() / 1000), body),
        'Idempotency-Key': (payload as { key: string }).key,
        'User-Agent': 'RenewalGuard',
      },
      body,
    };
  },
  judge: (status, body) =>
    status >= 200 && status < 300 ? { ok: true } : refusedByStatus(status, { message: snippet(body) }),
};
