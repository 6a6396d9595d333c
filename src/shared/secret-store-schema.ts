/**
 * Where vendor and channel credentials live, as the construct tells the functions (dependency-free:
 * bundled into lambda/ too). The config names each credential (`credentials: renewal-guard/agora-main`);
 * in Secrets Manager that is the secret's name, in SSM Parameter Store the SecureString parameter's name
 * with a leading slash (`/renewal-guard/agora-main`), as Parameter Store requires of a name in a path.
 */

/** Environment variable of the poller and the notifier: one of the `SECRET_STORE_*` values. */
export const ENV_SECRET_STORE = 'RENEWAL_GUARD_SECRET_STORE';

export const SECRET_STORE_SECRETS_MANAGER = 'secrets-manager';
export const SECRET_STORE_SSM_PARAMETER_STORE = 'ssm-parameter-store';

/** The SecureString parameter that holds the credential the config names `name`. */
export function parameterNameFor(name: string): string {
  return name.startsWith('/') ? name : `/${name}`;
}
