import { createHash, createHmac } from 'node:crypto';

/** Lower-case hex SHA-256 of a UTF-8 string: the payload and canonical-request hashes of TC3 and SDK-HMAC. */
export function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

export function hmacSha256(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function hmacSha256Hex(key: string | Buffer, data: string): string {
  return hmacSha256(key, data).toString('hex');
}

export function hmacSha1Base64(key: string, data: string): string {
  return createHmac('sha1', key).update(data, 'utf8').digest('base64');
}
