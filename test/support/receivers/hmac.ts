/**
 * HMAC-SHA256 through Web Crypto, deliberately not node's createHmac that the signers use: the receivers
 * check the documented algorithms with a second, independent implementation.
 */
import { webcrypto } from 'crypto';

const encoder = new TextEncoder();

export async function hmacSha256(key: string, message: string): Promise<Uint8Array> {
  const imported = await webcrypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return new Uint8Array(await webcrypto.subtle.sign('HMAC', imported, encoder.encode(message)));
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
