/**
 * The document's `ownerEmail`: whether each service's owners receive its alerts by email, from which
 * sender, from which severity and in which language.
 *
 * ```yaml
 * ownerEmail:
 *   from: renewal-guard@example.com   # an address of an identity verified in Amazon SES
 *   minSeverity: warning              # optional, default info (resolving notices always go)
 *   language: zh-CN                   # optional, default the document's language
 *   enabled: false                    # optional: turns owner email off
 * ```
 *
 * Without `ownerEmail` owners get no email (channels still name them); `validate` says so once when
 * services declare owners, since that is rarely what a team means.
 */
import { LANGUAGES, SEVERITIES, type OwnerEmailConfig } from '../model';
import {
  describeValue,
  expectMapping,
  readBoolean,
  readEnum,
  readString,
  reportUnknownKeys,
  valueOf,
  type Mapping,
} from './fields';
import { fieldPath, type ProblemLog } from './problem-log';

export const OWNER_EMAIL_FIELDS = ['from', 'enabled', 'minSeverity', 'language'] as const;

/**
 * An address SES can send from or to: one `@`, no spaces, no control characters or angle brackets (a
 * display name `Ops <ops@example.com>` belongs in no list here), a dot in the domain. SES is the real
 * judge; this catches a name, a phone number or a pasted header.
 */
const EMAIL_ADDRESS =
  /^[^\s@<>"(),;:\\[\]\u0000-\u001f\u007f]+@[^\s@<>"(),;:\\[\]\u0000-\u001f\u007f]+\.[^\s@<>"(),;:\\[\]\u0000-\u001f\u007f]+$/;

/** Whether `value` is one email address (see EMAIL_ADDRESS): owners that are not get no owner email. */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL_ADDRESS.test(value);
}

/**
 * Reads `ownerEmail`, reporting every problem at its path. `rawServices` are read only to warn, once,
 * when owners are declared and nothing would email them.
 */
export function readOwnerEmail(
  log: ProblemLog,
  doc: Mapping,
  rawServices: readonly unknown[],
): OwnerEmailConfig | undefined {
  const raw = valueOf(doc, 'ownerEmail');
  const ownerAddresses = countOwnerAddresses(rawServices);
  if (raw === undefined) {
    if (ownerAddresses.services > 0) {
      log.warn(
        'ownerEmail',
        `${ownerAddresses.services} service(s) declare owners with email addresses, but no ownerEmail sender is ` +
          'configured, so owners receive no email; set ownerEmail.from (the construct: ownerEmail: ' +
          'OwnerEmail.ses({ fromAddress })), or ownerEmail.enabled: false to say this is meant',
      );
    }
    return undefined;
  }
  const path = 'ownerEmail';
  const obj = expectMapping(log, raw, path, 'a mapping with from, and optionally minSeverity, language and enabled');
  if (!obj) return undefined;
  reportUnknownKeys(log, obj, path, OWNER_EMAIL_FIELDS);
  const enabled = readBoolean(log, obj, path, 'enabled') ?? true;
  const from = readString(log, obj, path, 'from', {
    ...(enabled && { required: 'name the sender, an address of an identity verified in Amazon SES' }),
    max: 254,
    what: 'the sender address',
  });
  if (from !== undefined && !isEmailAddress(from)) {
    log.error(
      fieldPath(path, 'from'),
      `${describeValue(from)} is not an email address; give the bare address (renewal-guard@example.com), no display name`,
    );
  }
  const minSeverity = readEnum(log, obj, path, 'minSeverity', SEVERITIES, 'a severity', false) ?? 'info';
  const language = readEnum(log, obj, path, 'language', LANGUAGES, 'a language', false);
  if (enabled && ownerAddresses.names > 0) {
    log.warn(
      fieldPath(path, 'from'),
      `${ownerAddresses.names} owner entr${ownerAddresses.names === 1 ? 'y is' : 'ies are'} not an email address ` +
        '(a name) and will receive no owner email; write the address to reach them',
    );
  }
  return { enabled, ...(from !== undefined && { from }), minSeverity, ...(language !== undefined && { language }) };
}

/** Services with at least one owner address, and owner entries that are no address (names). */
function countOwnerAddresses(rawServices: readonly unknown[]): { services: number; names: number } {
  let services = 0;
  let names = 0;
  for (const s of rawServices) {
    const owners = s !== null && typeof s === 'object' && !Array.isArray(s) ? (s as Mapping).owners : undefined;
    if (!Array.isArray(owners)) continue;
    const texts = owners.filter((o): o is string => typeof o === 'string').map((o) => o.trim());
    if (texts.some(isEmailAddress)) services++;
    names += texts.filter((o) => o !== '' && !isEmailAddress(o)).length;
  }
  return { services, names };
}
