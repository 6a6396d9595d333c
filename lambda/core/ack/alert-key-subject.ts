import { isCalendarDate } from '../dates';
import type { AccountConfig, GuardConfig, IsoDate, ServiceConfig } from '../model';

/** What an alert key is about, as far as the config can tell: for pages and CLI output, not for logic. */
export interface AlertKeySubject {
  readonly key: string;
  /** The second segment: `expiry`, `balance`, `blind-spot`, ... */
  readonly kind?: string;
  readonly service?: ServiceConfig;
  readonly account?: AccountConfig;
  /** Expiry keys only: the expiry date warned about, and the tier (0 = the expiry day itself). */
  readonly expiresOn?: IsoDate;
  readonly tier?: number;
}

const EXPIRY_KEY = /^[^:]+:expiry:(\d{4}-\d{2}-\d{2}):(\d+)$/;

/**
 * Reads a key of the shape every alert key has, `<serviceId or accountId>:<kind>:...` (ids cannot hold a
 * colon), against the config. A key naming neither a service nor an account comes back with neither.
 */
export function alertKeySubject(key: string, config: Pick<GuardConfig, 'services' | 'accounts'>): AlertKeySubject {
  const [id, kind] = key.split(':');
  const service = config.services.find((s) => s.id === id);
  const account = service ? undefined : config.accounts.find((a) => a.id === id);
  const expiry = EXPIRY_KEY.exec(key);
  return {
    key,
    ...(kind ? { kind } : {}),
    ...(service ? { service } : {}),
    ...(account ? { account } : {}),
    ...(expiry && isCalendarDate(expiry[1]) ? { expiresOn: expiry[1], tier: Number(expiry[2]) } : {}),
  };
}
