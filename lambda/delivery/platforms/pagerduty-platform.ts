import { JSON_HEADERS, parseJsonObject, refusedByStatus, snippet, type PlatformDriver } from './platform-driver';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/**
 * PagerDuty Events API v2: `{ routingKey, url? }` — `url` for the EU service region
 * (https://events.eu.pagerduty.com/v2/enqueue) or a local receiver. 202 is success; 400 (invalid
 * event) is not retried; 429 and 5xx are, as PagerDuty's retry table says.
 * The events (trigger, or a notice's resolves on the same dedup_key) come from the renderer.
 */
export const PAGERDUTY_PLATFORM: PlatformDriver = {
  type: 'pagerduty',
  secret: { required: ['routingKey'], optional: ['url'], urlField: 'url' },
  rateLimits: [],
  request: (payload, secret) => ({
    url: secret.url ?? PAGERDUTY_EVENTS_URL,
    headers: JSON_HEADERS,
    body: JSON.stringify({ routing_key: secret.routingKey, ...(payload as object) }),
  }),
  judge: (status, body) => {
    if (status >= 200 && status < 300) return { ok: true };
    const json = parseJsonObject(body);
    const errors = Array.isArray(json?.errors) ? (json.errors as unknown[]).map(String).join('; ') : undefined;
    const message = [json?.message, errors].filter((s) => typeof s === 'string' && s !== '').join(': ');
    return refusedByStatus(status, {
      code: typeof json?.status === 'string' ? json.status : undefined,
      message: message || snippet(body),
    });
  },
};
