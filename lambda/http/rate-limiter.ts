/**
 * Spaces calls per key (vendor and account) to at most `perSecond` starts a second: a token bucket of
 * one token. A burst of N tokens would let 2N calls into some one-second window, which is what a
 * vendor's "no more than 10 queries per second" forbids. Calls wait their turn; none is refused.
 *
 * Turns are reserved synchronously, so concurrent callers on one key queue up in call order.
 */
export class RateLimiter {
  private readonly nextFree = new Map<string, number>();

  constructor(
    private readonly options: {
      readonly clock: () => Date;
      readonly sleep: (ms: number) => Promise<void>;
    },
  ) {}

  async acquire(key: string, perSecond: number | undefined): Promise<void> {
    if (perSecond === undefined || !Number.isFinite(perSecond)) return;
    const now = this.options.clock().getTime();
    const start = Math.max(now, this.nextFree.get(key) ?? now);
    this.nextFree.set(key, start + 1000 / perSecond);
    if (start > now) await this.options.sleep(start - now);
  }
}
