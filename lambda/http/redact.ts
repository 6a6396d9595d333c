import type { PreparedRequest } from '../core/http-port';

const REDACTED = '[redacted]';
const MAX_ECHO = 300;
/** Shorter values (`GET`, `1`, `json`) are too common to be secrets and would mangle any message. */
const MIN_SECRET_LENGTH = 6;

/** Words of authorization headers that are scheme and structure, not secrets. */
// `Access` opens Huawei's `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=…` header: a label, not a secret
const STRUCTURE_WORDS = /^(basic|bearer|access|credential|signedheaders|signature|[a-z0-9]+-hmac-sha\d+)$/i;
/** Names of query parameters and headers whose values may be credentials or derived from them. */
const SECRET_NAME = /auth|key|secret|token|sig|pass|cred|session/i;

/**
 * Everything in a request that may be a credential: values of credential-like query parameters and
 * headers (`api_secret`, `AccessKeyId`, `Authorization`, `X-Auth-Token`), their words (`Credential=AKID…`)
 * and the halves of a Basic authorization. A vendor that echoes what it was sent ("invalid api_key
 * abc…") must not carry it into our errors and logs.
 */
export function requestSecrets(request: PreparedRequest): string[] {
  const found = new Set<string>();
  const add = (value: string) => {
    if (value.length >= MIN_SECRET_LENGTH) found.add(value);
  };
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {
    url = undefined;
  }
  url?.searchParams.forEach((value, name) => {
    if (SECRET_NAME.test(name)) add(value);
  });
  if (url?.password) add(decodeURIComponent(url.password));
  for (const [name, value] of Object.entries(request.headers)) {
    if (!SECRET_NAME.test(name)) continue;
    add(value);
    for (const word of value.split(/[\s,=]+/)) {
      // signed-header lists (`content-type;host;x-sdk-date`) name headers, they hold no secret
      if (STRUCTURE_WORDS.test(word) || word.includes(';')) continue;
      add(word);
      add(word.split('/')[0]); // TC3: Credential=<SecretId>/<date>/<service>/tc3_request
    }
    const basic = /^Basic\s+(\S+)$/i.exec(value);
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0) {
        add(decoded.slice(0, colon));
        add(decoded.slice(colon + 1));
      }
    }
  }
  // Longest first, so a secret containing another is replaced whole.
  return [...found].sort((a, b) => b.length - a.length);
}

/** Text the remote side sent back, made safe to log: secrets replaced, one line, bounded length. */
export function sanitizeEcho(text: string, secrets: readonly string[]): string {
  const safe = redactSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  return safe.length > MAX_ECHO ? `${safe.slice(0, MAX_ECHO)}…` : safe;
}

/**
 * `text` with every secret value replaced. Values shorter than 6 characters are left alone: they would
 * blank ordinary words. Longest first, so a secret containing another is replaced whole.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/**
 * A URL's token-bearing parts as separate values to redact, besides the whole URL: a chat webhook keeps
 * its token in the path (Slack, Teams) or the query (DingTalk `access_token`, WeCom `key`).
 */
export function urlSecrets(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const url = new URL(value);
    return [value, url.pathname, ...url.searchParams.values()].filter((s) => s.length >= MIN_SECRET_LENGTH);
  } catch {
    return [value];
  }
}
