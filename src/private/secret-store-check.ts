import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { SecretStore } from '../secret-store';
import { ENV_SECRET_STORE } from '../shared/secret-store-schema';

/**
 * The environment that names the store to a function: nothing for Secrets Manager, the handlers' default,
 * so a guard that keeps it deploys the same functions as before the choice existed.
 */
export function secretStoreEnvironment(store: string): Record<string, string> {
  return store === SecretStore.SECRETS_MANAGER ? {} : { [ENV_SECRET_STORE]: store };
}

/**
 * The store the functions read credentials from, after checking that the typed props agree with it: a
 * `secretsmanager.ISecret` given for an account or a channel is a Secrets Manager secret, which the SSM
 * store would look for in vain as a parameter of the same name. Every such entry is named at once.
 */
export function checkedSecretStore(
  store: SecretStore | undefined,
  given: {
    readonly accountSecrets: ReadonlyMap<string, secretsmanager.ISecret>;
    readonly channelSecrets: ReadonlyMap<string, secretsmanager.ISecret>;
  },
): SecretStore {
  const chosen = store ?? SecretStore.SECRETS_MANAGER;
  if (chosen !== SecretStore.SSM_PARAMETER_STORE) return chosen;
  const paths = [
    ...[...given.accountSecrets.keys()].map((id) => `accounts[${id}].credentials`),
    ...[...given.channelSecrets.keys()].map((id) => `channels[${id}].secret`),
  ];
  if (paths.length > 0) {
    throw new Error(
      'RenewalGuard secretStore is SSM_PARAMETER_STORE, but these credentials are given as Secrets Manager ' +
        `secrets in the typed props: ${paths.join(', ')}. Name each SecureString parameter in the config ` +
        'file instead (credentials: renewal-guard/<account id> reads /renewal-guard/<account id>), or keep ' +
        'secretStore SECRETS_MANAGER.',
    );
  }
  return chosen;
}
