import {
  backoffDelay,
  CHANNEL_HTTP_POLICY,
  perSecond,
  RateLimiter,
  retryAfterMs,
  VENDOR_HTTP_POLICY,
  withMargin,
} from '../../lambda/http';
import { fakeTime } from '../channels/channel-fixtures';

describe('backoff', () => {
  it('doubles from the base for channels, with half of each wait random, up to the cap', () => {
    const low = (n: number) => backoffDelay(n, CHANNEL_HTTP_POLICY, () => 0);
    const high = (n: number) => backoffDelay(n, CHANNEL_HTTP_POLICY, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6].map(low)).toEqual([500, 1000, 2000, 4000, 8000, 10000]);
    expect([1, 2, 3, 4, 5, 6].map(high)).toEqual([1000, 2000, 4000, 8000, 16000, 20000]);
  });

  it('spreads vendor retries over the whole interval (full jitter), up to the cap', () => {
    const low = (n: number) => backoffDelay(n, VENDOR_HTTP_POLICY, () => 0);
    const high = (n: number) => backoffDelay(n, VENDOR_HTTP_POLICY, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6].map(low)).toEqual([0, 0, 0, 0, 0, 0]);
    expect([1, 2, 3, 4, 5, 6].map(high)).toEqual([499, 999, 1999, 3999, 7999, 7999]);
  });
});

describe('Retry-After', () => {
  const now = new Date('2026-09-30T01:30:00Z');

  it.each<[string | null | undefined, number | undefined]>([
    ['7', 7000],
    ['120', 120_000],
    ['0', 0],
    ['Wed, 30 Sep 2026 01:30:30 GMT', 30000],
    ['Wed, 30 Sep 2026 01:29:00 GMT', 0],
    // RFC 9110: delta-seconds are whole; anything else is unreadable and the caller's backoff applies
    ['1.5', undefined],
    ['-5', undefined],
    ['soon', undefined],
    ['2026-09-30T01:31:00Z', undefined],
    [null, undefined],
    [undefined, undefined],
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
      await limiter.acquire('robot', withMargin([{ limit: 3, windowMs: 10_000 }]), time.clock, time.sleep);
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
    const windows = withMargin([
      { limit: 5, windowMs: 1_000 },
      { limit: 100, windowMs: 60_000 },
    ]);

    // Act
    for (let i = 0; i < 101; i++) await limiter.acquire('bot', windows, time.clock, time.sleep);

    // Assess: 20 bursts of five, 1.1 s apart, then the minute window holds the 101st
    expect(time.slept.slice(0, 19)).toEqual(Array(19).fill(1_100));
    expect(time.slept.reduce((a, b) => a + b, 0)).toBe(61_000);
  });

  it("spaces a vendor's N a second evenly, concurrent callers in call order", async () => {
    // Prepare
    const time = fakeTime();
    const limiter = new RateLimiter();

    // Act: four calls at once against 4 a second (the clock only moves when someone sleeps)
    await Promise.all([0, 1, 2, 3].map(() => limiter.acquire('agora\u0000main', perSecond(4), time.clock, time.sleep)));

    // Assess: each waited its own turn, a quarter second after the one before (the fake clock moves as
    // each sleeps): turns at 0, 250, 500 and 750 ms
    expect(time.slept).toEqual([250, 250, 250]);
    expect(perSecond(Infinity)).toEqual([]);
  });
});
