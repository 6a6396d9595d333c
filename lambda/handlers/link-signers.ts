/**
 * The signed links a function puts into messages, when the guard deploys its links function: an
 * acknowledge link for alerts and a report link for digests. The signing key is read once from the link
 * secret (its name in the environment, never its value: a SecureString parameter with the SSM store, else
 * a Secrets Manager secret); each link is signed when the message is made, so its fortnight starts when
 * it is sent.
 */
import { ENV_LINK_PARAMETER_NAME } from '../../src/shared/link-parameter';
import { ENV_ACK_BASE_URL, ENV_LINK_SECRET_NAME } from '../../src/shared/registry-schema';
import { ackLinks } from '../app/ack-links';
import { linkSecretSourceFromEnv } from '../aws/credential-store';
import type { Alert } from '../core/model';
import { reportLinks } from '../report/report-link';

export interface LinkSigners {
  readonly ackUrl: (alert: Alert) => string;
  readonly reportUrl: (alert: Alert) => string;
}

/** Undefined when the links function is not deployed, or the secret holds no signing key. */
export async function linkSignersFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<LinkSigners | undefined> {
  const baseUrl = env[ENV_ACK_BASE_URL];
  if (!baseUrl) return undefined;
  const source = linkSecretSourceFromEnv(env);
  if (!source) {
    throw new Error(
      `environment variable ${ENV_ACK_BASE_URL} is set but neither ${ENV_LINK_PARAMETER_NAME} nor ` +
        `${ENV_LINK_SECRET_NAME}; the RenewalGuard construct sets one of them on the function`,
    );
  }
  const { linkSigningKey } = await source.secrets.resolve(source.name);
  if (!linkSigningKey) return undefined;
  return {
    ackUrl: (alert) => ackLinks({ baseUrl, signingKey: linkSigningKey, now: new Date() })(alert),
    reportUrl: (alert) => reportLinks({ baseUrl, signingKey: linkSigningKey, now: new Date() })(alert),
  };
}
