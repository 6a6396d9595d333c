/**
 * The signed links a function puts into messages, when the guard deploys its links function: an
 * acknowledge link for alerts and a report link for digests. The signing key is read once from the link
 * secret (its name in the environment, never its value); each link is signed when the message is made,
 * so its fortnight starts when it is sent.
 */
import { requireEnv } from './handler-config';
import { ENV_ACK_BASE_URL, ENV_LINK_SECRET_NAME } from '../../src/shared/registry-schema';
import { ackLinks } from '../app/ack-links';
import type { Alert } from '../core/model';
import type { SecretResolver } from '../core/vendor-port';
import { reportLinks } from '../report/report-link';

export interface LinkSigners {
  readonly ackUrl: (alert: Alert) => string;
  readonly reportUrl: (alert: Alert) => string;
}

/** Undefined when the links function is not deployed, or the secret holds no signing key. */
export async function linkSignersFromEnv(secrets: SecretResolver): Promise<LinkSigners | undefined> {
  const baseUrl = process.env[ENV_ACK_BASE_URL];
  if (!baseUrl) return undefined;
  const { linkSigningKey } = await secrets.resolve(requireEnv(ENV_LINK_SECRET_NAME));
  if (!linkSigningKey) return undefined;
  return {
    ackUrl: (alert) => ackLinks({ baseUrl, signingKey: linkSigningKey, now: new Date() })(alert),
    reportUrl: (alert) => reportLinks({ baseUrl, signingKey: linkSigningKey, now: new Date() })(alert),
  };
}
