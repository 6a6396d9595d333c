/**
 * Where a cycle's time goes: wraps an object so each method call adds to a count and a summed duration.
 * Calls overlap (the cycle runs many at once), so sums are busy time, not wall time.
 */
export interface CallTimes {
  readonly [method: string]: { readonly calls: number; readonly busyMs: number };
}

export class CallTimer {
  private times = new Map<string, { calls: number; busyMs: number }>();

  wrap<T extends object>(target: T): T {
    const timer = this;
    return new Proxy(target, {
      get(obj, prop, receiver) {
        const value = Reflect.get(obj, prop, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const start = performance.now();
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args);
          } finally {
            const entry = timer.times.get(String(prop)) ?? { calls: 0, busyMs: 0 };
            entry.calls++;
            entry.busyMs += performance.now() - start;
            timer.times.set(String(prop), entry);
          }
        };
      },
    });
  }

  reset(): void {
    this.times = new Map();
  }

  snapshot(): CallTimes {
    return Object.fromEntries([...this.times].map(([k, v]) => [k, { calls: v.calls, busyMs: Math.round(v.busyMs) }]));
  }
}
