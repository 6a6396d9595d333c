/**
 * The shapes of credential values: vendor key ids, hex secrets, base64 keys, tokens. Heuristics, tuned
 * to err towards suspicion, since the cost of a false alarm is a rename and the cost of a miss is a key
 * in a log.
 */

const HEX_32 = /[0-9a-f]{32,}/i; // Agora App Certificate / Customer Secret, Twilio auth token, most API secrets
const KEY_ID_PREFIX = /^(AKID|LTAI|AKIA|ASIA)[A-Za-z0-9]{12,}$/; // Tencent SecretId, Alibaba / AWS access key ids
const TWILIO_SID = /^(AC|SK)[0-9a-f]{32}$/i; // Twilio Account SID / API key SID
const JWT = /^eyJ[A-Za-z0-9_-]{10,}/;
const HUAWEI_AK = /^[A-Z0-9]{20}$/; // Huawei Cloud access key id (AK): 20 upper-case letters and digits
const AWS_SECRET_KEY = /^[A-Za-z0-9/+]{40}$/; // AWS secret access key: 40 base64 characters, '/' and '+' included
const BASE64ISH = /^[A-Za-z0-9+=_-]{24,}$/;

function classOf(ch: string): number {
  if (ch >= 'a' && ch <= 'z') return 0;
  if (ch >= 'A' && ch <= 'Z') return 1;
  if (ch >= '0' && ch <= '9') return 2;
  return 3;
}

/**
 * How often neighbouring characters switch between lowercase, uppercase, digit and symbol. Random
 * base64 switches on roughly two of three characters; names made of words (`RenewalGuardAgoraMain2024`)
 * switch on about one in three.
 */
function classSwitchRatio(s: string): number {
  let switches = 0;
  for (let i = 1; i < s.length; i++) if (classOf(s[i]!) !== classOf(s[i - 1]!)) switches++;
  return switches / (s.length - 1);
}

/**
 * True when the string reads like a credential rather than the name of one. Errs towards suspicion: a
 * false alarm costs a rename (any name with a `/` in it passes the base64 test), a miss leaks a key.
 */
export function looksLikeCredentialValue(s: string): boolean {
  if (s.includes(':')) return true; // user:password, https://hooks..., scheme-prefixed tokens
  if (/^(bearer|basic|token)\s/i.test(s)) return true;
  return looksLikeKeyMaterial(s);
}

/**
 * The narrower test: a key, token or hash by its shape alone. Used for every value a message would
 * quote, whatever the field, so a key pasted into the wrong field is not echoed either; times and URLs
 * (which contain `:`) still are.
 */
export function looksLikeKeyMaterial(s: string): boolean {
  if (HEX_32.test(s) || KEY_ID_PREFIX.test(s) || TWILIO_SID.test(s) || JWT.test(s) || HUAWEI_AK.test(s)) return true;
  // A secret name may have slashes too; forty characters without a separator word break and with the
  // mixed classes of random base64 (per slash-separated part) reads as a key, not a path of names.
  if (
    AWS_SECRET_KEY.test(s) &&
    (s.includes('+') || s.split('/').some((part) => part.length >= 8 && classSwitchRatio(part) >= 0.4))
  ) {
    return true;
  }
  if (BASE64ISH.test(s)) return s.includes('+') || s.endsWith('=') || classSwitchRatio(s) >= 0.4;
  return false;
}
