import * as fs from 'fs';
import { parseSecretObject } from '../aws/secrets-manager-resolver';
import { localSecretVariable } from '../core/config/secret-names';
import { RenewalGuardError } from '../core/errors';
import type { SecretResolver } from '../core/vendor-port';

/**
 * The CLI's stand-in for Secrets Manager (contract 2.1). A secret named `renewal-guard/agora-main` is
 * read from the environment variable `RENEWAL_GUARD_SECRET__RENEWAL_GUARD_AGORA_MAIN` (the name upper-
 * cased, every other character `_`), else from a local JSON file mapping names to objects — kept out of
 * version control (the default lives in the git-ignored store folder). Values are never printed.
 */
export class LocalSecretResolver implements SecretResolver {
  static envVarFor(name: string): string {
    return localSecretVariable(name);
  }

  constructor(private readonly options: { env: NodeJS.ProcessEnv; file?: string }) {}

  async resolve(name: string): Promise<Readonly<Record<string, string>>> {
    const variable = LocalSecretResolver.envVarFor(name);
    const fromEnv = this.options.env[variable];
    if (fromEnv !== undefined) return parseSecretObject(name, fromEnv);

    const file = this.options.file;
    if (file && fs.existsSync(file)) {
      let all: unknown;
      try {
        all = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        throw new RenewalGuardError(`secrets file ${file} is not valid JSON`, { retryable: false });
      }
      const entry = (all as Record<string, unknown> | null)?.[name];
      if (entry !== undefined) return parseSecretObject(name, JSON.stringify(entry));
    }
    throw new RenewalGuardError(
      `secret "${name}" is not available locally: set ${variable} to its JSON` + (file ? ` or add it to ${file}` : ''),
      { retryable: false },
    );
  }
}
