import { fakeTime, type FakeTime } from './support/fake-time';
import { expectVendorError, pollContext, type HttpTestOptions } from './support/poll-helpers';
import type { AccountConfig } from '../../lambda/core/model';
import type { PollContext, SecretResolver } from '../../lambda/core/vendor-port';
import { startVendorSandbox, type VendorSandbox } from '../../lambda/sandbox/vendor-sandbox';
import { huaweiSandbox, type HuaweiSandboxAccount } from '../../lambda/sandbox/vendors/huawei';
import { AccountSetupError, ResilientHttp, VendorError } from '../../lambda/vendors/http';
import { HuaweiVendor } from '../../lambda/vendors/huawei';

const NOW = '2026-09-30T01:30:00Z';
const PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';

const MAIN: HuaweiSandboxAccount = {
  accessKey: 'HWTESTMAINAK00000001',
  secretKey: 'test-huawei-main-secret-key-0000000001',
  balances: {
    account_balances: [
      { account_id: 'cash', account_type: 1, amount: 9996.64, currency: 'CNY', designated_amount: 0, measure_id: 1 },
      { account_id: 'bonus', account_type: 5, amount: 50, currency: 'CNY', measure_id: 1 },
    ],
    debt_amount: 0,
    measure_id: 1,
    currency: 'CNY',
  },
  freeResourcePackages: [
    {
      order_instance_id: 'rtc-pkg-1',
      product_name: 'SparkRTC minutes',
      status: 1,
      expire_time: '2026-11-30T16:00:00Z',
      free_resources: [
        {
          free_resource_id: 'fr-1',
          usage_type_name: 'Duration',
          amount: '38500',
          original_amount: '100000',
          measure_id: 9001,
        },
      ],
    },
    { order_instance_id: 'old-pkg', product_name: 'Old', status: 3, expire_time: '2025-01-01T00:00:00Z' },
  ],
  rtcUsage: {
    [PROJECT]: {
      'app-1': [
        { date: '2026-09-28', video_sd: 0, video_hd: 600, video_hdp: 0, audio: 300, total_duration: 900 },
        { date: '2026-09-29', video_sd: 0, video_hd: 1200, video_hdp: 0, audio: 600, total_duration: 1800 },
        { date: '2026-09-30', video_sd: 0, video_hd: 60, video_hdp: 0, audio: 0, total_duration: 60 },
      ],
      'app-2': [{ date: '2026-09-29', video_sd: 0, video_hd: 0, video_hdp: 0, audio: 120, total_duration: 120 }],
    },
  },
};

const INDEBTED: HuaweiSandboxAccount = {
  accessKey: 'HWTESTDEBTAK00000001',
  secretKey: 'test-huawei-debt-secret-key-0000000001',
  balances: {
    account_balances: [{ account_type: 1, amount: 0, currency: 'USD', measure_id: 1 }],
    debt_amount: 42.1,
    measure_id: 1,
    currency: 'USD',
  },
  freeResourcePackages: Array.from({ length: 150 }, (_, i) => ({
    order_instance_id: `pkg-${i}`,
    product_name: 'OBS storage',
    status: 1,
    expire_time: '2027-06-30T16:00:00Z',
    free_resources: [{ free_resource_id: `fr-${i}`, amount: '40', measure_id: 10 }],
  })),
};

const SECRETS: Record<string, Record<string, string>> = {
  'hw/main': { accessKey: MAIN.accessKey, secretKey: MAIN.secretKey },
  'hw/indebted': { accessKey: INDEBTED.accessKey, secretKey: INDEBTED.secretKey },
  'hw/wrong-key': { accessKey: MAIN.accessKey, secretKey: 'not-the-secret-key-of-this-ak-00000001' },
  'hw/unknown-ak': { accessKey: 'HWNOBODYAK0000000001', secretKey: MAIN.secretKey },
};

const secrets: SecretResolver = {
  resolve: async (name) => {
    const secret = SECRETS[name];
    if (!secret) throw new Error(`no secret ${name}`);
    return secret;
  },
};

let sandbox: VendorSandbox;
let time: FakeTime;
let mark = 0;

function received() {
  return sandbox.requests('huawei').slice(mark);
}

beforeAll(async () => {
  sandbox = await startVendorSandbox({
    fixtures: {
      huawei: {
        accounts: [MAIN, INDEBTED],
        measureUnits: [
          { measure_id: 10, measure_name: 'GB', abbreviation: 'G', measure_type: 3 },
          { measure_id: 9001, measure_name: 'minute', abbreviation: 'min', measure_type: 2 },
        ],
      },
    },
    clock: () => time.clock(),
  });
});

beforeEach(() => {
  time = fakeTime(NOW);
  mark = sandbox.requests('huawei').length;
});

afterEach(() => sandbox.clear());

afterAll(() => sandbox.stop());

function account(credentials: string, options: Record<string, unknown> = {}): AccountConfig {
  return { id: 'huawei-main', vendor: 'huawei', credentials, endpoint: sandbox.endpoint('huawei'), options };
}

function context(httpOptions: HttpTestOptions = {}): PollContext {
  return pollContext(time, secrets, httpOptions);
}

async function pollError(acc: AccountConfig, ctx = context()): Promise<VendorError> {
  return expectVendorError(new HuaweiVendor(), acc, ctx);
}

function pinned(message: string): string {
  return message.replace(/request_id [0-9a-f]{32}/, 'request_id <id>');
}

describe('Huawei adapter against the sandbox', () => {
  it('reads the balance, live packages with named units, and RTC minutes of completed UTC days', async () => {
    const snapshot = await new HuaweiVendor().poll(
      account('hw/main', { projectId: PROJECT, rtcAppIds: ['app-1', 'app-2'], usageDays: 2 }),
      context(),
    );

    expect(snapshot.balance).toEqual({ amount: 9996.64, currency: 'CNY', exact: '9996.64' });
    expect(snapshot.entitlements).toEqual([
      { id: 'rtc-pkg-1', name: 'SparkRTC minutes', expiresOn: '2026-11-30', remaining: 38500, unit: 'minute' },
    ]);
    expect(snapshot.dailySpend).toEqual([
      { date: '2026-09-28', amount: 15, unit: 'minutes' },
      { date: '2026-09-29', amount: 32, unit: 'minutes' },
    ]);
    expect(received().map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v2/accounts/customer-accounts/balances',
      'POST /v3/payments/free-resources/query',
      'GET /v2/bases/measurements',
      `GET /v1/${PROJECT}/rtc/history/usage`,
      `GET /v1/${PROJECT}/rtc/history/usage`,
    ]);
    const usage = received()[3];
    expect(usage.query).toBe('app=app-1&metric=CommunicationDuration&start_date=2026-09-28&end_date=2026-09-29');
    expect(usage.headers['x-project-id']).toBe(PROJECT);
    expect(received()[2].headers['x-language']).toBe('en_US');
  });

  it("keeps each app's own RTC minutes under its app id, beside the account's total", async () => {
    const snapshot = await new HuaweiVendor().poll(
      account('hw/main', { projectId: PROJECT, rtcAppIds: ['app-1', 'app-2'], usageDays: 2 }),
      context(),
    );

    expect(snapshot.scopedUsage).toEqual([
      { date: '2026-09-28', amount: 15, unit: 'minutes', scope: 'app-1' },
      { date: '2026-09-29', amount: 30, unit: 'minutes', scope: 'app-1' },
      { date: '2026-09-29', amount: 2, unit: 'minutes', scope: 'app-2' },
    ]);
    expect(snapshot.dailySpend).toEqual([
      { date: '2026-09-28', amount: 15, unit: 'minutes' },
      { date: '2026-09-29', amount: 32, unit: 'minutes' },
    ]);
  });

  it('reads an account in debt as a negative balance and pages through 150 packages', async () => {
    const snapshot = await new HuaweiVendor().poll(account('hw/indebted', { site: 'intl' }), context());
    expect(snapshot.balance).toEqual({ amount: -42.1, currency: 'USD', exact: '-42.10' });
    expect(snapshot.entitlements).toHaveLength(150);
    expect(snapshot.entitlements[149]).toEqual({
      id: 'pkg-149',
      name: 'OBS storage',
      expiresOn: '2027-06-30',
      remaining: 40,
      unit: 'GB',
    });
    expect(snapshot.dailySpend).toBeUndefined();
    const pages = received().filter((r) => r.path === '/v3/payments/free-resources/query');
    expect(pages.map((r) => JSON.parse(r.body))).toEqual([
      { offset: 0, limit: 100 },
      { offset: 100, limit: 100 },
    ]);
  });
});

describe('Huawei failures', () => {
  it('fails once on a signature that does not verify', async () => {
    const error = await pollError(account('hw/wrong-key'));
    expect(pinned(error.message)).toBe(
      'huawei account huawei-main: ShowCustomerAccountBalances failed after 1 attempt: HTTP 401 ' +
        '(code: APIGW.0301, message: Incorrect IAM authentication information: verify aksk signature fail (request_id <id>))',
    );
    expect(error).toMatchObject({ kind: 'auth', retryable: false });
  });

  it('reports an unknown AK', async () => {
    const error = await pollError(account('hw/unknown-ak'));
    expect(error).toMatchObject({ kind: 'auth', status: 401, code: 'APIGW.0301', attempts: 1 });
    expect(error.vendorMessage).toMatch(/^Incorrect IAM authentication information: Get secretKey failed/);
  });

  it('is refused with a clock more than 15 minutes off, and accepted within', async () => {
    const offBy = (minutes: number) => () => new Date(time.clock().getTime() + minutes * 60_000);
    expect(await pollError(account('hw/main'), context({ clock: offBy(16) }))).toMatchObject({
      kind: 'auth',
      status: 401,
    });
    const snapshot = await new HuaweiVendor().poll(account('hw/main'), context({ clock: offBy(14) }));
    expect(snapshot.balance?.exact).toBe('9996.64');
  });

  it('retries a 429 (APIGW.0308) and then succeeds', async () => {
    sandbox.inject('huawei', { kind: 'throttle', times: 1, retryAfterSeconds: 1 });
    const snapshot = await new HuaweiVendor().poll(account('hw/main'), context());
    expect(snapshot.balance?.exact).toBe('9996.64');
    expect(
      received()
        .slice(0, 2)
        .map((r) => [r.fault ?? 'answered', r.headers['x-sdk-date']]),
    ).toEqual([
      ['throttle', '20260930T013000Z'],
      ['answered', '20260930T013001Z'],
    ]);
  });

  it('gives up on throttling after the last attempt', async () => {
    sandbox.inject('huawei', { kind: 'throttle', times: 10 });
    const error = await pollError(account('hw/main'));
    expect(error).toMatchObject({ kind: 'throttled', status: 429, code: 'APIGW.0308', attempts: 4, retryable: true });
  });

  it('gives up on 5xx after the last attempt', async () => {
    sandbox.inject('huawei', { kind: 'server-error', times: 10, status: 500 });
    const error = await pollError(account('hw/main'));
    expect(error.message).toBe(
      'huawei account huawei-main: ShowCustomerAccountBalances failed after 4 attempts: HTTP 500',
    );
  });

  it('reports a malformed answer as malformed, not as a zero balance', async () => {
    sandbox.inject('huawei', { kind: 'malformed', times: 1 });
    const error = await pollError(account('hw/main'));
    expect(error.message).toBe(
      'huawei account huawei-main: ShowCustomerAccountBalances failed after 1 attempt: HTTP 200: the answer is not JSON',
    );
  });

  it('times out on a vendor that never answers', async () => {
    sandbox.inject('huawei', { kind: 'hang' });
    const error = await pollError(account('hw/main'), context({ timeoutMs: 50, maxAttempts: 2 }));
    expect(error.message).toBe(
      'huawei account huawei-main: ShowCustomerAccountBalances failed after 2 attempts: timed out after 50 ms',
    );
  });

  it('reports an RTC project the credentials do not reach', async () => {
    const error = await pollError(account('hw/main', { projectId: 'another-project', rtcAppIds: ['app-1'] }));
    expect(error).toMatchObject({ operation: 'ListRtcHistoryUsage', kind: 'auth', status: 403, code: 'APIGW.0302' });
  });

  it('names a missing secret field before calling anyone', async () => {
    await expect(new HuaweiVendor().poll({ ...account('hw/main'), credentials: 'hw/none' }, context())).rejects.toThrow(
      'no secret hw/none',
    );
    await expect(new HuaweiVendor().poll(account('hw/main', { rtcAppIds: ['a'] }), context())).rejects.toThrow(
      new AccountSetupError('huawei', 'huawei-main', [
        'option projectId: required with rtcAppIds: RTC usage is read per project',
      ]),
    );
    expect(received()).toHaveLength(0);
  });
});

describe('Huawei credentials', () => {
  it('never appear in a snapshot or in any error message', async () => {
    const texts = [
      JSON.stringify(
        await new HuaweiVendor().poll(account('hw/main', { projectId: PROJECT, rtcAppIds: ['app-1'] }), context()),
      ),
    ];
    const failures: [string, () => void][] = [
      ['hw/wrong-key', () => undefined],
      ['hw/unknown-ak', () => undefined],
      ['hw/main', () => sandbox.inject('huawei', { kind: 'auth-failure' })],
      ['hw/main', () => sandbox.inject('huawei', { kind: 'malformed', times: 1 })],
      ['hw/main', () => sandbox.inject('huawei', { kind: 'server-error', times: 10 })],
    ];
    for (const [name, setup] of failures) {
      sandbox.clear();
      setup();
      const error = await pollError(account(name));
      texts.push(error.message, String(error.stack));
    }
    const values = Object.values(SECRETS).flatMap((s) => Object.values(s));
    for (const text of texts) for (const value of values) expect(text).not.toContain(value);
  });
});

describe('the Huawei demo', () => {
  it('has a balance, an RTC package and 30 days of minutes on any date', async () => {
    const now = new Date('2027-02-14T12:00:00Z');
    const demo = huaweiSandbox.demo!;
    const demoSandbox = await startVendorSandbox({ fixtures: { huawei: demo.fixture(now) }, clock: () => now });
    try {
      const [demoAccount] = demo.accounts(now);
      const snapshot = await new HuaweiVendor().poll(
        { ...demoAccount, endpoint: demoSandbox.endpoint('huawei') },
        { now, secrets: { resolve: async () => demoAccount.secret }, http: new ResilientHttp({ clock: () => now }) },
      );
      expect(snapshot.balance).toEqual({ amount: 5120.8, currency: 'CNY', exact: '5120.80' });
      expect(snapshot.entitlements).toEqual([
        {
          id: 'demo-rtc-package-01',
          name: 'SparkRTC audio/video minutes package',
          expiresOn: '2027-03-11',
          remaining: 38500,
          unit: 'minute',
        },
      ]);
      expect(snapshot.dailySpend).toHaveLength(30);
      expect(snapshot.dailySpend?.at(-1)?.date).toBe('2027-02-13');
    } finally {
      await demoSandbox.stop();
    }
  });
});
