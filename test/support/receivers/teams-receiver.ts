import {
  hasLoneSurrogate,
  isNonEmptyString,
  isObject,
  json,
  type PlatformReceiver,
  type ReceivedRequest,
} from './receiver-types';

export const TEAMS_MAX_MESSAGE_BYTES = 28 * 1024;

/** A Workflows webhook message carrying an Adaptive Card, as problems (empty when it conforms). */
export function checkTeamsShape(payload: unknown): string[] {
  if (!isObject(payload)) return ['body is not a JSON object'];
  const problems: string[] = [];
  if (payload.type !== 'message') problems.push('type must be "message"');
  const attachments = payload.attachments;
  if (!Array.isArray(attachments) || attachments.length === 0) {
    return [...problems, 'attachments must be a non-empty list'];
  }
  const fail = (message: string): void => void problems.push(message);
  attachments.forEach((a, i) => {
    const at = `attachments[${i}]`;
    if (!isObject(a)) return fail(`${at} is not an object`);
    if (a.contentType !== 'application/vnd.microsoft.card.adaptive') {
      problems.push(`${at}.contentType is not an Adaptive Card`);
    }
    if (a.contentUrl !== undefined && a.contentUrl !== null) problems.push(`${at}.contentUrl must be null`);
    const card = a.content;
    if (!isObject(card)) return fail(`${at}.content is not an object`);
    if (card.type !== 'AdaptiveCard') problems.push(`${at}.content.type must be AdaptiveCard`);
    if (card.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json') {
      problems.push(`${at}.content.$schema is missing`);
    }
    if (typeof card.version !== 'string' || !/^1\.[0-6]$/.test(card.version)) {
      problems.push(`${at}.content.version is not 1.x`);
    }
    if (!Array.isArray(card.body) || !card.body.every((e) => isObject(e) && isNonEmptyString(e.type))) {
      problems.push(`${at}.content.body must be a list of typed elements`);
    }
    if (card.actions !== undefined) {
      const ok =
        Array.isArray(card.actions) &&
        card.actions.every(
          (x) => isObject(x) && x.type === 'Action.OpenUrl' && isNonEmptyString(x.url) && isNonEmptyString(x.title),
        );
      if (!ok) problems.push(`${at}.content.actions must be Action.OpenUrl with title and url`);
    }
  });
  if (hasLoneSurrogate(JSON.stringify(payload))) problems.push('the message holds a lone surrogate');
  return problems;
}

/** Acts as a Teams Workflows trigger at `/teams/workflows/<id>`: 202 Accepted, or 400 with an error object. */
export function teamsReceiver(options: { id: string }): PlatformReceiver {
  return {
    prefix: '/teams',
    throttled: (retryAfter = '1') =>
      json(
        429,
        { error: { code: 'TooManyRequests', message: 'Rate limit is exceeded.' } },
        { 'Retry-After': retryAfter },
      ),
    async handle(request: ReceivedRequest) {
      if (request.path !== `/teams/workflows/${options.id}`) {
        return json(404, { error: { code: 'WorkflowNotFound', message: 'The workflow was not found.' } });
      }
      if (Buffer.byteLength(request.raw) > TEAMS_MAX_MESSAGE_BYTES) {
        return json(413, { error: { code: 'MessageTooLarge', message: 'The message exceeds 28 KB.' } });
      }
      const problems = checkTeamsShape(request.body);
      if (problems.length > 0) {
        return json(400, { error: { code: 'InvalidRequestContent', message: problems.join('; ') } });
      }
      return { status: 202, body: '' };
    },
  };
}
