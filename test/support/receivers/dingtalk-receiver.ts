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

/** The custom robot's documented message shape for `markdown`, as problems (empty when it conforms). */
export function checkDingTalkShape(payload: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(payload)) return ['body is not a JSON object'];
  if (payload.msgtype !== 'markdown') problems.push('msgtype is not markdown');
  const md = payload.markdown;
  if (!isObject(md) || !isNonEmptyString(md.title) || !isNonEmptyString(md.text)) {
    problems.push('markdown.title and markdown.text must be non-empty strings');
  } else if (hasLoneSurrogate(md.title) || hasLoneSurrogate(md.text)) {
    problems.push('markdown holds a lone surrogate');
  }
  const at = payload.at;
  if (at !== undefined) {
    if (!isObject(at)) {
      problems.push('at is not an object');
    } else {
      if (at.atMobiles !== undefined && !(Array.isArray(at.atMobiles) && at.atMobiles.every(isNonEmptyString))) {
        problems.push('at.atMobiles must be a list of strings');
      }
      if (at.isAtAll !== undefined && typeof at.isAtAll !== 'boolean') problems.push('at.isAtAll must be a boolean');
    }
  }
  return problems;
}

/**
 * Acts as a DingTalk custom robot at `/dingtalk/robot/send?access_token=…`: checks the token, the 加签
 * signature (`sign` = Base64 HmacSHA256 of "timestamp\nsecret", timestamp in ms within an hour), an
 * optional keyword, the shape, and 20 messages a minute; answers with DingTalk's `errcode` envelope.
 */
export function dingTalkReceiver(options: { token: string; secret?: string; keyword?: string }): PlatformReceiver {
  return {
    prefix: '/dingtalk',
    throttled: () => json(200, { errcode: 410100, errmsg: 'send too fast, exceed 20 times per minute' }),
    async handle(request: ReceivedRequest, ctx: ReceiverContext) {
      if (request.path !== '/dingtalk/robot/send' || request.query.get('access_token') !== options.token) {
        return json(200, { errcode: 300001, errmsg: 'token is not exist' });
      }
      if (options.secret !== undefined) {
        const timestamp = request.query.get('timestamp') ?? '';
        const sign = request.query.get('sign') ?? '';
        const expected = toBase64(await hmacSha256(options.secret, `${timestamp}\n${options.secret}`));
        if (!/^\d+$/.test(timestamp) || Math.abs(ctx.now() - Number(timestamp)) > 3_600_000) {
          return json(200, { errcode: 310000, errmsg: 'invalid timestamp' });
        }
        if (sign !== expected) return json(200, { errcode: 310000, errmsg: 'sign not match' });
      }
      const problems = checkDingTalkShape(request.body);
      if (problems.length > 0) {
        return json(200, { errcode: 40035, errmsg: `invalid parameter: ${problems.join('; ')}` });
      }
      if (options.keyword !== undefined && !request.raw.includes(options.keyword)) {
        return json(200, { errcode: 310000, errmsg: 'keywords not in content' });
      }
      if (ctx.acceptedSince('dingtalk', ctx.now() - 60_000) >= 20) {
        return json(200, { errcode: 410100, errmsg: 'send too fast, exceed 20 times per minute' });
      }
      return json(200, { errcode: 0, errmsg: 'ok' });
    },
  };
}
