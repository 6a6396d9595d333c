import { ackUrl, signAckToken } from '../core/ack';
import type { Alert } from '../core/model';

/** How long an acknowledge link works: past the next tier of any schedule, short enough to be worthless later. */
export const ACK_LINK_VALID_DAYS = 14;

/** Signs an acknowledge link for each alert, valid for ACK_LINK_VALID_DAYS from `now`. */
export function ackLinks(options: { baseUrl: string; signingKey: string; now: Date }): (alert: Alert) => string {
  const expiresAt = new Date(options.now.getTime() + ACK_LINK_VALID_DAYS * 86_400_000);
  return (alert) =>
    ackUrl(options.baseUrl, signAckToken({ key: alert.key, action: 'ack', expiresAt }, options.signingKey));
}
