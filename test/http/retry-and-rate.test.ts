import { fakeTime } from './channel-fixtures';
import { backoffDelay, DEFAULT_RETRY_POLICY, RateLimiter, retryAfterMs } from '../../lambda/channels/delivery';

describe('backoff', () => {
  it('doubles from the base, with half of each wait random, up to the cap', () => {
    const low = (n: number) => backoffDelay(n, DEFAULT_RETRY_POLICY, () => 0);
    const high = (n: number) => backoffDelay(n, DEFAULT_RETRY_POLICY, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6].map(low)).toEqual([500, 1000, 2000, 4000, 8000, 10000]);
    expect([1, 2, 3, 4, 5, 6].map(high)).toEqual([1000, 2000, 4000, 8000, 16000, 20000]);
  });
});

describe('Retry-After', () => {
  const now = new Date('2026-09-30T01:30:00Z');

  it.each<[string | null, number | undefined]>([
    ['7', 7000],
    ['0', 0],
    ['1.5', 1500],
    ['Wed, 30 Sep 2026 01:30:30 GMT', 30000],
    ['Wed, 30 Sep 2026 01:29:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('reads %p as %p ms', (value, expected) => {
    expect(retryAfterMs(value, now)).toBe(expected);
  });
});

describe('rate limiter', () => {
  it('lets a burst through up to the limit, then waits for the oldest to age out of the widened window', async () => {
    // Prepare
    const time = fakeTime();
    const limiter = new RateLimiter();
    const sentAt: number[] = [];
    const start = time.nowMs();

    // Act
    for (let i = 0; i < 7; i++) {
      await limiter.acquire('robot', [{ limit: 3, windowMs: 10_000 }], time.clock, time.sleep);
      sentAt.push(time.nowMs() - start);
    }

    // Assess: windows of 10 s widened by a tenth
    expect(sentAt).toEqual([0, 0, 0, 11_000, 11_000, 11_000, 22_000]);
    expect(time.slept).toEqual([11_000, 11_000]);
  });

  it('keeps robots apart: one robot at its limit does not delay another', async () => {
    // Prepare
    const time = fakeTime();
    const limiter = new RateLimiter();
    const window = [{ limit: 1, windowMs: 60_000 }];

    // Act
    await limiter.acquire('robot-a', window, time.clock, time.sleep);
    await limiter.acquire('robot-b', window, time.clock, time.sleep);

    // Assess
    expect(time.slept).toEqual([]);
  });

  it('holds every window at once: 5 a second and 100 a minute', async () => {
    // Prepare
    const time = fakeTime();
    const limiter = new RateLimiter();
    const windows = [
      { limit: 5, windowMs: 1_000 },
      { limit: 100, windowMs: 60_000 },
    ];

    // Act
    for (let i = 0; i < 101; i++) await limiter.acquire('bot', windows, time.clock, time.sleep);

    // Assess: 20 bursts of five, 1.1 s apart, then the minute window holds the 101st
    expect(time.slept.slice(0, 19)).toEqual(Array(19).fill(1_100));
    expect(time.slept.reduce((a, b) => a + b, 0)).toBe(61_000);
  });
});
