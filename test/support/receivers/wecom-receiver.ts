import {
  hasLoneSurrogate,
  isNonEmptyString,
  isObject,
  json,
  type PlatformReceiver,
  type ReceivedRequest,
  type ReceiverContext,
} from './receiver-types';

export const WECOM_MAX_CONTENT_BYTES = 4096;

/** A group-robot `markdown` message, as problems (empty when it conforms). */
export function checkWeComShape(payload: unknown): string[] {
  if (!isObject(payload)) return ['body is not a JSON object'];
  const problems: string[] = [];
  if (payload.msgtype !== 'markdown') problems.push('msgtype is not markdown');
  const md = payload.markdown;
  if (!isObject(md) || !isNonEmptyString(md.content)) {
    return [...problems, 'markdown.content must be a non-empty string'];
  }
  if (Buffer.byteLength(md.content) > WECOM_MAX_CONTENT_BYTES) problems.push('markdown.content exceed max length 4096');
  if (hasLoneSurrogate(md.content)) problems.push('markdown.content holds a lone surrogate');
  return problems;
}

/** Acts as a WeCom group robot at `/wecom/cgi-bin/webhook/send?key=…`, 20 messages a minute. */
export function weComReceiver(options: { key: string }): PlatformReceiver {
  return {
    prefix: '/wecom',
    throttled: () => json(200, { errcode: 45009, errmsg: 'api freq out of limit' }),
    async handle(request: ReceivedRequest, ctx: ReceiverContext) {
      if (request.path !== '/wecom/cgi-bin/webhook/send' || request.query.get('key') !== options.key) {
        return json(200, { errcode: 93000, errmsg: 'invalid webhook url' });
      }
      const problems = checkWeComShape(request.body);
      if (problems.some((p) => p.startsWith('markdown.content exceed'))) {
        return json(200, {
          errcode: 40058,
          errmsg: 'markdown.content exceed max length 4096. invalid Request Parameter',
        });
      }
      if (problems.length > 0) {
        return json(200, { errcode: 40008, errmsg: `invalid message type: ${problems.join('; ')}` });
      }
      if (ctx.acceptedSince('wecom', ctx.now() - 60_000) >= 20) {
        return json(200, { errcode: 45009, errmsg: 'api freq out of limit' });
      }
      return json(200, { errcode: 0, errmsg: 'ok' });
    },
  };
}
