/**
 * DingTalk custom robot "加签" (signing), per the custom robot security settings doc
 * (open.dingtalk.com/document/robots/customize-robot-security-settings): the string to sign is
 * `timestamp + "\n" + secret`, with `timestamp` in milliseconds; the signature is HmacSHA256 of it keyed
 * by the secret, Base64-encoded, then URL-encoded into the `sign` query parameter next to `timestamp`.
 * DingTalk refuses a timestamp more than an hour from its clock.
 */
import { createHmac } from 'crypto';

/** The Base64 signature (not yet URL-encoded). */
export function dingTalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** The robot's webhook URL with `timestamp` and `sign` appended to its query. */
export function dingTalkSignedUrl(webhookUrl: string, secret: string, timestampMs: number): string {
  const url = new URL(webhookUrl);
  url.searchParams.set('timestamp', String(timestampMs));
  url.searchParams.set('sign', dingTalkSign(secret, timestampMs));
  return url.toString();
}
