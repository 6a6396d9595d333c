import type { VendorCall } from '../../../lambda/core/vendor-http-port';
import { judgeWithEnvelope, ResilientHttp, textField, VendorError } from '../../../lambda/vendors/http';
import { scriptedFetch, type Scripted } from '../support/fake-fetch';
import { fakeTime } from '../support/fake-time';

const T0 = '2026-09-30T01:30:00.000Z';

function usageCall(overrides: Partial<VendorCall> = {}): VendorCall & { prepared: Date[] } {
  const prepared: Date[] = [];
  return {
    vendor: 'agora',
    accountId: 'agora-main',
    operation: 'GET /dev/v3/usage',
    prepare: (now) => {
      prepared.push(now);
      return {
        method: 'GET',
        url: 'https://api.agora.io/dev/v3/usage?project_id=p1',
        headers: { authorization: 'Basic Y3VzdG9tZXIta2V5OmN1c3RvbWVyLXNlY3JldA==' },
      };
    },
    judge: judgeWithEnvelope((body) => ({ code: textField(body, 'code'), message: textField(body, 'message') })),
    prepared,
    ...overrides,
  };
}

function client(script: Scripted[], options: ConstructorParameters<typeof ResilientHttp>[0] = {}) {
  const time = fakeTime(T0);
  const fake = scriptedFetch(...script);
  const http = new ResilientHttp({
    fetch: fake.fetch,
    clock: time.clock,
    sleep: time.sleep,
    random: () => 0.5,
    ...options,
  });
  return { http, time, fake };
}

async function failure(promise: Promise<unknown>): Promise<VendorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof VendorError)) throw new Error(`expected a VendorError, got ${String(error)}`);
  return error;
}

const ok = {
  status: 200,
  body: '{"usages":[]}',
  headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'r1' },
};
const unavailable = { status: 503, body: '{"code":"InternalError","message":"busy"}' };

describe('the resilient vendor client', () => {
  it('returns the answer of a 2xx with lower-case header names, after one attempt', async () => {
    const { http, fake } = client([ok]);

    const exchange = await http.call(usageCall());

    expect(exchange).toEqual({
      status: 200,
      body: '{"usages":[]}',
      headers: expect.objectContaining({ 'content-type': 'application/json', 'x-request-id': 'r1' }),
    });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0].init).toEqual(expect.objectContaining({ method: 'GET', redirect: 'manual' }));
  });

  it('prepares every attempt afresh at the current instant, so signatures carry a new timestamp', async () => {
    const { http } = client([unavailable, unavailable, ok]);
    const call = usageCall();

    await http.call(call);

    expect(call.prepared.map((d) => d.toISOString())).toEqual([
      '2026-09-30T01:30:00.000Z',
      '2026-09-30T01:30:00.250Z',
      '2026-09-30T01:30:00.750Z',
    ]);
  });

  it('waits a full-jitter backoff between attempts: random × min(cap, base × 2^(retry−1))', async () => {
    const { http, time } = client([unavailable, unavailable, unavailable, unavailable, ok], {
      maxAttempts: 5,
      backoffBaseMs: 1000,
      backoffCapMs: 3000,
      random: () => 0.999,
    });

    await http.call(usageCall());

    expect(time.sleeps).toEqual([999, 1998, 2997, 2997]);
  });

  it('retries at once when the jitter draws 0', async () => {
    const low = client([unavailable, ok], { backoffBaseMs: 1000, random: () => 0, rateLimits: { agora: Infinity } });
    await low.http.call(usageCall());

    expect(low.time.sleeps).toEqual([0]);
  });

  it('waits what a Retry-After in seconds asks for instead of its own backoff', async () => {
    const { http, time } = client([{ status: 429, headers: { 'Retry-After': '3' } }, ok]);

    await http.call(usageCall());

    expect(time.sleeps).toEqual([3000]);
  });

  it('reads a Retry-After HTTP date against its clock', async () => {
    const { http, time } = client([{ status: 503, headers: { 'Retry-After': 'Wed, 30 Sep 2026 01:30:07 GMT' } }, ok]);

    await http.call(usageCall());

    expect(time.sleeps).toEqual([7000]);
  });

  it('caps a long Retry-After at maxRetryAfterMs', async () => {
    const { http, time } = client([{ status: 429, headers: { 'Retry-After': '3600' } }, ok], {
      maxRetryAfterMs: 20_000,
    });

    await http.call(usageCall());

    expect(time.sleeps).toEqual([20_000]);
  });

  it("honours a judge's retryAfterMs (a vendor that throttles inside a 200)", async () => {
    const { http, time } = client([ok, ok]);
    let judged = 0;
    const call = usageCall({
      judge: () =>
        judged++ === 0 ? { ok: false, kind: 'throttled', retryable: true, retryAfterMs: 1500 } : { ok: true },
    });

    await http.call(call);

    expect(time.sleeps).toEqual([1500]);
  });

  it('falls back to its backoff when Retry-After is unreadable', async () => {
    const { http, time } = client([{ status: 429, headers: { 'Retry-After': 'soon' } }, ok], { backoffBaseMs: 400 });

    await http.call(usageCall());

    expect(time.sleeps).toEqual([200]);
  });

  it('gives up after maxAttempts with the status and the vendor code and message', async () => {
    const { http, fake } = client([unavailable]);

    const error = await failure(http.call(usageCall()));

    expect(fake.calls).toHaveLength(4);
    expect(error.message).toBe(
      'agora account agora-main: GET /dev/v3/usage failed after 4 attempts: HTTP 503 (code: InternalError, message: busy)',
    );
    expect(error).toMatchObject({
      name: 'VendorError',
      vendor: 'agora',
      accountId: 'agora-main',
      operation: 'GET /dev/v3/usage',
      kind: 'server',
      status: 503,
      code: 'InternalError',
      vendorMessage: 'busy',
      attempts: 4,
      retryable: true,
    });
  });

  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'client'],
    [400, 'client'],
  ])('never retries HTTP %i (%s): the same request fails the same way', async (status, kind) => {
    const { http, fake, time } = client([{ status, body: '{"message":"Invalid authentication credentials"}' }, ok]);

    const error = await failure(http.call(usageCall()));

    expect(fake.calls).toHaveLength(1);
    expect(time.sleeps).toEqual([]);
    expect(error).toMatchObject({ kind, attempts: 1, retryable: false });
    expect(error.message).toBe(
      `agora account agora-main: GET /dev/v3/usage failed after 1 attempt: HTTP ${status} (message: Invalid authentication credentials)`,
    );
  });

  it('never retries an auth verdict even when the judge calls it retryable', async () => {
    const { http, fake } = client([ok]);

    const error = await failure(
      http.call(usageCall({ judge: () => ({ ok: false, kind: 'auth', retryable: true, code: 'AuthFailure' }) })),
    );

    expect(fake.calls).toHaveLength(1);
    expect(error.message).toBe(
      'agora account agora-main: GET /dev/v3/usage failed after 1 attempt: HTTP 200 (code: AuthFailure)',
    );
  });

  it('does not retry a malformed answer and words it as our finding, not the vendor message', async () => {
    const { http, fake } = client([ok]);

    const error = await failure(
      http.call(
        usageCall({
          judge: () => ({ ok: false, kind: 'malformed', retryable: true, message: 'the answer is not JSON' }),
        }),
      ),
    );

    expect(fake.calls).toHaveLength(1);
    expect(error.message).toBe(
      'agora account agora-main: GET /dev/v3/usage failed after 1 attempt: HTTP 200: the answer is not JSON',
    );
    expect(error.retryable).toBe(false);
  });

  it('does not retry 501: the vendor does not have that call', async () => {
    const { http, fake } = client([{ status: 501 }]);

    const error = await failure(http.call(usageCall()));

    expect(fake.calls).toHaveLength(1);
    expect(error.message).toBe('agora account agora-main: GET /dev/v3/usage failed after 1 attempt: HTTP 501');
  });

  it('does not follow a redirect: it could carry credentials to another host', async () => {
    const { http } = client([{ status: 302, headers: { Location: 'https://elsewhere.example/' } }]);

    const error = await failure(http.call(usageCall()));

    expect(error).toMatchObject({ kind: 'redirect', status: 302, retryable: false });
  });

  it('times out an attempt that never answers, and retries it', async () => {
    const { http, fake } = client(['hang'], { timeoutMs: 5, maxAttempts: 2 });

    const error = await failure(http.call(usageCall()));

    expect(fake.calls).toHaveLength(2);
    expect(error.message).toBe(
      'agora account agora-main: GET /dev/v3/usage failed after 2 attempts: timed out after 5 ms',
    );
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(error.status).toBeUndefined();
  });

  it('times out an answer whose body never ends', async () => {
    const { http } = client(['hang-in-body', ok], { timeoutMs: 5 });

    const exchange = await http.call(usageCall());

    expect(exchange.body).toBe('{"usages":[]}');
  });

  it('retries a network failure and names its code only', async () => {
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    const { http, fake } = client([{ throws: refused }]);

    const error = await failure(http.call(usageCall()));

    expect(fake.calls).toHaveLength(4);
    expect(error.message).toBe(
      'agora account agora-main: GET /dev/v3/usage failed after 4 attempts: network error (ECONNREFUSED)',
    );
  });

  it('reports an unparsable URL without quoting it, and does not retry', async () => {
    const invalid = new TypeError(
      'Failed to parse URL from https://rest.nexmo.com/account/get-balance?api_secret=s3cr3t-value',
    );
    const { http, fake } = client([{ throws: invalid }]);

    const error = await failure(http.call(usageCall()));

    expect(fake.calls).toHaveLength(1);
    expect(error.message).toBe(
      'agora account agora-main: GET /dev/v3/usage failed after 1 attempt: the request URL is not valid',
    );
  });

  it('refuses an answer larger than maxResponseBytes while reading it, and does not retry', async () => {
    const big = { status: 200, body: `{"usages":"${'x'.repeat(64)}"}` };
    const { http, fake } = client([big, ok], { maxResponseBytes: 32 });

    const error = await failure(http.call(usageCall()));

    expect(fake.calls).toHaveLength(1);
    expect(error.message).toBe(
      'agora account agora-main: GET /dev/v3/usage failed after 1 attempt: HTTP 200: the answer exceeds 32 bytes',
    );
  });

  it('refuses an answer whose Content-Length is over the cap without reading it', async () => {
    const { http } = client([{ status: 200, body: '{}', headers: { 'Content-Length': '5000000' } }]);

    const error = await failure(http.call(usageCall()));

    expect(error.kind).toBe('malformed');
  });

  it('accepts an answer of exactly maxResponseBytes', async () => {
    const { http } = client([{ status: 200, body: '{"a":"1234"}' }], { maxResponseBytes: 12 });

    await expect(http.call(usageCall())).resolves.toMatchObject({ body: '{"a":"1234"}' });
  });

  it('redacts credentials a vendor echoes back and never quotes the request URL', async () => {
    const vonage: VendorCall = {
      vendor: 'vonage',
      accountId: 'vonage-eu',
      operation: 'GET /account/get-balance',
      prepare: () => ({
        method: 'GET',
        url: 'https://rest.nexmo.com/account/get-balance?api_key=abcd1234&api_secret=Sup3rS3cretValue',
        headers: {},
      }),
      judge: judgeWithEnvelope((body) => ({ message: textField(body, 'detail') })),
    };
    const echo = '{"detail":"api_key abcd1234 with api_secret Sup3rS3cretValue is wrong"}';
    const { http } = client([{ status: 401, body: echo }]);

    const error = await failure(http.call(vonage));

    expect(error.message).toBe(
      'vonage account vonage-eu: GET /account/get-balance failed after 1 attempt: HTTP 401 (message: api_key [redacted] with api_secret [redacted] is wrong)',
    );
  });

  it('redacts both halves of a Basic authorization a vendor echoes back', async () => {
    const echo = '{"message":"customer-key / customer-secret rejected"}';
    const { http } = client([{ status: 401, body: echo }]);

    const error = await failure(http.call(usageCall()));

    expect(error.vendorMessage).toBe('[redacted] / [redacted] rejected');
  });

  it('shortens a long vendor message to one line', async () => {
    const { http } = client([{ status: 400, body: JSON.stringify({ message: `bad\n\nrequest ${'x'.repeat(400)}` }) }]);

    const error = await failure(http.call(usageCall()));

    expect(error.vendorMessage).toBe(`bad request ${'x'.repeat(288)}…`);
  });

  it('tells onRetry about each retried attempt, without request data', async () => {
    const events: unknown[] = [];
    const { http } = client([{ status: 429, headers: { 'Retry-After': '2' } }, ok], { onRetry: (e) => events.push(e) });

    await http.call(usageCall());

    expect(events).toEqual([
      {
        vendor: 'agora',
        accountId: 'agora-main',
        operation: 'GET /dev/v3/usage',
        attempt: 1,
        kind: 'throttled',
        status: 429,
        delayMs: 2000,
      },
    ]);
  });

  it('rejects options that would make it never call or never stop', () => {
    expect(() => new ResilientHttp({ maxAttempts: 0 })).toThrow(
      'ResilientHttp: maxAttempts must be greater than 0, got 0',
    );
    expect(() => new ResilientHttp({ rateLimits: { agora: 0 } })).toThrow(
      'ResilientHttp: rateLimits.agora must be greater than 0, got 0',
    );
  });
});

describe('the per-account rate limit', () => {
  it('spaces concurrent Agora calls of one account 100 ms apart (10 per second)', async () => {
    const time = fakeTime(T0, { advanceOnSleep: false });
    const fake = scriptedFetch(ok);
    const http = new ResilientHttp({ fetch: fake.fetch, clock: time.clock, sleep: time.sleep });

    await Promise.all([http.call(usageCall()), http.call(usageCall()), http.call(usageCall())]);

    expect(time.sleeps).toEqual([100, 200]);
  });

  it('lets sequential calls through at their turn as time passes', async () => {
    const time = fakeTime(T0);
    const http = new ResilientHttp({ fetch: scriptedFetch(ok).fetch, clock: time.clock, sleep: time.sleep });
    const call = usageCall();

    for (let i = 0; i < 3; i++) await http.call(call);
    time.advance(1000);
    await http.call(call);

    expect(call.prepared.map((d) => d.toISOString().slice(17))).toEqual(['00.000Z', '00.100Z', '00.200Z', '01.200Z']);
  });

  it('keeps separate turns for separate accounts and vendors without a limit', async () => {
    const time = fakeTime(T0, { advanceOnSleep: false });
    const http = new ResilientHttp({ fetch: scriptedFetch(ok).fetch, clock: time.clock, sleep: time.sleep });

    await Promise.all([
      http.call(usageCall()),
      http.call(usageCall({ accountId: 'agora-cn' })),
      http.call(usageCall({ vendor: 'twilio', accountId: 't1' })),
      http.call(usageCall({ vendor: 'twilio', accountId: 't1' })),
    ]);

    expect(time.sleeps).toEqual([]);
  });

  it('takes a configured limit per vendor over the default', async () => {
    const time = fakeTime(T0, { advanceOnSleep: false });
    const http = new ResilientHttp({
      fetch: scriptedFetch(ok).fetch,
      clock: time.clock,
      sleep: time.sleep,
      rateLimits: { agora: 4, twilio: 2 },
    });

    await Promise.all([
      http.call(usageCall()),
      http.call(usageCall()),
      http.call(usageCall({ vendor: 'twilio', accountId: 't1' })),
      http.call(usageCall({ vendor: 'twilio', accountId: 't1' })),
    ]);

    expect(time.sleeps).toEqual([250, 500]);
  });

  it('counts retries against the limit too', async () => {
    const time = fakeTime(T0, { advanceOnSleep: false });
    const http = new ResilientHttp({
      fetch: scriptedFetch(unavailable, ok).fetch,
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0,
    });

    await http.call(usageCall());

    expect(time.sleeps).toEqual([0, 100]);
  });
});
