import type { AccountConfig } from '../core/model';
import type { AccountSnapshot, PollContext, VendorAdapter } from '../core/vendor-port';

/**
 * Services with dates and no API: nothing to poll, so every cycle sees the account as healthy and the
 * services' declared `expiresOn` dates drive the reminders.
 */
export class ManualVendor implements VendorAdapter {
  readonly vendor = 'manual' as const;

  async poll(account: AccountConfig, ctx: PollContext): Promise<AccountSnapshot> {
    return { accountId: account.id, vendor: 'manual', takenAt: ctx.now.toISOString(), entitlements: [] };
  }
}
