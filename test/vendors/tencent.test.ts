import { fakeTime, type FakeTime } from './support/fake-time';
import { expectVendorError, pollContext, type HttpTestOptions } from './support/poll-helpers';
import type { AccountConfig } from '../../lambda/core/model';
import type { PollContext, SecretResolver } from '../../lambda/core/vendor-port';
import { startVendorSandbox, type VendorSandbox } from '../../lambda/sandbox/vendor-sandbox';
import {
  tencentSandbox,
  type TencentSandboxAccount,
  type TencentSandboxFixture,
} from '../../lambda/sandbox/vendors/tencent';
import { AccountSetupError, ResilientHttp, VendorError } from '../../lambda/vendors/http';
import { TencentVendor } from '../../lambda/vendors/tencent';

// 09:30 in Beijing: the last completed Beijing day is 2026-09-29.
const NOW = '2026-09-30T01:30:00Z';

const INTL: TencentSandboxAccount = {
  secretId: 'AKIDtestIntl000000000000000000000001',
  secretKey: 'test-intl-secret-key-000000000000001',
  balance: { Uin: '200012345678', RealBalance: 182350, Balance: 182350, OweAmount: 0 },
  trtcApps: [
    { sdkAppId: 1400000001, days: days('2026-08-25', 40, [100, 200, 300, 0, 0, 0]) },
    { sdkAppId: 1400000002, days: days('2026-08-25', 40, [1, 2, 3, 4, 5, 6]) },
  ],
};

/** The documented DescribeAccountBalance example (tccli; cloud.tencent.com/document/product/881/20253). */
const DOCUMENTED: TencentSandboxAccount = {
  secretId: 'AKIDtestDocumented00000000000000001',
  secretKey: 'test-documented-secret-key-00000001',
  balance: {
    Uin: '90961',
    RealBalance: 9647442,
    CashAccountBalance: 1299806668,
    IncomeIntoAccountBalance: 0,
    PresentAccountBalance: 209512,
    FreezeAmount: 1290368738,
    OweAmount: 0,
    IsAllowArrears: true,
    IsCreditLimited: true,
    Balance: -6188426,
    CreditAmount: 200,
    CreditBalance: -6188226,
    RealCreditBalance: -6188226,
  },
};

const ARREARS: TencentSandboxAccount = {
  secretId: 'AKIDtestArrears000000000000000000001',
  secretKey: 'test-arrears-secret-key-00000000001',
  balance: { Balance: -1250, OweAmount: 1250, IsAllowArrears: true },
};

const FIXTURE: TencentSandboxFixture = { accounts: [INTL, DOCUMENTED, ARREARS] };

const SECRETS: Record<string, Record<string, string>> = {
  'tg/intl': { secretId: INTL.secretId, secretKey: INTL.secretKey },
  'tg/documented': { secretId: DOCUMENTED.secretId, secretKey: DOCUMENTED.secretKey },
  'tg/arrears': { secretId: ARREARS.secretId, secretKey: ARREARS.secretKey },
  'tg/wrong-key': { secretId: INTL.secretId, secretKey: 'not-the-key-of-this-secret-id-00001' },
  'tg/unknown-id': { secretId: 'AKIDnobodyHasThisId0000000000000001', secretKey: INTL.secretKey },
  'tg/no-key': { secretId: INTL.secretId },
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

/** What the sandbox received during this test. */
function received() {
  return sandbox.requests('tencent').slice(mark);
}

beforeAll(async () => {
  sandbox = await startVendorSandbox({ fixtures: { tencent: FIXTURE }, clock: () => time.clock() });
});

beforeEach(() => {
  time = fakeTime(NOW);
  mark = sandbox.requests('tencent').length;
});

afterEach(() => sandbox.clear());

afterAll(() => sandbox.stop());

function account(credentials: string, options: Record<string, unknown> = {}): AccountConfig {
  return { id: 'tencent-main', vendor: 'tencent', credentials, endpoint: sandbox.endpoint('tencent'), options };
}

function context(httpOptions: HttpTestOptions = {}): PollContext {
  return pollContext(time, secrets, httpOptions);
}

async function pollError(acc: AccountConfig, ctx = context()): Promise<VendorError> {
  return expectVendorError(new TencentVendor(), acc, ctx);
}

/** The RequestId is the sandbox's fresh UUID; everything else in a message is pinned. */
function pinned(message: string): string {
  return message.replace(/RequestId [0-9a-f-]{36}/, 'RequestId <id>');
}

function days(from: string, count: number, minutes: number[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (let i = 0; i < count; i++) {
    out[new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10)] = minutes;
  }
  return out;
}

describe('Tencent adapter against the sandbox', () => {
  it('reads the international balance in US cents and 30 completed days of TRTC minutes', async () => {
    const snapshot = await new TencentVendor().poll(
      account('tg/intl', { site: 'intl', sdkAppIds: ['1400000001'] }),
      context(),
    );

    expect(snapshot.balance).toEqual({ amount: 1823.5, currency: 'USD', exact: '1823.50' });
    expect(snapshot.takenAt).toBe('2026-09-30T01:30:00.000Z');
    expect(snapshot.entitlements).toEqual([]);
    expect(snapshot.dailySpend).toHaveLength(30);
    expect(snapshot.dailySpend?.[0]).toEqual({ date: '2026-08-31', amount: 600, unit: 'minutes' });
    expect(snapshot.dailySpend?.[29]).toEqual({ date: '2026-09-29', amount: 600, unit: 'minutes' });
    expect((snapshot.raw?.DescribeAccountBalance as Record<string, unknown>).RequestId).toMatch(/^[0-9a-f-]{36}$/);
    const usageCall = received().find((r) => r.headers['x-tc-action'] === 'DescribeTrtcUsage');
    expect(JSON.parse(usageCall!.body)).toEqual({
      StartTime: '2026-08-31',
      EndTime: '2026-09-29',
      SdkAppId: 1400000001,
    });
    expect(usageCall!.headers['x-tc-region']).toBe('ap-guangzhou');
  });

  it('reads the documented example on the China site as exact yuan', async () => {
    const snapshot = await new TencentVendor().poll(account('tg/documented', { usageDays: 0 }), context());
    expect(snapshot.balance).toEqual({ amount: 96474.42, currency: 'CNY', exact: '96474.42' });
    expect(snapshot.dailySpend).toBeUndefined();
    expect(received().map((r) => r.headers['x-tc-action'])).toEqual(['DescribeAccountBalance']);
  });

  it('reports arrears as a negative balance, not as zero', async () => {
    const snapshot = await new TencentVendor().poll(account('tg/arrears', { usageDays: 0 }), context());
    expect(snapshot.balance).toEqual({ amount: -12.5, currency: 'CNY', exact: '-12.50' });
  });

  it('reads the total of every application when no SdkAppId is configured', async () => {
    const snapshot = await new TencentVendor().poll(account('tg/intl', { usageDays: 2 }), context());
    expect(snapshot.dailySpend).toEqual([
      { date: '2026-09-28', amount: 621, unit: 'minutes' },
      { date: '2026-09-29', amount: 621, unit: 'minutes' },
    ]);
  });

  it('queries each configured SdkAppId and sums them per day', async () => {
    const snapshot = await new TencentVendor().poll(
      account('tg/intl', { sdkAppIds: ['1400000001', '1400000002'], usageDays: 3 }),
      context(),
    );
    expect(snapshot.dailySpend?.map((d) => d.amount)).toEqual([621, 621, 621]);
    const bodies = received()
      .filter((r) => r.headers['x-tc-action'] === 'DescribeTrtcUsage')
      .map((r) => JSON.parse(r.body).SdkAppId);
    expect(bodies).toEqual([1400000001, 1400000002]);
    expect(snapshot.raw?.DescribeTrtcUsage).toHaveLength(2);
  });

  it("keeps each configured SdkAppId's own minutes under that SdkAppId, beside the account's total", async () => {
    const snapshot = await new TencentVendor().poll(
      account('tg/intl', { sdkAppIds: ['1400000001', '1400000002'], usageDays: 2 }),
      context(),
    );

    expect(snapshot.scopedUsage).toEqual([
      { date: '2026-09-28', amount: 600, unit: 'minutes', scope: '1400000001' },
      { date: '2026-09-29', amount: 600, unit: 'minutes', scope: '1400000001' },
      { date: '2026-09-28', amount: 21, unit: 'minutes', scope: '1400000002' },
      { date: '2026-09-29', amount: 21, unit: 'minutes', scope: '1400000002' },
    ]);
    expect(snapshot.dailySpend).toEqual([
      { date: '2026-09-28', amount: 621, unit: 'minutes' },
      { date: '2026-09-29', amount: 621, unit: 'minutes' },
    ]);
  });

  it("prices each SdkAppId's own minutes, while the account's spend is priced from its own total", async () => {
    const prices = {
      currency: 'USD',
      perThousandMinutes: { Audio: 0.99, SD: 3.99, HD: 3.99, FullHD: 8.99, '2K': 15.99, '4K': 35.99 },
    };

    const snapshot = await new TencentVendor().poll(
      account('tg/intl', { site: 'intl', sdkAppIds: ['1400000001', '1400000002'], usageDays: 1, prices }),
      context(),
    );

    expect(snapshot.scopedUsage).toEqual([
      { date: '2026-09-29', amount: 2.09, unit: 'USD', scope: '1400000001' },
      { date: '2026-09-29', amount: 0.35, unit: 'USD', scope: '1400000002' },
    ]);
    // 2.45, not the 2.44 the rounded shares add up to: the account's figure is not rebuilt from them
    expect(snapshot.dailySpend).toEqual([{ date: '2026-09-29', amount: 2.45, unit: 'USD' }]);
  });

  it('reports no per-app usage when it reads the total of every application', async () => {
    const snapshot = await new TencentVendor().poll(account('tg/intl', { usageDays: 2 }), context());

    expect(snapshot.dailySpend).toHaveLength(2);
    expect(snapshot.scopedUsage).toBeUndefined();
  });

  it('folds the 5-minute buckets of a one-day window into that day', async () => {
    const snapshot = await new TencentVendor().poll(
      account('tg/intl', { sdkAppIds: ['1400000002'], usageDays: 1 }),
      context(),
    );
    expect(snapshot.dailySpend).toEqual([{ date: '2026-09-29', amount: 21, unit: 'minutes' }]);
    const usage = (snapshot.raw?.DescribeTrtcUsage as { UsageList: unknown[] }[])[0];
    expect(usage.UsageList).toHaveLength(288);
  });
});

describe('Tencent failures', () => {
  it('fails once, without retrying, when the signature does not verify', async () => {
    const error = await pollError(account('tg/wrong-key'));
    expect(error).toMatchObject({ kind: 'auth', code: 'AuthFailure.SignatureFailure', attempts: 1, retryable: false });
    expect(pinned(error.message)).toBe(
      'tencent account tencent-main: DescribeAccountBalance failed after 1 attempt: HTTP 200 ' +
        '(code: AuthFailure.SignatureFailure, message: The provided credentials could not be validated. ' +
        'Please check your signature is correct. (RequestId <id>))',
    );
  });

  it('reports an unknown SecretId', async () => {
    const error = await pollError(account('tg/unknown-id'));
    expect(error).toMatchObject({ kind: 'auth', code: 'AuthFailure.SecretIdNotFound', attempts: 1 });
  });

  it('is refused as expired when its clock is more than 5 minutes off', async () => {
    const slow = () => new Date(time.clock().getTime() - 6 * 60_000);
    const error = await pollError(account('tg/intl'), context({ clock: slow }));
    expect(error).toMatchObject({ kind: 'auth', code: 'AuthFailure.SignatureExpire', attempts: 1 });
  });

  it('is accepted with a clock 4 minutes off', async () => {
    const slow = () => new Date(time.clock().getTime() - 4 * 60_000);
    const snapshot = await new TencentVendor().poll(account('tg/intl', { usageDays: 0 }), context({ clock: slow }));
    expect(snapshot.balance?.exact).toBe('1823.50');
  });

  it('reads an injected auth failure in the HTTP 200 envelope', async () => {
    sandbox.inject('tencent', { kind: 'auth-failure' });
    const error = await pollError(account('tg/intl'));
    expect(error).toMatchObject({ kind: 'auth', status: 200, code: 'AuthFailure.SignatureFailure', attempts: 1 });
  });

  it('retries RequestLimitExceeded, signing each attempt afresh, and then succeeds', async () => {
    sandbox.inject('tencent', { kind: 'throttle', times: 2, retryAfterSeconds: 2 });
    const snapshot = await new TencentVendor().poll(account('tg/intl', { usageDays: 0 }), context());
    expect(snapshot.balance?.exact).toBe('1823.50');
    const attempts = received();
    expect(attempts.map((r) => r.fault ?? 'answered')).toEqual(['throttle', 'throttle', 'answered']);
    expect(attempts.map((r) => r.headers['x-tc-timestamp'])).toEqual(['1790731800', '1790731802', '1790731804']);
    expect(new Set(attempts.map((r) => r.headers.authorization)).size).toBe(3);
  });

  it('gives up on throttling after the last attempt', async () => {
    sandbox.inject('tencent', { kind: 'throttle', times: 10 });
    const error = await pollError(account('tg/intl'));
    expect(error).toMatchObject({ kind: 'throttled', code: 'RequestLimitExceeded', attempts: 4, retryable: true });
  });

  it('gives up on 5xx after the last attempt', async () => {
    sandbox.inject('tencent', { kind: 'server-error', times: 10, status: 503 });
    const error = await pollError(account('tg/intl'));
    expect(error.message).toBe(
      'tencent account tencent-main: DescribeAccountBalance failed after 4 attempts: HTTP 503',
    );
    expect(error).toMatchObject({ kind: 'server', retryable: true });
  });

  it('reports a malformed answer as malformed, not as a zero balance', async () => {
    sandbox.inject('tencent', { kind: 'malformed', times: 1 });
    const error = await pollError(account('tg/intl'));
    expect(error.message).toBe(
      'tencent account tencent-main: DescribeAccountBalance failed after 1 attempt: HTTP 200: the answer is not JSON',
    );
    expect(error.kind).toBe('malformed');
  });

  it('times out on a vendor that never answers', async () => {
    sandbox.inject('tencent', { kind: 'hang' });
    const error = await pollError(account('tg/intl'), context({ timeoutMs: 50, maxAttempts: 2 }));
    expect(error.message).toBe(
      'tencent account tencent-main: DescribeAccountBalance failed after 2 attempts: timed out after 50 ms',
    );
    expect(error.kind).toBe('timeout');
  });

  it('fails the usage call on its own terms after a good balance', async () => {
    const error = await pollError(account('tg/intl', { sdkAppIds: ['1400009999'] }));
    expect(error).toMatchObject({ operation: 'DescribeTrtcUsage', kind: 'client', code: 'InvalidParameter.SdkAppId' });
  });

  it('names the missing secret field before calling anyone', async () => {
    await expect(new TencentVendor().poll(account('tg/no-key'), context())).rejects.toThrow(
      new AccountSetupError('tencent', 'tencent-main', [
        'secret "tg/no-key" has no field "secretKey" (or it is empty)',
      ]),
    );
    expect(received()).toHaveLength(0);
  });
});

describe('Tencent credentials', () => {
  it('never appear in a snapshot or in any error message', async () => {
    const texts: string[] = [];
    texts.push(JSON.stringify(await new TencentVendor().poll(account('tg/intl'), context())));
    for (const setup of [
      () => undefined,
      () => sandbox.inject('tencent', { kind: 'auth-failure' }),
      () => sandbox.inject('tencent', { kind: 'malformed', times: 1 }),
      () => sandbox.inject('tencent', { kind: 'server-error', times: 10 }),
    ]) {
      sandbox.clear();
      setup();
      const acc = texts.length === 1 ? account('tg/wrong-key') : account('tg/intl');
      const error = await pollError(acc).catch((e: unknown) => e as Error);
      texts.push(error.message, String(error.stack));
    }
    const values = Object.values(SECRETS).flatMap((s) => Object.values(s));
    for (const text of texts) for (const value of values) expect(text).not.toContain(value);
  });
});

describe('the Tencent demo', () => {
  it('gives its demo account an international balance and 30 days of priced usage on any date', async () => {
    const now = new Date('2027-02-14T12:00:00Z');
    const demo = tencentSandbox.demo!;
    const demoSandbox = await startVendorSandbox({ fixtures: { tencent: demo.fixture(now) }, clock: () => now });
    try {
      const [demoAccount] = demo.accounts(now);
      const snapshot = await new TencentVendor().poll(
        { ...demoAccount, endpoint: demoSandbox.endpoint('tencent') },
        { now, secrets: { resolve: async () => demoAccount.secret }, http: new ResilientHttp({ clock: () => now }) },
      );
      expect(snapshot.balance).toEqual({ amount: 1823.5, currency: 'USD', exact: '1823.50' });
      expect(snapshot.dailySpend).toHaveLength(30);
      expect(snapshot.dailySpend?.at(-1)?.date).toBe('2027-02-13');
      expect(snapshot.dailySpend?.every((d) => d.amount > 0 && d.unit === 'USD')).toBe(true);
    } finally {
      await demoSandbox.stop();
    }
  });
});
