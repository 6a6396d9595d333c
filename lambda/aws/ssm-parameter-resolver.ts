import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { parseSecretObject } from './secrets-manager-resolver';
import { parameterNameFor } from '../../src/shared/secret-store-schema';
import { RenewalGuardError } from '../core/errors';
import type { SecretResolver } from '../core/vendor-port';

/** Answers that another attempt will not change: the parameter is missing, or the role may not read it. */
const FINAL_ERRORS = new Set(['ParameterNotFound', 'ParameterVersionNotFound', 'AccessDeniedException']);

/**
 * Reads a vendor's or a channel's credentials from SSM Parameter Store: a SecureString parameter (standard
 * tier) holding the same JSON object of credential fields a Secrets Manager secret would, named as the
 * config names it with a leading slash. Decrypted on read; a plain String parameter is refused, so a
 * credential never sits unencrypted. Values are cached for the life of the container and never logged;
 * errors name the parameter, never its content.
 */
export class SsmParameterResolver implements SecretResolver {
  private readonly client: SSMClient;
  private readonly cache = new Map<string, Promise<Readonly<Record<string, string>>>>();

  constructor(options: { client?: SSMClient } = {}) {
    this.client = options.client ?? new SSMClient({});
  }

  resolve(name: string): Promise<Readonly<Record<string, string>>> {
    let value = this.cache.get(name);
    if (!value) {
      value = this.fetch(parameterNameFor(name));
      this.cache.set(name, value);
      value.catch(() => this.cache.delete(name));
    }
    return value;
  }

  private async fetch(parameter: string): Promise<Readonly<Record<string, string>>> {
    let type: string | undefined;
    let text: string | undefined;
    try {
      const found = (await this.client.send(new GetParameterCommand({ Name: parameter, WithDecryption: true })))
        .Parameter;
      type = found?.Type;
      text = found?.Value;
    } catch (e) {
      const code = (e as { name?: string }).name ?? 'Error';
      throw new RenewalGuardError(`parameter "${parameter}" could not be read (${code})`, {
        retryable: !FINAL_ERRORS.has(code),
        cause: e,
      });
    }
    if (type !== 'SecureString') {
      throw new RenewalGuardError(
        `parameter "${parameter}" is a ${type ?? 'parameter of unknown type'}, not a SecureString: ` +
          'store credentials encrypted (aws ssm put-parameter --type SecureString)',
        { retryable: false },
      );
    }
    return parseSecretObject(parameter, text, 'parameter');
  }
}
