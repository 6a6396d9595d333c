import { isNonEmptyString, isObject, json, type PlatformReceiver, type ReceivedRequest } from './receiver-types';

const SEVERITIES = ['critical', 'error', 'warning', 'info'];

/** An Events API v2 event against the documented required fields and limits, as problems. */
export function checkPagerDutyShape(payload: unknown, options: { requireRoutingKey: boolean }): string[] {
  if (!isObject(payload)) return ['body is not a JSON object'];
  const problems: string[] = [];
  if (options.requireRoutingKey && !(typeof payload.routing_key === 'string' && payload.routing_key.length === 32)) {
    problems.push('routing_key must be a 32 character integration key');
  }
  if (!['trigger', 'acknowledge', 'resolve'].includes(String(payload.event_action))) {
    problems.push('event_action is invalid');
  }
  if (payload.dedup_key !== undefined && (!isNonEmptyString(payload.dedup_key) || payload.dedup_key.length > 255)) {
    problems.push('dedup_key must be at most 255 characters');
  }
  if (payload.event_action !== 'trigger') {
    if (!isNonEmptyString(payload.dedup_key)) problems.push('dedup_key is required to acknowledge or resolve');
    return problems;
  }
  const p = payload.payload;
  if (!isObject(p)) return [...problems, 'payload is required for a trigger'];
  if (!isNonEmptyString(p.summary) || p.summary.length > 1024) {
    problems.push('payload.summary must be 1 to 1024 characters');
  }
  if (!isNonEmptyString(p.source)) problems.push('payload.source is required');
  if (!SEVERITIES.includes(String(p.severity))) {
    problems.push('payload.severity must be critical, error, warning or info');
  }
  if (
    payload.links !== undefined &&
    !(Array.isArray(payload.links) && payload.links.every((l) => isObject(l) && isNonEmptyString(l.href)))
  ) {
    problems.push('links must be objects with href');
  }
  return problems;
}

/** Acts as `/pagerduty/v2/enqueue`: 202 with the dedup key, or 400 "invalid event" with its errors. */
export function pagerDutyReceiver(options: { routingKey: string }): PlatformReceiver {
  return {
    prefix: '/pagerduty',
    throttled: (retryAfter?: string) =>
      json(
        429,
        { status: 'throttle event', message: 'Requests for this service are arriving too quickly.' },
        retryAfter ? { 'Retry-After': retryAfter } : {},
      ),
    async handle(request: ReceivedRequest) {
      if (request.path !== '/pagerduty/v2/enqueue') return json(404, { status: 'not found' });
      const problems = checkPagerDutyShape(request.body, { requireRoutingKey: true });
      if (problems.length === 0 && (request.body as { routing_key: string }).routing_key !== options.routingKey) {
        problems.push('routing_key is not an integration key of this account');
      }
      if (problems.length > 0) {
        return json(400, { status: 'invalid event', message: 'Event object is invalid', errors: problems });
      }
      const body = request.body as { dedup_key: string };
      return json(202, { status: 'success', message: 'Event processed', dedup_key: body.dedup_key });
    },
  };
}
