import {
  hasLoneSurrogate,
  isNonEmptyString,
  isObject,
  type PlatformReceiver,
  type ReceivedRequest,
  type Reply,
} from './receiver-types';

const text = (status: number, body: string, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'Content-Type': 'text/plain', ...headers },
  body,
});

function textObject(value: unknown, type: string | undefined, max: number, where: string, problems: string[]): void {
  if (!isObject(value) || !isNonEmptyString(value.text) || (type !== undefined && value.type !== type)) {
    problems.push(`${where} must be a ${type ?? 'text'} object`);
    return;
  }
  if (value.text.length > max) problems.push(`${where} is longer than ${max} characters`);
  if (hasLoneSurrogate(value.text)) problems.push(`${where} holds a lone surrogate`);
}

/** An incoming-webhook Block Kit message against the documented block limits, as problems. */
export function checkSlackShape(payload: unknown): string[] {
  if (!isObject(payload)) return ['body is not a JSON object'];
  const problems: string[] = [];
  if (!isNonEmptyString(payload.text)) problems.push('text (the notification fallback) is missing');
  const blocks = payload.blocks;
  if (!Array.isArray(blocks) || blocks.length === 0) return [...problems, 'blocks must be a non-empty list'];
  const fail = (message: string): void => void problems.push(message);
  if (blocks.length > 50) problems.push('more than 50 blocks');
  blocks.forEach((block, i) => {
    const at = `blocks[${i}]`;
    if (!isObject(block)) return fail(`${at} is not an object`);
    switch (block.type) {
      case 'header':
        return textObject(block.text, 'plain_text', 150, `${at}.text`, problems);
      case 'section':
        if (block.text === undefined && block.fields === undefined) return fail(`${at} needs text or fields`);
        if (block.text !== undefined) textObject(block.text, undefined, 3000, `${at}.text`, problems);
        if (block.fields !== undefined) {
          if (!Array.isArray(block.fields) || block.fields.length === 0 || block.fields.length > 10) {
            return fail(`${at}.fields must be 1 to 10 items`);
          }
          block.fields.forEach((f, j) => textObject(f, undefined, 2000, `${at}.fields[${j}]`, problems));
        }
        return;
      case 'actions':
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 25) {
          return fail(`${at}.elements must be 1 to 25 items`);
        }
        return block.elements.forEach((e, j) => {
          if (!isObject(e) || e.type !== 'button') return fail(`${at}.elements[${j}] is not a button`);
          textObject(e.text, 'plain_text', 75, `${at}.elements[${j}].text`, problems);
          if (e.url !== undefined && (!isNonEmptyString(e.url) || e.url.length > 3000)) {
            problems.push(`${at}.elements[${j}].url must be at most 3000 characters`);
          }
        });
      case 'context':
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10) {
          return fail(`${at}.elements must be 1 to 10 items`);
        }
        return block.elements.forEach((e, j) => textObject(e, undefined, 3000, `${at}.elements[${j}]`, problems));
      case 'divider':
        return;
      default:
        return fail(`${at}.type ${String(block.type)} is not a block this receiver knows`);
    }
  });
  return problems;
}

/** Acts as a Slack incoming webhook at `/slack/services/<path>`: `ok`, or a status with a plain-text code. */
export function slackReceiver(options: { path: string }): PlatformReceiver {
  return {
    prefix: '/slack',
    throttled: (retryAfter = '1') => text(429, 'rate_limited', { 'Retry-After': retryAfter }),
    async handle(request: ReceivedRequest) {
      if (request.path !== `/slack/services/${options.path}`) return text(404, 'no_service');
      if (!isObject(request.body)) return text(400, 'invalid_payload');
      if (checkSlackShape(request.body).length > 0) return text(400, 'invalid_blocks');
      return text(200, 'ok');
    },
  };
}
