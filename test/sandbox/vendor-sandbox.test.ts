import { startVendorSandbox, type SandboxFixtures, type VendorSandbox } from '../../lambda/sandbox';

const TOKEN = 'sandbox-test-token-0001';
const fixtures: SandboxFixtures = {
  'http-json': { accounts: [{ token: TOKEN, body: { data: { balance: '12.50', currency: 'USD' } } }] },
  vonage: { accounts: [{ apiKey: 'key12345', apiSecret: 'secret-12345', value: 10.28, autoReload: false }] },
};

let sandbox: VendorSandbox;
beforeEach(async () => {
  sandbox = await startVendorSandbox({ fixtures, clock: () => new Date('2026-09-30T01:30:00Z') });
});
afterEach(() => sandbox.stop());

const auth = { authorization: `Bearer ${TOKEN}` };
const getBalance = (init: RequestInit = { headers: auth }) => fetch(`${sandbox.endpoint('http-json')}/balance`, init);

describe('the vendor sandbox', () => {
  it('listens on loopback only, on an ephemeral port, one prefix per vendor', () => {
    expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.url).not.toMatch(/:0$/);
    expect(sandbox.endpoint('agora')).toBe(`${sandbox.url}/agora`);
  });

  it("routes a request to its vendor's module by the first path segment", async () => {
    const res = await getBalance();

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ data: { balance: '12.50', currency: 'USD' } });
  });

  it('answers 404 for a vendor it does not speak or has no fixture for', async () => {
    const unknown = await fetch(`${sandbox.url}/zego/balance`);
    const noFixture = await fetch(`${sandbox.endpoint('twilio')}/2010-04-01/Accounts/AC1/Balance.json`);

    expect([unknown.status, await unknown.text()]).toEqual([404, 'sandbox: no vendor "zego"']);
    expect([noFixture.status, await noFixture.text()]).toEqual([404, 'sandbox: no fixture for twilio']);
  });

  it('logs each request below its vendor prefix, with query, lower-case headers and outcome', async () => {
    await getBalance();
    await fetch(`${sandbox.endpoint('vonage')}/account/get-balance?api_key=key12345&api_secret=secret-12345`);

    expect(sandbox.requests('vonage')).toEqual([
      expect.objectContaining({
        vendor: 'vonage',
        method: 'GET',
        path: '/account/get-balance',
        query: 'api_key=key12345&api_secret=secret-12345',
        at: '2026-09-30T01:30:00.000Z',
        status: 200,
      }),
    ]);
    expect(sandbox.requests().map((r) => r.vendor)).toEqual(['http-json', 'vonage']);
    expect(sandbox.requests('http-json')[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("throttles the next n requests in the vendor's envelope, with Retry-After, then answers again", async () => {
    sandbox.inject('http-json', { kind: 'throttle', times: 2, retryAfterSeconds: 3 });

    const first = await getBalance();
    const second = await getBalance();
    const third = await getBalance();

    expect([first.status, first.headers.get('retry-after'), await first.json()]).toEqual([
      429,
      '3',
      { error: 'rate_limited', message: 'slow down' },
    ]);
    expect(second.status).toBe(429);
    expect(third.status).toBe(200);
    expect(sandbox.requests().map((r) => r.fault)).toEqual(['throttle', 'throttle', undefined]);
  });

  it('fails the next n requests with a bare server error, as a load balancer would', async () => {
    sandbox.inject('http-json', { kind: 'server-error', times: 1, status: 502 });

    const failed = await getBalance();
    const next = await getBalance();

    expect([failed.status, await failed.text()]).toEqual([502, 'sandbox: injected HTTP 502']);
    expect(next.status).toBe(200);
  });

  it('defaults an injected server error to 503', async () => {
    sandbox.inject('http-json', { kind: 'server-error', times: 1 });

    expect((await getBalance()).status).toBe(503);
  });

  it("cuts the module's answer in half for the next n requests", async () => {
    sandbox.inject('http-json', { kind: 'malformed', times: 1 });

    const res = await getBalance();
    const text = await res.text();

    expect(res.status).toBe(200);
    expect(text).toBe('{"data":{"balance":"12');
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('fails authentication until cleared, whatever the credentials', async () => {
    sandbox.inject('http-json', { kind: 'auth-failure' });

    const statuses = [(await getBalance()).status, (await getBalance()).status];
    sandbox.clear('http-json');
    statuses.push((await getBalance()).status);

    expect(statuses).toEqual([401, 401, 200]);
  });

  it('delays every request by the injected latency', async () => {
    sandbox.inject('http-json', { kind: 'latency', ms: 40 });
    const started = performance.now();

    const res = await getBalance();

    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });

  it('never answers a hanging request, and still stops', async () => {
    sandbox.inject('http-json', { kind: 'hang' });

    const outcome = await getBalance({ headers: auth, signal: AbortSignal.timeout(50) }).then(
      () => 'answered',
      (e: Error) => e.name,
    );

    expect(outcome).toBe('TimeoutError');
    expect(sandbox.requests()[0].fault).toBe('hang');
    expect(sandbox.requests()[0]).not.toHaveProperty('status');
  });

  it('keeps faults per vendor and lets the first injected one that still applies answer', async () => {
    sandbox.inject('http-json', { kind: 'server-error', times: 1 });
    sandbox.inject('http-json', { kind: 'throttle', times: 1 });

    const vonage = await fetch(
      `${sandbox.endpoint('vonage')}/account/get-balance?api_key=key12345&api_secret=secret-12345`,
    );
    const statuses = [(await getBalance()).status, (await getBalance()).status, (await getBalance()).status];

    expect(vonage.status).toBe(200);
    expect(statuses).toEqual([503, 429, 200]);
  });

  it('clears every vendor at once', async () => {
    sandbox.inject('http-json', { kind: 'auth-failure' });
    sandbox.inject('vonage', { kind: 'auth-failure' });

    sandbox.clear();

    expect((await getBalance()).status).toBe(200);
  });

  it('refuses a counted fault of zero times', () => {
    expect(() => sandbox.inject('http-json', { kind: 'throttle', times: 0 })).toThrow(
      'sandbox: a throttle fault needs times of 1 or more',
    );
  });

  it('reads fixtures live, so a test can change the data between requests', async () => {
    const live = { accounts: [{ token: TOKEN, body: { balance: 1 } }] };
    const own = await startVendorSandbox({ fixtures: { 'http-json': live } });
    try {
      live.accounts[0] = { token: TOKEN, body: { balance: 2 } };
      const res = await fetch(`${own.endpoint('http-json')}/balance`, { headers: auth });
      expect(await res.json()).toEqual({ balance: 2 });
    } finally {
      await own.stop();
    }
  });
});
