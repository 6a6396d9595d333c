import { hmacSha256, toBase64 } from './hmac';
import {
  hasLoneSurrogate,
  isNonEmptyString,
  isObject,
  json,
  type PlatformReceiver,
  type ReceivedRequest,
  type ReceiverContext,
} from './receiver-types';

/** Header colours the message card reference documents. */
const TEMPLATES = [
  'blue',
  'wathet',
  'turquoise',
  'green',
  'yellow',
  'orange',
  'red',
  'carmine',
  'violet',
  'purple',
  'indigo',
  'grey',
];
export const FEISHU_MAX_BODY_BYTES = 20 * 1024;

/** An `interactive` custom-bot message, as problems (empty when it conforms). Signature fields aside. */
export function checkFeishuShape(payload: unknown): string[] {
  if (!isObject(payload)) return ['body is not a JSON object'];
  const problems: string[] = [];
  if (payload.msg_type !== 'interactive') problems.push('msg_type is not interactive');
  const card = payload.card;
  if (!isObject(card)) return [...problems, 'card is not an object'];
  const header = card.header;
  if (
    !isObject(header) ||
    !isObject(header.title) ||
    header.title.tag !== 'plain_text' ||
    !isNonEmptyString(header.title.content)
  ) {
    problems.push('card.header.title must be plain_text with content');
  }
  if (isObject(header) && !TEMPLATES.includes(String(header.template))) {
    problems.push('card.header.template is not a documented colour');
  }
  if (!Array.isArray(card.elements) || card.elements.length === 0) {
    problems.push('card.elements must be a non-empty list');
  } else if (!card.elements.every((e) => isObject(e) && isNonEmptyString(e.tag))) {
    problems.push('every element needs a tag');
  }
  if (
    Array.isArray(card.elements) &&
    card.elements.some((e) => isObject(e) && Array.isArray(e.fields) && e.fields.length === 0)
  ) {
    problems.push('a div has empty fields');
  }
  if (hasLoneSurrogate(JSON.stringify(card))) problems.push('card holds a lone surrogate');
  return problems;
}

/**
 * Acts as a Feishu custom bot at `/feishu/open-apis/bot/v2/hook/<token>`: checks the signature (`sign`
 * = Base64 HmacSHA256 keyed by "timestamp\nsecret" over an empty message, timestamp in seconds within
 * an hour), the 20 KB body limit and the card shape; answers with Feishu's `code` envelope.
 */
export function feishuReceiver(options: { token: string; secret?: string }): PlatformReceiver {
  return {
    prefix: '/feishu',
    throttled: () => json(200, { code: 11232, msg: 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1]' }),
    async handle(request: ReceivedRequest, ctx: ReceiverContext) {
      if (request.path !== `/feishu/open-apis/bot/v2/hook/${options.token}`) {
        return json(404, { code: 19001, msg: 'param invalid: incoming webhook access token invalid' });
      }
      if (Buffer.byteLength(request.raw) > FEISHU_MAX_BODY_BYTES || !isObject(request.body)) {
        return json(400, { code: 9499, msg: 'Bad Request', data: {} });
      }
      const body = request.body;
      if (options.secret !== undefined) {
        const timestamp = String(body.timestamp ?? '');
        const expected = toBase64(await hmacSha256(`${timestamp}\n${options.secret}`, ''));
        const fresh = /^\d+$/.test(timestamp) && Math.abs(ctx.now() / 1000 - Number(timestamp)) <= 3600;
        if (!fresh || body.sign !== expected) {
          return json(200, {
            code: 19021,
            msg: 'sign match fail or timestamp is not within one hour from current time',
          });
        }
      }
      const problems = checkFeishuShape(body);
      if (problems.length > 0) return json(400, { code: 9499, msg: `Bad Request: ${problems.join('; ')}`, data: {} });
      if (ctx.acceptedSince('feishu', ctx.now() - 1_000) >= 5) {
        return json(200, { code: 11232, msg: 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1]' });
      }
      return json(200, { code: 0, msg: 'success', data: {} });
    },
  };
}
