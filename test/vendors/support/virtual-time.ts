/**
 * Virtual time for a client talking to the sandbox over real loopback HTTP: sleeping never waits, yet
 * concurrent callers still take their turns in order. Time stands still while any request is in
 * flight (the sandbox reads the clock when a request arrives); once none is, it jumps to the earliest
 * pending wake-up and releases those sleepers. A rate-limited burst therefore reaches the sandbox
 * spaced exactly as the limiter planned, with no real delay.
 */
export class VirtualTime {
  /** Every wait asked for, in order. */
  readonly sleeps: number[] = [];
  private nowMs: number;
  private sleepers: { readonly due: number; readonly wake: () => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(startIso: string) {
    this.nowMs = Date.parse(startIso);
  }

  readonly clock = (): Date => new Date(this.nowMs);

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.sleeps.push(ms);
      this.sleepers.push({ due: this.nowMs + ms, wake });
      this.schedule();
    });

  advance(ms: number): void {
    this.nowMs += ms;
  }

  /** A fetch that holds time still while its request is out. */
  track(inner: typeof fetch): typeof fetch {
    return (async (input: string | URL | Request, init?: RequestInit) => {
      this.inFlight++;
      try {
        return await inner(input, init);
      } finally {
        this.inFlight--;
        this.schedule();
      }
    }) as typeof fetch;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the current microtasks: released sleepers have then sent their requests.
    setImmediate(() => {
      this.scheduled = false;
      if (this.inFlight > 0 || this.sleepers.length === 0) return;
      const due = Math.min(...this.sleepers.map((s) => s.due));
      this.nowMs = Math.max(this.nowMs, due);
      const ready = this.sleepers.filter((s) => s.due <= this.nowMs);
      this.sleepers = this.sleepers.filter((s) => s.due > this.nowMs);
      for (const sleeper of ready) sleeper.wake();
      if (this.sleepers.length > 0) this.schedule();
    });
  }
}
