import { ACK_LINK_VALID_DAYS } from '../app/ack-links';
import { reportUrl, signAckToken } from '../core/ack';
import type { Alert } from '../core/model';

/** A digest's report link works as long as an acknowledge link: a fortnight spans the next digest. */
export const REPORT_LINK_VALID_DAYS = ACK_LINK_VALID_DAYS;

/**
 * Signs the report link a digest carries (action `report`, so it opens the report and acknowledges
 * nothing), valid for REPORT_LINK_VALID_DAYS from `now`. The claims name the digest's key.
 *
 * @example
 * const link = reportLinks({ baseUrl, signingKey, now })(digest); // 'https://…/report?t=…'
 */
export function reportLinks(options: { baseUrl: string; signingKey: string; now: Date }): (alert: Alert) => string {
  const expiresAt = new Date(options.now.getTime() + REPORT_LINK_VALID_DAYS * 86_400_000);
  return (alert) =>
    reportUrl(options.baseUrl, signAckToken({ key: alert.key, action: 'report', expiresAt }, options.signingKey));
}
