/**
 * Secret names versus secret values. The document may only NAME a Secrets Manager secret; a pasted key,
 * token or webhook URL must be refused, and refused without repeating it, because problem lines end up
 * in terminals, CI logs and CloudFormation errors.
 */
import { looksLikeCredentialValue } from './credential-patterns';
import { describeValue, isMapping } from './fields';
import type { ProblemLog } from './problem-log';

/**
 * The environment variable the CLI reads a secret from (contract 2.1): `renewal-guard/agora-main` →
 * `RENEWAL_GUARD_SECRET__RENEWAL_GUARD_AGORA_MAIN`, the name upper-cased and every other character `_`.
 * Several names can map to one variable, so the document may not use two of them (see
 * `reportSecretNameCollisions`).
 */
export function localSecretVariable(name: string): string {
  return `RENEWAL_GUARD_SECRET__${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** One secret name as the document gives it, and where. */
export interface SecretNameUse {
  readonly name: string;
  readonly path: string;
}

/**
 * Different secret names that map to one local environment variable (`renewal-guard/agora-main`,
 * `renewal-guard/agora.main`, `Renewal-Guard/Agora_Main`) would silently share a credential when run
 * locally: refused, each later one naming the first. The same name used twice is one secret, and fine.
 */
export function reportSecretNameCollisions(log: ProblemLog, uses: readonly SecretNameUse[]): void {
  const first = new Map<string, SecretNameUse>();
  for (const use of uses) {
    const variable = localSecretVariable(use.name);
    const earlier = first.get(variable);
    if (earlier === undefined) {
      first.set(variable, use);
    } else if (earlier.name !== use.name) {
      log.error(
        use.path,
        `secret name ${JSON.stringify(use.name)} and ${JSON.stringify(earlier.name)} (${earlier.path}) map to the ` +
          `same local environment variable ${variable}, so they would share one credential; rename one of them`,
      );
    }
  }
}

/** What Secrets Manager accepts in a secret name. */
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

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
