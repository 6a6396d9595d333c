/**
 * Feishu / Lark custom bot signature verification ("签名校验", custom bot guide,
 * open.feishu.cn/document/client-docs/bot-v3/add-custom-bot): `timestamp + "\n" + secret` is the HMAC
 * *key* — not the message — over an empty message, HmacSHA256, Base64-encoded. `timestamp` is in
 * seconds and travels in the JSON body beside `sign`; Feishu refuses one more than an hour off.
 */
import { createHmac } from 'crypto';

export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}
