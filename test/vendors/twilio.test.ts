import { scriptedFetch } from './support/fake-fetch';
import { fakeTime } from './support/fake-time';
import { MapSecrets, NOW, startHarness, type Harness } from './support/sandbox-harness';
import type { AccountConfig } from '../../lambda/core/model';
import type { TwilioSandboxAccount } from '../../lambda/sandbox/vendors/twilio';
import { ResilientHttp, TwilioVendor, VendorError } from '../../lambda/vendors';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token-0123456789abcdef';
const SECRETS = {
  'rg/twilio': { accountSid: SID, authToken: TOKEN },
  'rg/twilio-key': { accountSid: SID, apiKeySid: 'SK0123456789abcdef', apiKeySecret: 'twilio-key-secret-0123' },
};

function days(from: string, count: number, price: (i: number) => string | number) {
  const first = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({
    date: new Date(first + i * 86_400_000).toISOString().slice(0, 10),
    category: 'totalprice',
    price: price(i),
  }));
}

function fixtureAccount(overrides: Partial<TwilioSandboxAccount> = {}): TwilioSandboxAccount {
  return {
    accountSid: SID,
    authToken: TOKEN,
    apiKeys: [{ sid: 'SK0123456789abcdef', secret: 'twilio-key-secret-0123' }],
    balance: '12.29',
    currency: 'USD',
    dailyUsage: [
      ...days('2026-09-27', 3, (i) => ['0.38', '1.20', '2.05'][i]),
      { date: '2026-09-28', category: 'calls', price: '9.99' },
      { date: '2026-09-30', category: 'totalprice', price: '7.00' },
    ],
    ...overrides,
  };
}

const adapter = new TwilioVendor();
let h: Harness;
async function start(a: TwilioSandboxAccount = fixtureAccount(), httpOptions = {}) {
  h = await startHarness({ twilio: { accounts: [a] } }, SECRETS, httpOptions);
}
afterEach(() => h?.stop());

function account(options: Record<string, unknown> = {}, credentials = 'rg/twilio'): AccountConfig {
  return { id: 'twilio-main', vendor: 'twilio', credentials, endpoint: h.sandbox.endpoint('twilio'), options };
}

describe('the Twilio adapter', () => {
  it('reads the documented balance string exactly and the daily total price, oldest first, up to yesterday', async () => {
    await start();

    const snapshot = await h.poll(adapter, account());

    expect(snapshot).toEqual({
      accountId: 'twilio-main',
      vendor: 'twilio',
      takenAt: '2026-09-30T01:30:00.000Z',
      balance: { amount: 12.29, currency: 'USD', exact: '12.29' },
      dailySpend: [
        { date: '2026-09-27', amount: 0.38, unit: 'USD' },
        { date: '2026-09-28', amount: 1.2, unit: 'USD' },
        { date: '2026-09-29', amount: 2.05, unit: 'USD' },
      ],
      entitlements: [],
      raw: {
        balance: { currency: 'USD', balance: '12.29', account_sid: SID },
        usage: { category: 'totalprice', from: '2026-08-31', to: '2026-09-29', pages: 1, records: 3 },
      },
    });
  });

  it('asks for JSON, one category, whole days and large pages, with the Account SID and auth token', async () => {
    await start();

    await h.poll(adapter, account());

    const [balance, usage] = h.sandbox.requests('twilio');
    expect(balance.path).toBe(`/2010-04-01/Accounts/${SID}/Balance.json`);
    expect(balance.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`);
    expect(usage.path).toBe(`/2010-04-01/Accounts/${SID}/Usage/Records/Daily.json`);
    expect(usage.query).toBe('Category=totalprice&StartDate=2026-08-31&EndDate=2026-09-29&PageSize=100');
  });

  it('prefers an API key when the secret has one', async () => {
    await start();

    await h.poll(adapter, account({}, 'rg/twilio-key'));

    expect(h.sandbox.requests('twilio')[0].headers.authorization).toBe(
      `Basic ${Buffer.from('SK0123456789abcdef:twilio-key-secret-0123').toString('base64')}`,
    );
  });

  it('reads a negative balance: calls in progress may finish below zero', async () => {
    await start(fixtureAccount({ balance: '-3.50' }));

    const snapshot = await h.poll(adapter, account());

    expect(snapshot.balance).toEqual({ amount: -3.5, currency: 'USD', exact: '-3.50' });
  });

  it('reads a balance and prices sent as numbers too', async () => {
    await start(fixtureAccount({ balance: 0.05, dailyUsage: days('2026-09-28', 1, () => 1.5) }));

    const snapshot = await h.poll(adapter, account());

    expect(snapshot.balance).toEqual({ amount: 0.05, currency: 'USD', exact: '0.05' });
    expect(snapshot.dailySpend).toEqual([{ date: '2026-09-28', amount: 1.5, unit: 'USD' }]);
  });

  it('follows next_page_uri through every page', async () => {
    await start(fixtureAccount({ dailyUsage: days('2026-01-22', 250, () => '1.00') }));

    const snapshot = await h.poll(adapter, account({ usageDays: 300 }));

    expect(snapshot.dailySpend).toHaveLength(250);
    expect(snapshot.dailySpend?.[0]).toEqual({ date: '2026-01-22', amount: 1, unit: 'USD' });
    expect(snapshot.raw?.usage).toEqual(expect.objectContaining({ pages: 3, records: 250 }));
    expect(h.sandbox.requests('twilio').map((r) => new URLSearchParams(r.query).get('Page'))).toEqual([
      null,
      null,
      '1',
      '2',
    ]);
  });

  it('reads another usage category when asked', async () => {
    await start();

    const snapshot = await h.poll(adapter, account({ usageCategory: 'calls', usageDays: 7 }));

    expect(snapshot.dailySpend).toEqual([{ date: '2026-09-28', amount: 9.99, unit: 'USD' }]);
  });

  it('takes a balance without a value as an error, never as zero', async () => {
    await start(fixtureAccount({ balance: null as unknown as string }));

    const error = await h.pollError(adapter, account());

    expect(error.message).toBe(
      'twilio account twilio-main: GET /Balance.json failed after 1 attempt: HTTP 200: "balance" is not a decimal number (got null)',
    );
  });

  it('takes a usage record without a price as an error', async () => {
    await start(fixtureAccount({ dailyUsage: [{ date: '2026-09-28', category: 'totalprice', price: null }] }));

    const error = await h.pollError(adapter, account());

    expect(error.message).toBe(
      'twilio account twilio-main: GET /Usage/Records/Daily.json failed after 1 attempt: HTTP 200: usage_records[0].price is not a decimal number (got null)',
    );
  });

  it('needs an auth token or an API key beside the Account SID', async () => {
    h = await startHarness({}, { 'rg/twilio': { accountSid: SID, apiKeySid: 'SK1' } });

    const error = await h.pollError(adapter, account());

    expect(error.message).toBe(
      'twilio account twilio-main: secret "rg/twilio" needs "authToken", or "apiKeySid" and "apiKeySecret" (it has "apiKeySid" without "apiKeySecret")',
    );
  });

  it('rejects unknown and invalid options', async () => {
    await start();

    const error = await h.pollError(adapter, account({ usageDays: 1000, category: 'calls' }));

    expect(error.message).toBe(
      [
        'twilio account twilio-main: 2 problems:',
        '  option category: unknown option; this vendor takes usageCategory, usageDays',
        '  option usageDays: expected a whole number from 1 to 400, got 1000',
      ].join('\n'),
    );
  });
});

describe('the Twilio adapter when Twilio fails', () => {
  it('reports error 20003 for a wrong token after one attempt', async () => {
    await start(fixtureAccount({ authToken: 'rotated-token' }));

    const error = await h.pollError(adapter, account());

    expect(error).toBeInstanceOf(VendorError);
    expect(error.message).toBe(
      'twilio account twilio-main: GET /Balance.json failed after 1 attempt: HTTP 401 (code: 20003, message: Authenticate)',
    );
  });

  it('retries 429 / 20429 and then succeeds', async () => {
    await start();
    h.sandbox.inject('twilio', { kind: 'throttle', times: 1 });

    const snapshot = await h.poll(adapter, account());

    expect(snapshot.balance?.exact).toBe('12.29');
    expect(h.retries).toEqual([expect.objectContaining({ kind: 'throttled', status: 429, attempt: 1 })]);
  });

  it('gives up on server errors once its retries run out', async () => {
    await start();
    h.sandbox.inject('twilio', { kind: 'server-error', times: 4, status: 500 });

    const error = await h.pollError(adapter, account());

    expect(error.message).toBe('twilio account twilio-main: GET /Balance.json failed after 4 attempts: HTTP 500');
  });

  it('reports a truncated answer as malformed', async () => {
    await start();
    h.sandbox.inject('twilio', { kind: 'malformed', times: 1 });

    const error = await h.pollError(adapter, account());

    expect(error.message).toBe(
      'twilio account twilio-main: GET /Balance.json failed after 1 attempt: HTTP 200: the answer is not JSON',
    );
  });

  it('times out a vendor that never answers', async () => {
    await start(fixtureAccount(), { timeoutMs: 50, maxAttempts: 2 });
    h.sandbox.inject('twilio', { kind: 'hang' });

    const error = await h.pollError(adapter, account());

    expect(error.message).toBe(
      'twilio account twilio-main: GET /Balance.json failed after 2 attempts: timed out after 50 ms',
    );
  });
});

describe('Twilio paging safety', () => {
  function scripted(...script: Parameters<typeof scriptedFetch>) {
    const time = fakeTime(NOW);
    const fake = scriptedFetch(...script);
    const http = new ResilientHttp({ fetch: fake.fetch, clock: time.clock, sleep: time.sleep });
    const ctx = { now: new Date(NOW), secrets: new MapSecrets(SECRETS), http };
    const acct: AccountConfig = { id: 'twilio-main', vendor: 'twilio', credentials: 'rg/twilio', options: {} };
    return { fake, poll: () => adapter.poll(acct, ctx) };
  }
  const balanceAnswer = { status: 200, body: JSON.stringify({ currency: 'USD', balance: '1.00', account_sid: SID }) };

  it('fails when a later page fails, rather than report part of the spend', async () => {
    const next = `/2010-04-01/Accounts/${SID}/Usage/Records/Daily.json?Page=1&PageToken=PA1`;
    const { fake, poll } = scripted(
      balanceAnswer,
      { status: 200, body: JSON.stringify({ usage_records: [], next_page_uri: next }) },
      { status: 503 },
    );

    await expect(poll()).rejects.toThrow(
      'twilio account twilio-main: GET /Usage/Records/Daily.json failed after 4 attempts: HTTP 503',
    );
    expect(fake.calls[2].url).toBe(`https://api.twilio.com${next}`);
  });

  it('never follows a next_page_uri outside the account, where credentials could leak', async () => {
    const { fake, poll } = scripted(balanceAnswer, {
      status: 200,
      body: JSON.stringify({
        usage_records: [],
        next_page_uri: 'https://evil.example/2010-04-01/Accounts/AC1/Usage/Records/Daily.json',
      }),
    });

    await expect(poll()).rejects.toThrow(
      'twilio account twilio-main: GET /Usage/Records/Daily.json failed after 1 attempt: HTTP 200: "next_page_uri" leads outside this account\'s usage records',
    );
    expect(fake.calls.map((c) => new URL(c.url).host)).toEqual(['api.twilio.com', 'api.twilio.com']);
  });
});
