/**
 * Creates the guard's link secret as an SSM SecureString parameter (src/shared/link-parameter.ts), run by
 * the registry-sync custom resource on Create and Update: CloudFormation cannot create a SecureString.
 * Both values are generated here with node:crypto, written once with `Overwrite: false`, and never read
 * back, logged or returned: an existing parameter is left as it is (rotating is the operator's act), and
 * a concurrent deploy that wrote it first counts as done.
 */
import { randomInt } from 'node:crypto';
import { GetParameterCommand, PutParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { LINK_FEED_TOKEN_LENGTH, LINK_SIGNING_KEY_LENGTH } from '../../src/shared/link-parameter';
import { RenewalGuardError } from '../core/errors';

/** Letters and digits: the feed token travels in a URL's query, the signing key in no URL at all. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export const LINK_PARAMETER_DESCRIPTION =
  'RenewalGuard: linkSigningKey signs acknowledge links, feedToken opens the calendar feed. Created once on ' +
  'deploy and never overwritten by the guard; rotate with aws ssm put-parameter --overwrite';

/** What the deploy found: the parameter it just created, or one that already existed (kept as it is). */
export type LinkParameterOutcome = 'created' | 'kept';

/** `length` characters drawn uniformly from letters and digits (randomInt is unbiased). */
export function randomToken(length: number, draw: (max: number) => number = randomInt): string {
  let token = '';
  for (let i = 0; i < length; i++) token += ALPHABET[draw(ALPHABET.length)];
  return token;
}

/** A fresh link secret, as the readers parse it (lambda/handlers/ack-and-calendar/link-secret.ts). */
export function newLinkSecretValue(): string {
  return JSON.stringify({
    linkSigningKey: randomToken(LINK_SIGNING_KEY_LENGTH),
    feedToken: randomToken(LINK_FEED_TOKEN_LENGTH),
  });
}

/**
 * Creates the parameter when it does not exist. A parameter of that name that is not a SecureString
 * fails the deploy: the readers refuse an unencrypted link secret, and overwriting it is not ours to do.
 */
export async function ensureLinkParameter(client: SSMClient, name: string): Promise<LinkParameterOutcome> {
  const existing = await existingType(client, name);
  if (existing !== undefined) {
    if (existing !== 'SecureString') {
      throw new RenewalGuardError(
        `parameter "${name}" exists as a ${existing}, not a SecureString: the link secret is never kept ` +
          `unencrypted. Delete it (aws ssm delete-parameter --name ${name}) and deploy again, or put a ` +
          'SecureString of your own under that name',
        { retryable: false },
      );
    }
    return 'kept';
  }
  try {
    await client.send(
      new PutParameterCommand({
        Name: name,
        Value: newLinkSecretValue(),
        Type: 'SecureString',
        Tier: 'Standard',
        Overwrite: false,
        Description: LINK_PARAMETER_DESCRIPTION,
      }),
    );
    return 'created';
  } catch (e) {
    // a concurrent deploy (or the operator) wrote it between our read and our write: theirs stays
    if (errorName(e) === 'ParameterAlreadyExists') return 'kept';
    throw new RenewalGuardError(`parameter "${name}" could not be created (${errorName(e)})`, {
      retryable: false,
      cause: e,
    });
  }
}

/** The parameter's type, or undefined when there is none. Reads no value (no decryption). */
async function existingType(client: SSMClient, name: string): Promise<string | undefined> {
  try {
    const found = await client.send(new GetParameterCommand({ Name: name, WithDecryption: false }));
    return found.Parameter?.Type ?? 'parameter of unknown type';
  } catch (e) {
    if (errorName(e) === 'ParameterNotFound') return undefined;
    throw new RenewalGuardError(`parameter "${name}" could not be read (${errorName(e)})`, {
      retryable: false,
      cause: e,
    });
  }
}

function errorName(e: unknown): string {
  return (e as { name?: string }).name ?? 'Error';
}
