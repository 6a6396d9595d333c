/**
 * A polled vendor that only costs time: each poll resolves the account's secret, waits `latencyMs` (one
 * vendor round trip) and reports a healthy balance. It models the latency floor of polling and nothing
 * else: no signing, no parsing, no retries. The real adapters (lambda/vendors/) add CPU on top, which the
 * decision and bundle benchmarks bound separately.
 */
import type { AccountConfig, Vendor } from '../../lambda/core/model';
import type { AccountSnapshot, PollContext, VendorAdapter } from '../../lambda/core/vendor-port';

export class LatencyVendor implements VendorAdapter {
  /** Polls started: the vendor calls of the floor. */
  public calls = 0;

  constructor(
    public readonly vendor: Vendor,
    private readonly latencyMs: number,
  ) {}

  async poll(account: AccountConfig, ctx: PollContext): Promise<AccountSnapshot> {
    this.calls++;
    if (account.credentials !== undefined) await ctx.secrets.resolve(account.credentials);
    await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    return {
      accountId: account.id,
      vendor: account.vendor,
      takenAt: ctx.now.toISOString(),
      balance: { amount: 5000, currency: 'USD', exact: '5000.00' },
      dailySpend: [{ date: ctx.now.toISOString().slice(0, 10), amount: 12.5, unit: 'USD' }],
      entitlements: [],
    };
  }
}

/** Every account's credentials, instantly: the deployed guard caches them per container too. */
export const INSTANT_SECRETS = {
  resolve: async (): Promise<Readonly<Record<string, string>>> => ({ appId: 'bench', customerKey: 'bench' }),
};

/** The vendor adapters here never call HTTP. */
export const NO_HTTP = {
  call: async (): Promise<never> => {
    throw new Error('the latency vendor makes no HTTP calls');
  },
};
