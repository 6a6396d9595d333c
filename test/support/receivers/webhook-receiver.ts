import { hmacSha256, toHex } from './hmac';
import {
  isNonEmptyString,
  isObject,
  json,
  type PlatformReceiver,
  type ReceivedRequest,
  type ReceiverContext,
} from './receiver-types';

/** The generic webhook body: the contract's alert object with the EventBridge detail's extra fields. */
export function checkWebhookShape(payload: unknown): string[] {
  if (!isObject(payload)) return ['body is not a JSON object'];
  const problems: string[] = [];
  for (const field of ['key', 'kind', 'severity', 'date', 'message', 'title', 'language']) {
    if (!isNonEmptyString(payload[field])) problems.push(`${field} must be a non-empty string`);
  }
  for (const field of ['owners', 'channels']) {
    if (!Array.isArray(payload[field])) problems.push(`${field} must be a list`);
  }
  for (const field of ['project', 'expiresOn', 'accountId', 'serviceName', 'ackUrl']) {
    if (!(field in payload) || (payload[field] !== null && typeof payload[field] !== 'string')) {
      problems.push(`${field} must be a string or null`);
    }
  }
  return problems;
}

/**
 * Acts as a user's endpoint at `/webhook/<id>`: verifies `X-RenewalGuard-Signature: t=…,v1=…` (hex
 * HMAC-SHA256 of "t.body", t within five minutes), `Idempotency-Key` and the body.
 */
export function webhookReceiver(options: { id: string; secret: string }): PlatformReceiver {
  return {
    prefix: '/webhook',
    throttled: (retryAfter = '1') => json(429, { error: 'slow down' }, { 'Retry-After': retryAfter }),
    async handle(request: ReceivedRequest, ctx: ReceiverContext) {
      if (request.path !== `/webhook/${options.id}`) return json(404, { error: 'not found' });
      const header = request.headers['x-renewalguard-signature'] ?? '';
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
      if (!match) return json(401, { error: 'missing or malformed signature' });
      const expected = toHex(await hmacSha256(options.secret, `${match[1]}.${request.raw}`));
      if (match[2] !== expected) return json(401, { error: 'bad signature' });
      if (Math.abs(ctx.now() / 1000 - Number(match[1])) > 300) return json(401, { error: 'stale signature' });
      const problems = checkWebhookShape(request.body);
      if (problems.length > 0) return json(422, { error: problems.join('; ') });
      if (request.headers['idempotency-key'] !== (request.body as { key: string }).key) {
        return json(422, { error: 'Idempotency-Key does not match the alert key' });
      }
      return json(200, { received: true });
    },
  };
}
