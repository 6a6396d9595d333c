import * as ses from 'aws-cdk-lib/aws-ses';
import { Language } from './language';
import type { OwnerEmailBinding } from './private/owner-email-grants';
import { Severity } from './severity';

/** Owner email sent through Amazon SES (`OwnerEmail.ses`). */
export interface SesOwnerEmailProps {
  /**
   * The sender address, bare (`renewal-guard@example.com`, no display name): an address of an identity
   * verified in Amazon SES in the stack's account and region (the address itself, or its domain). The
   * poller may send only from it (IAM condition `ses:FromAddress`). Must be known at synth.
   */
  readonly fromAddress: string;

  /**
   * The verified SES identity the address belongs to; the poller may send through it alone.
   *
   * @default - the identities named after `fromAddress` and after its domain, in the stack's account and
   * region (`arn:aws:ses:<region>:<account>:identity/renewal-guard@example.com` and `…/example.com`)
   */
  readonly identity?: ses.IEmailIdentity;

  /**
   * An SES configuration set to send through, e.g. to publish bounces and complaints.
   *
   * @default - none
   */
  readonly configurationSet?: ses.IConfigurationSet;

  /**
   * Alerts below this severity are not emailed to owners. Resolving notices (a renewal confirmed, a
   * balance recovered) always are.
   *
   * @default Severity.INFO
   */
  readonly minSeverity?: Severity;

  /**
   * The language of owner emails.
   *
   * @default - the guard's `language`
   */
  readonly language?: Language;
}

/**
 * How each service's `owners` hear about their own services: by email, one message per owner address
 * (text and HTML, in the guard's language, with the acknowledge link), sent by the poller through
 * Amazon SES. Owners are data: 10 or 10,000 owners synthesize the same resources (one IAM statement).
 * The config document's `ownerEmail: { from, minSeverity, language, enabled }` says the same.
 *
 * Without it, owners receive no email (channels still name them in every message) and synthesis warns
 * when services declare owner addresses. Amazon SES is not offered in the China regions: `ses()` fails
 * synthesis there.
 *
 * @example
 * declare const identity: ses.IEmailIdentity;
 * new RenewalGuard(this, 'Guard', {
 *   configFile: 'renewal-guard.yaml',
 *   ownerEmail: OwnerEmail.ses({ fromAddress: 'renewal-guard@example.com', identity }),
 * });
 */
export abstract class OwnerEmail {
  /** Email each owner through Amazon SES from `fromAddress`. */
  public static ses(props: SesOwnerEmailProps): OwnerEmail {
    return new BoundOwnerEmail({
      entry: {
        enabled: true,
        from: props.fromAddress,
        ...(props.minSeverity !== undefined && { minSeverity: props.minSeverity }),
        ...(props.language !== undefined && { language: props.language }),
      },
      identity: props.identity,
      configurationSet: props.configurationSet,
    });
  }

  /** No owner email, whatever the config file says, and no warning about it. */
  public static disabled(): OwnerEmail {
    return new BoundOwnerEmail({ entry: { enabled: false } });
  }

  /** @internal */
  public abstract _bind(): OwnerEmailBinding;
}

class BoundOwnerEmail extends OwnerEmail {
  constructor(private readonly binding: OwnerEmailBinding) {
    super();
  }

  /** @internal */
  public _bind(): OwnerEmailBinding {
    return this.binding;
  }
}
