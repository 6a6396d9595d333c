import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { RenewalGuardError } from '../core/errors';
import type { SecretResolver } from '../core/vendor-port';

/**
 * Reads a vendor's credentials: a Secrets Manager secret holding a JSON object of the vendor's
 * credential fields. Values are cached for the life of the Lambda container and never logged; errors
 * name the secret, never its content.
 */
export class SecretsManagerResolver implements SecretResolver {
  private readonly client: SecretsManagerClient;
  private readonly cache = new Map<string, Promise<Readonly<Record<string, string>>>>();

  constructor(options: { client?: SecretsManagerClient } = {}) {
    this.client = options.client ?? new SecretsManagerClient({});
  }

  resolve(name: string): Promise<Readonly<Record<string, string>>> {
    let value = this.cache.get(name);
    if (!value) {
      value = this.fetch(name);
      this.cache.set(name, value);
      value.catch(() => this.cache.delete(name));
    }
    return value;
  }

  private async fetch(name: string): Promise<Readonly<Record<string, string>>> {
    let text: string | undefined;
    try {
      text = (await this.client.send(new GetSecretValueCommand({ SecretId: name }))).SecretString;
    } catch (e) {
      const code = (e as { name?: string }).name ?? 'Error';
      throw new RenewalGuardError(`secret "${name}" could not be read (${code})`, {
        retryable: code !== 'ResourceNotFoundException' && code !== 'AccessDeniedException',
        cause: e,
      });
    }
    return parseSecretObject(name, text);
  }
}

/**
 * A secret's value must be a JSON object of string fields; the message never quotes the value. `what` names
 * the kind of store entry in messages (an SSM parameter holds the same object).
 */
export function parseSecretObject(
  name: string,
  text: string | undefined,
  what: 'secret' | 'parameter' = 'secret',
): Readonly<Record<string, string>> {
  let parsed: unknown;
  try {
    parsed = text === undefined ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new RenewalGuardError(`${what} "${name}" must hold a JSON object of credential fields`, { retryable: false });
  }
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (typeof v !== 'string') {
      throw new RenewalGuardError(`${what} "${name}": field "${k}" must be a string`, { retryable: false });
    }
    fields[k] = v;
  }
  return fields;
}
