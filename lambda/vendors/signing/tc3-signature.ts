/**
 * Tencent Cloud API 3.0 signature v3, TC3-HMAC-SHA256, as documented in "签名方法 v3"
 * (https://cloud.tencent.com/document/api/213/30654, intl https://www.tencentcloud.com/document/api/1150/49447)
 * and implemented by TencentCloud/tencentcloud-sdk-nodejs `src/common/sign.ts`.
 *
 * The steps are exported one by one so the sandbox can recompute a signature from what actually arrived
 * (method, path, headers, body) rather than from what a client meant to send.
 */
import { hmacSha256, hmacSha256Hex, sha256Hex } from './digest';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
const TERMINATOR = 'tc3_request';
/** The content type of Tencent's documented example; JSON bodies need signature v3. */
export const TC3_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface Tc3CanonicalParts {
  readonly method: string;
  readonly canonicalUri: string;
  /** Empty for POST. */
  readonly canonicalQuery: string;
  /** Lower-case names to values; only the signed ones are read. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Lower-case names, sorted. */
  readonly signedHeaders: readonly string[];
  readonly payload: string;
}

/** Step 1, the canonical request. The doc: header names and values in lower case, trimmed, one per line. */
export function tc3CanonicalRequest(parts: Tc3CanonicalParts): string {
  const canonicalHeaders = parts.signedHeaders
    .map((name) => `${name}:${(parts.headers[name] ?? '').trim().toLowerCase()}\n`)
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

/** The UTC calendar date of `X-TC-Timestamp`: the credential scope must name it. */
export function tc3Date(timestampSeconds: number): string {
  return new Date(timestampSeconds * 1000).toISOString().slice(0, 10);
}

/** Step 2, the string to sign. */
export function tc3StringToSign(timestampSeconds: number, service: string, canonicalRequest: string): string {
  const scope = `${tc3Date(timestampSeconds)}/${service}/${TERMINATOR}`;
  return `${TC3_ALGORITHM}\n${timestampSeconds}\n${scope}\n${sha256Hex(canonicalRequest)}`;
}

/** Step 3: the key is derived from `TC3` + SecretKey through the date, the service and `tc3_request`. */
export function tc3Signature(secretKey: string, date: string, service: string, stringToSign: string): string {
  const kDate = hmacSha256(`TC3${secretKey}`, date);
  const kService = hmacSha256(kDate, service);
  const kSigning = hmacSha256(kService, TERMINATOR);
  return hmacSha256Hex(kSigning, stringToSign);
}

export interface Tc3Credential {
  readonly secretId: string;
  readonly date: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

/** Step 4, the Authorization header. */
export function tc3Authorization(c: Tc3Credential): string {
  return (
    `${TC3_ALGORITHM} Credential=${c.secretId}/${c.date}/${c.service}/${TERMINATOR}, ` +
    `SignedHeaders=${c.signedHeaders.join(';')}, Signature=${c.signature}`
  );
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([a-z0-9-]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/** Reads an Authorization header back into its parts; undefined when it is not a TC3 header. */
export function parseTc3Authorization(header: string | undefined): Tc3Credential | undefined {
  const m = header === undefined ? null : AUTHORIZATION.exec(header);
  if (!m) return undefined;
  return { secretId: m[1], date: m[2], service: m[3], signedHeaders: m[4].split(';'), signature: m[5] };
}

export interface Tc3Request {
  readonly secretId: string;
  readonly secretKey: string;
  /** The product, e.g. `billing`: the host's first label on the real API, named explicitly so a sandbox URL works. */
  readonly service: string;
  readonly url: string;
  readonly action: string;
  readonly version: string;
  readonly region?: string;
  readonly timestampSeconds: number;
  /** The exact JSON body that is sent. */
  readonly payload: string;
}

export interface SignedTc3Request {
  /** The headers to send (the client adds Host from the URL, which is what was signed). */
  readonly headers: Readonly<Record<string, string>>;
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
}

/** Signs one POST the way the SDK does: `content-type` and `host` signed, common parameters as X-TC-* headers. */
export function signTc3Request(req: Tc3Request): SignedTc3Request {
  const url = new URL(req.url);
  const signedHeaders = ['content-type', 'host'];
  const canonicalRequest = tc3CanonicalRequest({
    method: 'POST',
    canonicalUri: url.pathname || '/',
    canonicalQuery: '',
    headers: { 'content-type': TC3_CONTENT_TYPE, host: url.host },
    signedHeaders,
    payload: req.payload,
  });
  const date = tc3Date(req.timestampSeconds);
  const stringToSign = tc3StringToSign(req.timestampSeconds, req.service, canonicalRequest);
  const signature = tc3Signature(req.secretKey, date, req.service, stringToSign);
  const authorization = tc3Authorization({
    secretId: req.secretId,
    date,
    service: req.service,
    signedHeaders,
    signature,
  });
  return {
    headers: {
      Authorization: authorization,
      'Content-Type': TC3_CONTENT_TYPE,
      'X-TC-Action': req.action,
      'X-TC-Timestamp': String(req.timestampSeconds),
      'X-TC-Version': req.version,
      ...(req.region !== undefined && { 'X-TC-Region': req.region }),
    },
    canonicalRequest,
    stringToSign,
    signature,
  };
}
