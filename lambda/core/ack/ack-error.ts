import { RenewalGuardError } from '../errors';

/**
 * An acknowledge link could not be signed: a signing key too short to be safe, or claims that no link
 * should carry. A configuration or programming fault, so never retryable. Messages name the problem,
 * never the key or the secret.
 */
export class AckLinkError extends RenewalGuardError {
  public constructor(message: string) {
    super(message, { retryable: false });
    this.name = 'AckLinkError';
  }
}
