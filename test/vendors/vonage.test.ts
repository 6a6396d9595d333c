import { startHarness, type Harness } from './support/sandbox-harness';
import type { AccountConfig } from '../../lambda/core/model';
import type { VonageSandboxAccount } from '../../lambda/sandbox/vendors/vonage';
import { VendorError, VonageVendor } from '../../lambda/vendors';

const SECRETS = { 'rg/vonage': { apiKey: 'abcd1234', apiSecret: 'Sup3rS3cretValue' } };
const adapter = new VonageVendor();

function fixtureAccount(overrides: Partial<VonageSandboxAccount> = {}): VonageSandboxAccount {
  return { apiKey: 'abcd1234', apiSecret: 'Sup3rS3cretValue', value: 10.28, autoReload: false, ...overrides };
}

let h: Harness;
async function start(a: VonageSandboxAccount = fixtureAccount(), httpOptions = {}) {
  h = await startHarness({ vonage: { accounts: [a] } }, SECRETS, httpOptions);
}
afterEach(() => h?.stop());

function account(options: Record<string, unknown> = {}): AccountConfig {
  return {
    id: 'vonage-eu',
    vendor: 'vonage',
    credentials: 'rg/vonage',
    endpoint: h.sandbox.endpoint('vonage'),
    options,
  };
}

describe('the Vonage adapter', () => {
  it('reads the documented balance in EUR and keeps autoReload and the request id in raw', async () => {
    await start();

    const snapshot = await h.poll(adapter, account());

    expect(snapshot).toEqual({
      accountId: 'vonage-eu',
      vendor: 'vonage',
      takenAt: '2026-09-30T01:30:00.000Z',
      balance: { amount: 10.28, currency: 'EUR', exact: '10.28' },
      entitlements: [],
      raw: { value: '10.28', autoReload: false, requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
  });

  it('sends the credentials in a Basic header by default, keeping the secret out of the URL', async () => {
    await start();

    await h.poll(adapter, account());

    const [request] = h.sandbox.requests('vonage');
    expect(request.query).toBe('');
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from('abcd1234:Sup3rS3cretValue').toString('base64')}`);
  });

  it('sends api_key and api_secret as query parameters when asked', async () => {
    await start();

    const snapshot = await h.poll(adapter, account({ authStyle: 'query' }));

    expect(h.sandbox.requests('vonage')[0].query).toBe('api_key=abcd1234&api_secret=Sup3rS3cretValue');
    expect(snapshot.balance?.amount).toBe(10.28);
  });

  it('reads a balance sent as a string, a negative one, and autoReload on', async () => {
    await start(fixtureAccount({ value: '-1.5', autoReload: true }));

    const snapshot = await h.poll(adapter, account());

    expect(snapshot.balance).toEqual({ amount: -1.5, currency: 'EUR', exact: '-1.5' });
    expect(snapshot.raw?.autoReload).toBe(true);
  });

  it('rejects an unknown auth style', async () => {
    await start();

    const error = await h.pollError(adapter, account({ authStyle: 'cookie' }));

    expect(error.message).toBe(
      'vonage account vonage-eu: option authStyle: expected one of header, query, got another string',
    );
  });
});

describe('the Vonage adapter when Vonage fails', () => {
  it('reports the RFC 7807 problem of wrong credentials after one attempt', async () => {
    await start(fixtureAccount({ apiSecret: 'rotated-secret' }));

    const error = await h.pollError(adapter, account({ authStyle: 'query' }));

    expect(error).toBeInstanceOf(VendorError);
    expect(error.message).toBe(
      'vonage account vonage-eu: GET /account/get-balance failed after 1 attempt: HTTP 401 (code: unauthorized, message: You did not provide correct credentials.)',
    );
  });

  it('retries throttling and then succeeds', async () => {
    await start();
    h.sandbox.inject('vonage', { kind: 'throttle', times: 3, retryAfterSeconds: 1 });

    const snapshot = await h.poll(adapter, account());

    expect(snapshot.balance?.amount).toBe(10.28);
    expect(h.retries.map((r) => r.delayMs)).toEqual([1000, 1000, 1000]);
  });

  it('gives up on server errors once its retries run out', async () => {
    await start();
    h.sandbox.inject('vonage', { kind: 'server-error', times: 4, status: 502 });

    const error = await h.pollError(adapter, account());

    expect(error.message).toBe('vonage account vonage-eu: GET /account/get-balance failed after 4 attempts: HTTP 502');
  });

  it('reports a truncated answer as malformed', async () => {
    await start();
    h.sandbox.inject('vonage', { kind: 'malformed', times: 1 });

    const error = await h.pollError(adapter, account());

    expect(error.message).toBe(
      'vonage account vonage-eu: GET /account/get-balance failed after 1 attempt: HTTP 200: the answer is not JSON',
    );
  });

  it('times out a vendor that never answers', async () => {
    await start(fixtureAccount(), { timeoutMs: 50, maxAttempts: 1 });
    h.sandbox.inject('vonage', { kind: 'hang' });

    const error = await h.pollError(adapter, account());

    expect(error.message).toBe(
      'vonage account vonage-eu: GET /account/get-balance failed after 1 attempt: timed out after 50 ms',
    );
  });
});
