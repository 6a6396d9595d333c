/**
 * Where the vendor and channel credentials that the config names (`credentials:` of an account, `secret:`
 * of a channel) are kept. Each holds the same JSON object of credential fields; only the store differs.
 */
export enum SecretStore {
  /**
   * Secrets Manager secrets named as the config names them: rotation, resource policies, cross-account
   * sharing and replication, at $0.40 a secret a month.
   */
  SECRETS_MANAGER = 'secrets-manager',

  /**
   * SSM Parameter Store SecureString parameters (standard tier, no charge) named as the config names them
   * with a leading slash (`renewal-guard/agora-main` is `/renewal-guard/agora-main`), encrypted with the AWS
   * managed key `aws/ssm`. No rotation and no resource policy; a parameter of type String is refused. The
   * credentials must come from the config (names): a `secretsmanager.ISecret` given in typed props is a
   * Secrets Manager secret and fails synth with this store. The acknowledge links' secret becomes a
   * SecureString parameter too (`RenewalGuard.linkParameterName`), unless `linkSecret` is given.
   */
  SSM_PARAMETER_STORE = 'ssm-parameter-store',
}
