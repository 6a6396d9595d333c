/**
 * Waits, rather than drops, when a documented rate limit would be exceeded: a vendor's "no more than 10
 * queries per second per account" (one request per 100 ms window), a robot's "20 messages a minute"
 * (DingTalk throttles a robot for ten minutes past that). Sliding windows per key; every request
 * counts, retries included, because the remote side counts them too.
 *
 * Turns are reserved synchronously, so concurrent callers on one key go in call order and no window is
 * ever overrun, whatever the interleaving.
 *
 * The state lives in memory: one process (a CLI run, one Lambda container) sees its own sends only, so
 * the notifier keeps its concurrency at 1 for a robot's limit to hold across a burst of alerts.
 */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Windows widened by a tenth, at most a second: requests sent exactly a window apart can arrive less
 * than a window apart, and a robot that answers a burst with ten minutes of silence is worth a margin.
 */
export function withMargin(windows: readonly RateWindow[]): RateWindow[] {
  return windows.map((w) => ({ limit: w.limit, windowMs: w.windowMs + Math.min(1_000, w.windowMs / 10) }));
}

export class RateLimiter {
  private readonly reserved = new Map<string, number[]>();

  /** Resolves at the first instant a request to `key` fits every window, which it then counts. */
  async acquire(
    key: string,
    windows: readonly RateWindow[],
    clock: () => Date,
    sleep: (ms: number) => Promise<void>,
  ): Promise<void> {
    if (windows.length === 0) return;
    const spans = windows.map((w) => ({ limit: w.limit, span: w.windowMs }));
    const longest = Math.max(...spans.map((s) => s.span));
    const now = clock().getTime();
    const times = (this.reserved.get(key) ?? []).filter((t) => t > now - longest);
    let start = Math.max(now, times[times.length - 1] ?? now);
    for (let moved = true; moved;) {
      moved = false;
      for (const { limit, span } of spans) {
        const inside = times.filter((t) => t > start - span);
        if (inside.length < limit) continue;
        const free = inside[inside.length - limit] + span;
        if (free > start) {
          start = free;
          moved = true;
        }
      }
    }
    times.push(start);
    this.reserved.set(key, times);
    if (start > now) await sleep(start - now);
  }
}

/** One per second: the window a vendor's "N requests a second" becomes (N spaced starts, not bursts of N). */
export function perSecond(limit: number | undefined): RateWindow[] {
  if (limit === undefined || !Number.isFinite(limit)) return [];
  return [{ limit: 1, windowMs: 1000 / limit }];
}
