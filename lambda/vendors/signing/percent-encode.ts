/**
 * RFC 3986 percent-encoding, as Alibaba's RPC signature and Huawei's canonical request require: UTF-8
 * bytes, upper-case hex, and nothing left bare but `A-Z a-z 0-9 - _ . ~`. `encodeURIComponent` also
 * leaves `! ' ( ) *` bare, and a signature computed over those differs from the vendor's.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
