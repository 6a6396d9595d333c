import { SecretsManagerResolver } from './secrets-manager-resolver';
import { SsmParameterResolver } from './ssm-parameter-resolver';
import {
  ENV_SECRET_STORE,
  SECRET_STORE_SECRETS_MANAGER,
  SECRET_STORE_SSM_PARAMETER_STORE,
} from '../../src/shared/secret-store-schema';
import type { SecretResolver } from '../core/vendor-port';

/**
 * The resolver for vendor and channel credentials, from the store the construct names in the environment
 * (Secrets Manager when unset: functions deployed before the choice existed). The link secret is not one of
 * these: the construct generates it in Secrets Manager whatever the store (CloudFormation cannot create a
 * SecureString parameter).
 */
export function credentialResolverFromEnv(env: Readonly<Record<string, string | undefined>>): SecretResolver {
  const store = env[ENV_SECRET_STORE];
  if (store === undefined || store === SECRET_STORE_SECRETS_MANAGER) return new SecretsManagerResolver();
  if (store === SECRET_STORE_SSM_PARAMETER_STORE) return new SsmParameterResolver();
  throw new Error(
    `environment variable ${ENV_SECRET_STORE} is ${JSON.stringify(store)}; expected ` +
      `"${SECRET_STORE_SECRETS_MANAGER}" or "${SECRET_STORE_SSM_PARAMETER_STORE}"`,
  );
}
