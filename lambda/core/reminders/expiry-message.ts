import type { IsoDate, ServiceConfig } from '../model';

/**
 * The one-paragraph text of an expiry reminder: what, whose, when, how long, who owns it, what to do.
 * Channel formatters build richer layouts from the alert's fields; this is the plain fallback (email
 * body, SMS, CLI output).
 */
export function expiryMessage(service: ServiceConfig, expiresOn: IsoDate, daysLeft: number): string {
  const what = `${service.name} (${service.id}, project ${service.project})`;
  const owners = `Owners: ${service.owners.join(', ')}.`;
  if (service.kind === 'sdk-support') return supportMessage(service, what, owners, expiresOn, daysLeft);
  if (service.kind === 'payment-method') return paymentMethodMessage(service, what, owners, expiresOn, daysLeft);
  const renewal = service.autoRenew
    ? 'Auto-renewal is on: confirm the payment method and balance will cover it.'
    : 'Renew it or confirm the plan with the vendor.';
  if (daysLeft < 0) {
    const ago = -daysLeft === 1 ? '1 day ago' : `${-daysLeft} days ago`;
    return `${what} expired on ${expiresOn} (${ago}). Renew it now or confirm it is no longer needed. ${owners}`;
  }
  if (daysLeft === 0) return `${what} expires today (${expiresOn}). Renew it now. ${owners}`;
  const left = daysLeft === 1 ? '1 day left' : `${daysLeft} days left`;
  return `${what} expires on ${expiresOn} (${left}). ${renewal} ${owners}`;
}

/** An SDK version is upgraded, not renewed: its end of support, said as such. */
function supportMessage(
  service: ServiceConfig,
  what: string,
  owners: string,
  endsOn: IsoDate,
  daysLeft: number,
): string {
  const version = service.version === undefined ? '' : ` version ${service.version}`;
  const subject = `Support for ${what}${version}`;
  if (daysLeft < 0) {
    const ago = -daysLeft === 1 ? '1 day ago' : `${-daysLeft} days ago`;
    return `${subject} ended on ${endsOn} (${ago}). Upgrade to a supported version now, or extend its support. ${owners}`;
  }
  if (daysLeft === 0) return `${subject} ends today (${endsOn}). Upgrade to a supported version now. ${owners}`;
  const left = daysLeft === 1 ? '1 day left' : `${daysLeft} days left`;
  return `${subject} ends on ${endsOn} (${left}). Upgrade to a supported version, or extend its support, before then. ${owners}`;
}

/** A card or mandate is replaced, not renewed; what depends on it is named. */
function paymentMethodMessage(
  service: ServiceConfig,
  what: string,
  owners: string,
  endsOn: IsoDate,
  daysLeft: number,
): string {
  const paid =
    (service.paysFor ?? []).length > 0
      ? ` The renewals charged to it (${service.paysFor!.join(', ')}) fail after that.`
      : '';
  if (daysLeft < 0) {
    const ago = -daysLeft === 1 ? '1 day ago' : `${-daysLeft} days ago`;
    return `Payment method ${what} expired on ${endsOn} (${ago}).${paid} Replace it now. ${owners}`;
  }
  if (daysLeft === 0) return `Payment method ${what} expires today (${endsOn}).${paid} Replace it now. ${owners}`;
  const left = daysLeft === 1 ? '1 day left' : `${daysLeft} days left`;
  return `Payment method ${what} expires on ${endsOn} (${left}).${paid} Replace it, and move what it pays for, before then. ${owners}`;
}
