/**
 * Secret names versus secret values. The document may only NAME a Secrets Manager secret; a pasted key,
 * token or webhook URL must be refused, and refused without repeating it, because problem lines end up
 * in terminals, CI logs and CloudFormation errors.
 */
import { describeValue, isMapping } from './fields';
import type { ProblemLog } from './problem-log';

/** What Secrets Manager accepts in a secret name. */
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

const HEX_32 = /[0-9a-f]{32,}/i; // Agora App Certificate / Customer Secret, Twilio auth token, most API secrets
const KEY_ID_PREFIX = /^(AKID|LTAI|AKIA|ASIA)[A-Za-z0-9]{12,}$/; // Tencent SecretId, Alibaba / AWS access key ids
const TWILIO_SID = /^(AC|SK)[0-9a-f]{32}$/i; // Twilio Account SID / API key SID
const JWT = /^eyJ[A-Za-z0-9_-]{10,}/;
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
  if (HEX_32.test(s) || KEY_ID_PREFIX.test(s) || TWILIO_SID.test(s) || JWT.test(s)) return true;
  if (BASE64ISH.test(s)) return s.includes('+') || s.endsWith('=') || classSwitchRatio(s) >= 0.4;
  return false;
}

/**
 * Validates a field that must hold a secret name. The value itself is never quoted back: it may be the
 * secret. `example` is a name to suggest (`renewal-guard/agora-main`).
 */
export function readSecretName(log: ProblemLog, value: unknown, path: string, example: string): string | undefined {
  if (isMapping(value)) {
    log.error(path, 'give the name of a secret holding the credentials, not the credentials themselves');
    return undefined;
  }
  if (typeof value !== 'string') {
    // Numbers too stay unquoted: a PIN or an account number is no business of a log line.
    const shape = Array.isArray(value) ? 'a list' : typeof value === 'number' ? 'a number' : describeValue(value);
    log.error(path, `expected the name of a secret such as ${example}, got ${shape}`);
    return undefined;
  }
  const name = value.trim();
  if (looksLikeCredentialValue(name)) {
    log.error(
      path,
      `looks like a credential value, not a secret name; store it in Secrets Manager and give the secret's name (e.g. ${example})`,
    );
    return undefined;
  }
  if (!SECRET_NAME.test(name)) {
    log.error(path, 'not a secret name; use 1 to 512 characters of A-Z a-z 0-9 / _ + = . @ -');
    return undefined;
  }
  return name;
}
