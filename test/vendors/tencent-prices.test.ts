/**
 * The Tencent `prices` option: a declared TRTC price table turns DescribeTrtcUsage minutes into daily
 * spend in the balance currency. Options are checked all at once; the adapter is polled against the
 * sandbox, which answers the documented UsageKey/UsageList shape.
 */
import { fakeTime, type FakeTime } from './support/fake-time';
import { expectVendorError, pollContext } from './support/poll-helpers';
import type { AccountConfig } from '../../lambda/core/model';
import type { SecretResolver } from '../../lambda/core/vendor-port';
import { startVendorSandbox, type VendorSandbox } from '../../lambda/sandbox/vendor-sandbox';
import type { TencentSandboxAccount } from '../../lambda/sandbox/vendors/tencent';
import { AccountSetupError, ResilientHttp } from '../../lambda/vendors/http';
import { TencentVendor } from '../../lambda/vendors/tencent';
import { readTencentOptions } from '../../lambda/vendors/tencent/index';

// 09:30 in Beijing: the last completed Beijing day is 2026-09-29.
const NOW = '2026-09-30T01:30:00Z';

/** USD per 1,000 minutes, per UsageKey category. */
const USD_PRICES = {
  currency: 'USD',
  perThousandMinutes: { Audio: 0.99, SD: 3.99, HD: 3.99, FullHD: 8.99, '2K': 15.99, '4K': 35.99 },
};

const INTL: TencentSandboxAccount = {
  secretId: 'AKIDtestPrices00000000000000000001',
  secretKey: 'test-prices-secret-key-0000000000001',
  balance: { RealBalance: 182350, Balance: 182350 },
  trtcApps: [
    {
      sdkAppId: 1400000001,
      days: {
        '2026-09-27': [1000, 0, 2000, 0, 0, 0],
        '2026-09-28': [100, 200, 300, 0, 0, 0],
        '2026-09-29': [0, 0, 0, 100, 0, 0],
      },
    },
    { sdkAppId: 1400000002, days: { '2026-09-29': [1000, 0, 0, 0, 0, 0] } },
  ],
};

/** A sandbox account whose usage rows carry a negative duration: a shape Tencent never documents. */
const BROKEN: TencentSandboxAccount = {
  secretId: 'AKIDtestBroken00000000000000000001',
  secretKey: 'test-broken-secret-key-0000000000001',
  balance: { RealBalance: 100 },
  trtcApps: [{ sdkAppId: 1400000003, days: { '2026-09-29': [-5, 0, 0, 0, 0, 0] } }],
};

const IDLE: TencentSandboxAccount = {
  secretId: 'AKIDtestIdle0000000000000000000001',
  secretKey: 'test-idle-secret-key-000000000000001',
  balance: { RealBalance: 5000 },
};

const SECRETS: Record<string, Record<string, string>> = {
  'tp/intl': { secretId: INTL.secretId, secretKey: INTL.secretKey },
  'tp/broken': { secretId: BROKEN.secretId, secretKey: BROKEN.secretKey },
  'tp/idle': { secretId: IDLE.secretId, secretKey: IDLE.secretKey },
};
const secrets: SecretResolver = { resolve: async (name) => SECRETS[name] };

let sandbox: VendorSandbox;
let time: FakeTime;
let mark = 0;

beforeAll(async () => {
  sandbox = await startVendorSandbox({
    fixtures: { tencent: { accounts: [INTL, BROKEN, IDLE] } },
    clock: () => time.clock(),
  });
});
beforeEach(() => {
  time = fakeTime(NOW);
  mark = sandbox.requests('tencent').length;
});
afterEach(() => sandbox.clear());
afterAll(() => sandbox.stop());

function account(credentials: string, options: Record<string, unknown>): AccountConfig {
  return { id: 'tencent-main', vendor: 'tencent', credentials, endpoint: sandbox.endpoint('tencent'), options };
}

function configOnly(options: Record<string, unknown>): AccountConfig {
  return { id: 'tencent-main', vendor: 'tencent', credentials: 'renewal-guard/tencent-main', options };
}

function received() {
  return sandbox.requests('tencent').slice(mark);
}

describe('the Tencent prices option', () => {
  it('reads a price table in the balance currency of the site', () => {
    expect(readTencentOptions(configOnly({ site: 'intl', prices: USD_PRICES }))).toEqual({
      site: 'intl',
      usageDays: 30,
      prices: USD_PRICES,
    });
    expect(
      readTencentOptions(configOnly({ prices: { currency: 'CNY', perThousandMinutes: { Audio: 7 } } })).prices,
    ).toEqual({ currency: 'CNY', perThousandMinutes: { Audio: 7 } });
  });

  it('refuses a price currency that is not the balance currency, naming the site and the fix', () => {
    expect(() => readTencentOptions(configOnly({ site: 'cn', prices: USD_PRICES }))).toThrow(
      new AccountSetupError('tencent', 'tencent-main', [
        'option prices.currency: must be the balance currency of the cn site (CNY), got USD; ' +
          'price TRTC in the currency Tencent bills this account in',
      ]),
    );
  });

  it('lists every problem of a price table at once, each with its path', () => {
    const options = {
      site: 'intl',
      usageDays: 0,
      prices: { currency: 'usd', perThousandMinutes: { Audio: -1, HD: '3.99' }, tiers: [] },
    };
    expect(() => readTencentOptions(configOnly(options))).toThrow(
      new AccountSetupError('tencent', 'tencent-main', [
        'option prices.tiers: unknown; expected currency and perThousandMinutes',
        'option prices.currency: expected an ISO 4217 currency code such as USD, got another string',
        'option prices.perThousandMinutes.Audio: expected a number of 0 or more, got -1',
        'option prices.perThousandMinutes.HD: expected a number of 0 or more, got another string',
        'option prices: TRTC prices need usage to price; remove usageDays: 0 or the prices',
      ]),
    );
  });

  it.each<[string, unknown, string]>([
    ['a list', [0.99], 'option prices: expected a mapping, got a list'],
    [
      'an empty table',
      { currency: 'USD', perThousandMinutes: {} },
      'option prices.perThousandMinutes: expected at least one TRTC usage category (Audio, SD, HD, FullHD, 2K, 4K)',
    ],
    ['no table', { currency: 'USD' }, 'option prices.perThousandMinutes: expected a mapping, got nothing'],
  ])('refuses prices given as %s', (_, prices, problem) => {
    expect(() => readTencentOptions(configOnly({ site: 'intl', prices }))).toThrow(
      new AccountSetupError('tencent', 'tencent-main', [problem]),
    );
  });
});

describe('Tencent daily spend with prices, against the sandbox', () => {
  it('prices each day per category, every application summed first, in the balance currency', async () => {
    const snapshot = await new TencentVendor().poll(
      account('tp/intl', { site: 'intl', usageDays: 3, prices: USD_PRICES }),
      pollContext(time, secrets),
    );

    expect(snapshot.balance).toEqual({ amount: 1823.5, currency: 'USD', exact: '1823.50' });
    expect(snapshot.dailySpend).toEqual([
      // 1,000 audio minutes at 0.99 and 2,000 HD at 3.99 per 1,000
      { date: '2026-09-27', amount: 8.97, unit: 'USD' },
      // 0.1 × 0.99 + 0.2 × 3.99 + 0.3 × 3.99 = 2.094
      { date: '2026-09-28', amount: 2.09, unit: 'USD' },
      // 100 FullHD minutes of one app and 1,000 audio minutes of the other
      { date: '2026-09-29', amount: 1.89, unit: 'USD' },
    ]);
    const usage = received().filter((r) => r.headers['x-tc-action'] === 'DescribeTrtcUsage');
    expect(usage.map((r) => JSON.parse(r.body))).toEqual([{ StartTime: '2026-09-27', EndTime: '2026-09-29' }]);
  });

  it('keeps minutes without prices, as before', async () => {
    const snapshot = await new TencentVendor().poll(
      account('tp/intl', { site: 'intl', usageDays: 1 }),
      pollContext(time, secrets),
    );
    expect(snapshot.dailySpend).toEqual([{ date: '2026-09-29', amount: 1100, unit: 'minutes' }]);
  });

  it('reads an account without usage as zero spend per day, in money', async () => {
    const snapshot = await new TencentVendor().poll(
      account('tp/idle', { usageDays: 2, prices: { currency: 'CNY', perThousandMinutes: { Audio: 7 } } }),
      pollContext(time, secrets),
    );
    expect(snapshot.dailySpend).toEqual([
      { date: '2026-09-28', amount: 0, unit: 'CNY' },
      { date: '2026-09-29', amount: 0, unit: 'CNY' },
    ]);
  });

  it('fails the account, naming the category and the day, when used minutes have no price', async () => {
    const prices = { currency: 'USD', perThousandMinutes: { Audio: 0.99, HD: 3.99 } };
    await expect(
      new TencentVendor().poll(account('tp/intl', { site: 'intl', usageDays: 3, prices }), pollContext(time, secrets)),
    ).rejects.toThrow(
      new AccountSetupError('tencent', 'tencent-main', [
        'option prices.perThousandMinutes: no price for SD, which has usage on 2026-09-28; add it (0 if it is free)',
      ]),
    );
  });

  it('refuses a currency mismatch before calling Tencent', async () => {
    await expect(
      new TencentVendor().poll(account('tp/intl', { site: 'cn', prices: USD_PRICES }), pollContext(time, secrets)),
    ).rejects.toThrow(AccountSetupError);
    expect(received()).toEqual([]);
  });

  it('reports malformed usage as a VendorError naming the vendor, the account and the call, never as zero', async () => {
    const error = await expectVendorError(
      new TencentVendor(),
      account('tp/broken', { usageDays: 1, prices: { currency: 'CNY', perThousandMinutes: { Audio: 7 } } }),
      pollContext(time, secrets),
    );
    expect(error).toMatchObject({ kind: 'malformed', operation: 'DescribeTrtcUsage', attempts: 1, retryable: false });
    expect(error.message).toBe(
      'tencent account tencent-main: DescribeTrtcUsage failed after 1 attempt: HTTP 200: ' +
        'Response.UsageList[0].UsageValue[0] is a negative duration',
    );
  });

  it('retries a throttled usage call, then prices what it answers', async () => {
    // the fault is injected as the usage call goes out: the balance call before it answers normally
    const http = new ResilientHttp({
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0.5,
      fetch: async (input, init) => {
        const headers = new Headers(init?.headers);
        const usageAttempts = received().filter((r) => r.headers['x-tc-action'] === 'DescribeTrtcUsage').length;
        if (headers.get('x-tc-action') === 'DescribeTrtcUsage' && usageAttempts === 0) {
          sandbox.inject('tencent', { kind: 'throttle', times: 1 });
        }
        return fetch(input, init);
      },
    });
    const snapshot = await new TencentVendor().poll(
      account('tp/intl', { site: 'intl', usageDays: 1, prices: USD_PRICES }),
      { now: time.clock(), secrets, http },
    );
    expect(snapshot.dailySpend).toEqual([{ date: '2026-09-29', amount: 1.89, unit: 'USD' }]);
    expect(received().map((r) => [r.headers['x-tc-action'], r.fault ?? r.status])).toEqual([
      ['DescribeAccountBalance', 200],
      ['DescribeTrtcUsage', 'throttle'],
      ['DescribeTrtcUsage', 200],
    ]);
  });
});
