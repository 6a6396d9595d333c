/**
 * Waits, rather than drops, when a robot's documented rate limit would be exceeded (DingTalk and WeCom:
 * 20 messages a minute per robot; DingTalk throttles a robot for ten minutes past that). Sliding
 * windows per key; every request counts, retries included, because the platform counts them too.
 *
 * Each window is widened by a margin (a tenth of it, at most a second): requests sent exactly a
 * window apart can arrive less than a window apart, and DingTalk answers a burst with ten minutes of
 * silence.
 *
 * The state lives in memory: one process (a CLI run, one Lambda container) sees its own sends only, so
 * the notifier keeps its concurrency at 1 for the limit to hold across a burst of alerts.
 */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

export class RateLimiter {
  private readonly sent = new Map<string, number[]>();

  /** Resolves once a request to `key` fits every window, and records it. */
  async acquire(
    key: string,
    windows: readonly RateWindow[],
    clock: () => Date,
    sleep: (ms: number) => Promise<void>,
  ): Promise<void> {
    if (windows.length === 0) return;
    const longest = Math.max(...windows.map(widened));
    for (;;) {
      const now = clock().getTime();
      const times = (this.sent.get(key) ?? []).filter((t) => t > now - longest);
      const wait = Math.max(0, ...windows.map((w) => waitFor(times, w, now)));
      if (wait === 0) {
        times.push(now);
        this.sent.set(key, times);
        return;
      }
      this.sent.set(key, times);
      await sleep(wait);
    }
  }
}

function widened(window: RateWindow): number {
  return window.windowMs + Math.min(1_000, window.windowMs / 10);
}

/** How long until one more request fits `window`: until the oldest request inside it ages out. */
function waitFor(times: readonly number[], window: RateWindow, now: number): number {
  const span = widened(window);
  const inside = times.filter((t) => t > now - span);
  if (inside.length < window.limit) return 0;
  return inside[inside.length - window.limit] + span - now;
}

/** The limiter every publisher of this process shares unless given its own. */
export const PROCESS_RATE_LIMITER = new RateLimiter();
