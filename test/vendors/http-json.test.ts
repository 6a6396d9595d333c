import { startHarness, type Harness } from './support/sandbox-harness';
import type { AccountConfig } from '../../lambda/core/model';
import type { HttpJsonSandboxAccount } from '../../lambda/sandbox/vendors/http-json';
import { HttpJsonVendor } from '../../lambda/vendors';
import { parseJsonPath, readJsonPath } from '../../lambda/vendors/http-json/json-path';

const TOKEN = 'http-json-token-0123456789';
const adapter = new HttpJsonVendor();

let h: Harness;
async function start(a: Partial<HttpJsonSandboxAccount> = {}, httpOptions = {}) {
  const body = { data: { balance: '812.50', currency: 'usd', plan: { expires: '2026-10-09T16:00:00Z' } } };
  h = await startHarness(
    { 'http-json': { accounts: [{ token: TOKEN, body, ...a }] } },
    { 'rg/billing': { token: TOKEN } },
    httpOptions,
  );
}
afterEach(() => h?.stop());

function account(
  options: Record<string, unknown>,
  endpoint: string | null = h.sandbox.endpoint('http-json'),
): AccountConfig {
  return {
    id: 'billing-x',
    vendor: 'http-json',
    credentials: 'rg/billing',
    ...(endpoint !== null && { endpoint }),
    options,
  };
}

const PATHS = { balancePath: 'data.balance', currencyPath: 'data.currency' };

describe('the http-json adapter', () => {
  it('reads balance, currency and expiry at their JSON paths, with a Bearer token', async () => {
    await start();

    const snapshot = await h.poll(adapter, account({ ...PATHS, expiryPath: 'data.plan.expires' }));

    expect(snapshot).toEqual({
      accountId: 'billing-x',
      vendor: 'http-json',
      takenAt: '2026-09-30T01:30:00.000Z',
      balance: { amount: 812.5, currency: 'USD', exact: '812.50' },
      entitlements: [{ id: 'expiry', name: 'billing-x expiry', expiresOn: '2026-10-09' }],
      raw: { answer: { data: { balance: '812.50', currency: 'usd', plan: { expires: '2026-10-09T16:00:00Z' } } } },
    });
    expect(h.sandbox.requests()[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('sends the bare token in a custom header, at a custom path, with a fixed currency', async () => {
    await start({ header: 'X-Api-Key', scheme: '', path: '/v2/wallet', body: { wallets: [{ eur: 42 }] } });

    const snapshot = await h.poll(
      adapter,
      account({ path: '/v2/wallet', authHeader: 'X-Api-Key', balancePath: 'wallets[0].eur', currency: 'EUR' }),
    );

    expect(snapshot.balance).toEqual({ amount: 42, currency: 'EUR', exact: '42' });
  });

  it.each([
    ['an ISO date', '2026-10-09', '2026-10-09'],
    ['Unix seconds', 1791590400, '2026-10-10'],
    ['Unix milliseconds', 1791590400000, '2026-10-10'],
  ])('reads an expiry given as %s', async (_, expires, expiresOn) => {
    await start({ body: { balance: 1, expires } });

    const snapshot = await h.poll(adapter, account({ balancePath: 'balance', currency: 'USD', expiryPath: 'expires' }));

    expect(snapshot.entitlements[0].expiresOn).toBe(expiresOn);
  });

  it('takes a missing balance as an error, never as zero', async () => {
    await start({ body: { data: { currency: 'USD' } } });

    const error = await h.pollError(adapter, account(PATHS));

    expect(error.message).toBe(
      'http-json account billing-x: GET /balance failed after 1 attempt: HTTP 200: "data.balance" is missing',
    );
  });

  it('takes a missing configured expiry as an error, rather than drop it', async () => {
    await start();

    const error = await h.pollError(adapter, account({ ...PATHS, expiryPath: 'data.plan.end' }));

    expect(error.message).toBe(
      'http-json account billing-x: GET /balance failed after 1 attempt: HTTP 200: "data.plan.end" is missing',
    );
  });

  it('never quotes the value at a path that is not an amount: it may be a secret', async () => {
    await start({ body: { balance: 'sk_live_abcdef', currency: 'USD' } });

    const error = await h.pollError(adapter, account({ balancePath: 'balance', currencyPath: 'currency' }));

    expect(error.message).toBe(
      'http-json account billing-x: GET /balance failed after 1 attempt: HTTP 200: "balance" is not a decimal number (got a string that is not one)',
    );
  });

  it('keeps the answer in raw with any echo of the token redacted', async () => {
    await start({ body: { balance: 5, currency: 'USD', echo: { token: TOKEN } } });

    const snapshot = await h.poll(adapter, account({ balancePath: 'balance', currencyPath: 'currency' }));

    expect(snapshot.raw).toEqual({ answer: { balance: 5, currency: 'USD', echo: { token: '[redacted]' } } });
  });

  it('reports every configuration problem at once', async () => {
    await start();

    const error = await h.pollError(
      adapter,
      account(
        { balancePath: 'data..balance', currency: 'USD', currencyPath: 'c', authHeader: 'X Key', path: 'balance' },
        null,
      ),
    );

    expect(error.message).toBe(
      [
        'http-json account billing-x: 5 problems:',
        "  option endpoint: http-json needs the URL of the vendor's API in endpoint",
        '  option path: must start with /',
        '  option balancePath: not a JSON path; write it like data.balance or items[0].amount',
        '  option currency: give currency or currencyPath, not both',
        '  option authHeader: the value is not a header that carries a credential; use one of Authorization, ' +
          'X-Api-Key, Api-Key, X-Auth-Token, X-Access-Token, X-Api-Token, Private-Token',
      ].join('\n'),
    );
  });

  it('asks for a currency', async () => {
    await start();

    const error = await h.pollError(adapter, account({ balancePath: 'data.balance' }));

    expect(error.message).toBe(
      'http-json account billing-x: option currency: give the currency code (currency: USD) or where the answer has it (currencyPath)',
    );
  });

  it('reports the auth failure of a wrong token', async () => {
    await start({ token: 'another-token' });

    const error = await h.pollError(adapter, account(PATHS));

    expect(error.message).toBe(
      'http-json account billing-x: GET /balance failed after 1 attempt: HTTP 401 (code: unauthorized, message: missing or invalid token)',
    );
  });

  it('retries throttling, then succeeds', async () => {
    await start();
    h.sandbox.inject('http-json', { kind: 'throttle', times: 1 });

    await expect(h.poll(adapter, account(PATHS))).resolves.toMatchObject({ balance: { amount: 812.5 } });
  });

  it('gives up on server errors, reports malformed answers and times out', async () => {
    await start({}, { timeoutMs: 50, maxAttempts: 2 });

    h.sandbox.inject('http-json', { kind: 'server-error', times: 2 });
    const server = await h.pollError(adapter, account(PATHS));
    h.sandbox.inject('http-json', { kind: 'malformed', times: 1 });
    const malformed = await h.pollError(adapter, account(PATHS));
    h.sandbox.inject('http-json', { kind: 'hang' });
    const timeout = await h.pollError(adapter, account(PATHS));

    expect([server.message, malformed.message, timeout.message]).toEqual([
      'http-json account billing-x: GET /balance failed after 2 attempts: HTTP 503',
      'http-json account billing-x: GET /balance failed after 1 attempt: HTTP 200: the answer is not JSON',
      'http-json account billing-x: GET /balance failed after 2 attempts: timed out after 50 ms',
    ]);
  });
});

describe('JSON paths', () => {
  it.each([
    ['data.balance', ['data', 'balance']],
    ['$.data.balance', ['data', 'balance']],
    ['items[0].amount', ['items', 0, 'amount']],
    ["['balance (EUR)'].value", ['balance (EUR)', 'value']],
    ['["a.b"][2]', ['a.b', 2]],
    ['x-rate', ['x-rate']],
  ])('reads %s', (text, steps) => {
    expect(parseJsonPath(text)).toEqual(steps);
  });

  it.each(['', '$', 'a..b', '.a', 'a[', 'a[x]', 'a.0', "a['b]"])('rejects %p', (text) => {
    expect(parseJsonPath(text)).toBeUndefined();
  });

  it('finds nothing where a step is missing or of the wrong kind', () => {
    const doc = { a: [{ b: 1 }], c: 'text' };

    expect(readJsonPath(doc, ['a', 0, 'b'])).toBe(1);
    expect(readJsonPath(doc, ['a', 1, 'b'])).toBeUndefined();
    expect(readJsonPath(doc, ['c', 0])).toBeUndefined();
    expect(readJsonPath(doc, ['a', 'b'])).toBeUndefined();
    expect(readJsonPath(doc, ['toString'])).toBeUndefined();
  });
});
