/**
 * A pinned clock whose sleep moves time forward instead of waiting, so retries and rate limits run
 * instantly and every wait is recorded.
 */
export interface FakeTime {
  readonly clock: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  /** Every wait asked for, in order. */
  readonly sleeps: number[];
  advance(ms: number): void;
}

export function fakeTime(startIso: string, options: { advanceOnSleep?: boolean } = {}): FakeTime {
  let now = Date.parse(startIso);
  const sleeps: number[] = [];
  return {
    clock: () => new Date(now),
    // Time moves when the sleep ends, to when it was due: concurrent sleeps overlap as timers do.
    sleep: async (ms) => {
      sleeps.push(ms);
      const due = now + ms;
      await Promise.resolve();
      if (options.advanceOnSleep ?? true) now = Math.max(now, due);
    },
    sleeps,
    advance: (ms) => {
      now += ms;
    },
  };
}
