/**
 * Huawei Cloud AK/SK signing, SDK-HMAC-SHA256, as documented in the "API 签名指南 / API Request Signing
 * Guide" (https://support.huaweicloud.com/devg-apisign/api-sign-algorithm.html) and implemented by the
 * APIG signing SDK (`signer.js`). The guide's worked example (a VPC list GET) is pinned in the tests.
 *
 * Unlike TC3 there is no derived key: the secret signs the string directly, and the canonical URI always
 * ends with `/` whether or not the request path does.
 */
import { hmacSha256Hex, sha256Hex } from './digest';
import { percentEncode } from './percent-encode';

export const SDK_HMAC_ALGORITHM = 'SDK-HMAC-SHA256';

/** `X-Sdk-Date`: `YYYYMMDDTHHMMSSZ` in UTC. */
export function sdkDate(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Reads an `X-Sdk-Date` back; undefined unless it has exactly the documented shape. */
export function parseSdkDate(value: string | undefined): Date | undefined {
  const m = value === undefined ? null : /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  const at = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** Each path segment percent-encoded (after undoing the URL's own encoding), and a trailing `/`. */
export function huaweiCanonicalUri(path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => percentEncode(decodeSegment(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Parameters sorted by name (then value, for repeated names), each name and value percent-encoded. */
export function huaweiCanonicalQuery(params: Iterable<readonly [string, string]>): string {
  return [...params]
    .map(([name, value]) => [name, value] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`)
    .join('&');
}

export interface HuaweiCanonicalParts {
  readonly method: string;
  readonly canonicalUri: string;
  readonly canonicalQuery: string;
  /** Lower-case names to values; only the signed ones are read. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Lower-case names, sorted. */
  readonly signedHeaders: readonly string[];
  readonly payload: string;
}

/** The canonical request: one `name:value` line per signed header, names lower-cased, values trimmed. */
export function huaweiCanonicalRequest(parts: HuaweiCanonicalParts): string {
  const canonicalHeaders = parts.signedHeaders
    .map((name) => `${name}:${(parts.headers[name] ?? '').trim()}\n`)
    .join('');
  return [
    parts.method,
    parts.canonicalUri,
    parts.canonicalQuery,
    canonicalHeaders,
    parts.signedHeaders.join(';'),
    sha256Hex(parts.payload),
  ].join('\n');
}

export function huaweiStringToSign(sdkDateValue: string, canonicalRequest: string): string {
  return `${SDK_HMAC_ALGORITHM}\n${sdkDateValue}\n${sha256Hex(canonicalRequest)}`;
}

export function huaweiSignature(secretKey: string, stringToSign: string): string {
  return hmacSha256Hex(secretKey, stringToSign);
}

export interface HuaweiCredential {
  readonly accessKey: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** The documented header: a space after the algorithm, commas between the fields. */
export function huaweiAuthorization(c: HuaweiCredential): string {
  return `${SDK_HMAC_ALGORITHM} Access=${c.accessKey}, SignedHeaders=${c.signedHeaders.join(';')}, Signature=${c.signature}`;
}

const AUTHORIZATION = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

export function parseHuaweiAuthorization(header: string | undefined): HuaweiCredential | undefined {
  const m = header === undefined ? null : AUTHORIZATION.exec(header);
  if (!m) return undefined;
  return { accessKey: m[1], signedHeaders: m[2].split(';'), signature: m[3] };
}

export interface HuaweiRequest {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly method: 'GET' | 'POST';
  readonly url: string;
  /** Headers to send and sign besides Host and X-Sdk-Date (e.g. Content-Type, X-Project-Id). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly at: Date;
}

export interface SignedHuaweiRequest {
  /** The headers to send (the client adds Host from the URL, which is what was signed). */
  readonly headers: Readonly<Record<string, string>>;
  readonly canonicalRequest: string;
  readonly signature: string;
}

/** Signs every header it sends, plus the Host the client will send, as the signing SDK does. */
export function signHuaweiRequest(req: HuaweiRequest): SignedHuaweiRequest {
  const url = new URL(req.url);
  const date = sdkDate(req.at);
  const sent: Record<string, string> = { ...req.headers, 'X-Sdk-Date': date };
  const lower: Record<string, string> = { host: url.host };
  for (const [name, value] of Object.entries(sent)) lower[name.toLowerCase()] = value;
  const signedHeaders = Object.keys(lower).sort();
  const canonicalRequest = huaweiCanonicalRequest({
    method: req.method,
    canonicalUri: huaweiCanonicalUri(url.pathname),
    canonicalQuery: huaweiCanonicalQuery(url.searchParams),
    headers: lower,
    signedHeaders,
    payload: req.body ?? '',
  });
  const signature = huaweiSignature(req.secretKey, huaweiStringToSign(date, canonicalRequest));
  return {
    headers: { ...sent, Authorization: huaweiAuthorization({ accessKey: req.accessKey, signedHeaders, signature }) },
    canonicalRequest,
    signature,
  };
}
