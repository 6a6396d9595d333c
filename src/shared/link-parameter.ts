/**
 * The link secret of a guard whose credentials live in SSM Parameter Store (dependency-free: bundled into
 * lambda/ too). Instead of two Secrets Manager secrets ($0.40 a month each) the guard keeps
 * `{ "linkSigningKey": …, "feedToken": … }` in one SecureString parameter (standard tier, no charge,
 * encrypted with the AWS managed key `aws/ssm`). CloudFormation cannot create a SecureString, so the
 * guard's registry-sync custom resource creates it on deploy, once: an existing value is never
 * overwritten (rotating it is the operator's act, with `aws ssm put-parameter --overwrite`).
 */

/**
 * Name (never the value) of the SecureString parameter holding the link secret, on the registry sync (which
 * creates it) and on every function that signs or checks links (which read it). Set instead of
 * `ENV_LINK_SECRET_NAME`, which names a Secrets Manager secret.
 */
export const ENV_LINK_PARAMETER_NAME = 'RENEWAL_GUARD_LINK_PARAMETER_NAME';

/** Generated values are letters and digits only: the feed token travels in a URL's query. */
export const LINK_SIGNING_KEY_LENGTH = 64;
export const LINK_FEED_TOKEN_LENGTH = 48;

/**
 * The guard's link parameter: `/renewal-guard/<guardName>/links`. The guard name is unique per stack and
 * construct path and made of letters, digits and `-` (`Names.uniqueResourceName`), all allowed in a
 * parameter name. The functions read it by a grant on exactly this name.
 */
export function linkParameterName(guardName: string): string {
  return `/renewal-guard/${guardName}/links`;
}
