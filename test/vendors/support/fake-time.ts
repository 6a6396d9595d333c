/**
 * A pinned clock whose sleep moves time forward at once, so retries and rate limits run instantly
 * and every wait is recorded.
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
    sleep: async (ms) => {
      sleeps.push(ms);
      if (options.advanceOnSleep ?? true) now += ms;
    },
    sleeps,
    advance: (ms) => {
      now += ms;
    },
  };
}
