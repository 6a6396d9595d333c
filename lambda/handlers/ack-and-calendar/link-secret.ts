import { MIN_SIGNING_KEY_LENGTH } from '../../core/ack/ack-token';
import { RenewalGuardError } from '../../core/errors';
import type { SecretResolver } from '../../core/vendor-port';

/** A feed token is a password in a URL: shorter ones could be guessed. */
export const MIN_FEED_TOKEN_LENGTH = 16;

export interface LinkSecret {
  /** Signs and verifies acknowledge links. */
  readonly linkSigningKey: string;
  /** Opens /calendar.ics; absent (or too short) means the feed stays closed. */
  readonly feedToken?: string;
  /** What an operator should fix, worded without any secret value. */
  readonly warnings: readonly string[];
}

/**
 * Reads `{ linkSigningKey, feedToken }` from the named secret. A missing or short signing key is a
 * configuration fault that stops the function; a missing or short feed token only closes the feed.
 */
export async function readLinkSecret(secrets: SecretResolver, name: string): Promise<LinkSecret> {
  const fields = await secrets.resolve(name);
  const linkSigningKey = fields.linkSigningKey;
  if (linkSigningKey === undefined || linkSigningKey.length < MIN_SIGNING_KEY_LENGTH) {
    throw new RenewalGuardError(
      `secret "${name}": field "linkSigningKey" must hold at least ${MIN_SIGNING_KEY_LENGTH} characters`,
      { retryable: false },
    );
  }
  const feedToken = fields.feedToken;
  if (feedToken === undefined) {
    return { linkSigningKey, warnings: [`secret "${name}" has no field "feedToken": the calendar feed stays closed`] };
  }
  if (feedToken.length < MIN_FEED_TOKEN_LENGTH) {
    return {
      linkSigningKey,
      warnings: [
        `secret "${name}": field "feedToken" is shorter than ${MIN_FEED_TOKEN_LENGTH} characters: the calendar feed stays closed`,
      ],
    };
  }
  return { linkSigningKey, feedToken, warnings: [] };
}
