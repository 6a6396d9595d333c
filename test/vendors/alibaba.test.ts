import { fakeTime, type FakeTime } from './support/fake-time';
import { expectVendorError, pollContext, type HttpTestOptions } from './support/poll-helpers';
import type { AccountConfig } from '../../lambda/core/model';
import type { PollContext, SecretResolver } from '../../lambda/core/vendor-port';
import { startVendorSandbox, type VendorSandbox } from '../../lambda/sandbox/vendor-sandbox';
import { alibabaSandbox, type AlibabaSandboxAccount } from '../../lambda/sandbox/vendors/alibaba';
import { AlibabaVendor } from '../../lambda/vendors/alibaba';
import { AccountSetupError, ResilientHttp, VendorError } from '../../lambda/vendors/http';

// 09:30 in Beijing on 2026-09-30.
const NOW = '2026-09-30T01:30:00Z';

const MAIN: AlibabaSandboxAccount = {
  accessKeyId: 'LTAItestMain000000000001',
  accessKeySecret: 'test-main-access-key-secret-00000001',
  // the documented example's Data
  balance: {
    AvailableAmount: '10000.00',
    CreditAmount: '0.00',
    MybankCreditAmount: '0.00',
    Currency: 'CNY',
    AvailableCashAmount: '10000.00',
    QuotaLimit: '10000.00',
  },
  instances: [
    {
      InstanceID: 'rtc-cn-live01',
      ProductCode: 'rtc',
      SubscriptionType: 'Subscription',
      EndTime: '2026-11-09T16:00:00Z',
      RenewStatus: 'ManualRenewal',
      Status: 'Normal',
    },
    {
      InstanceID: 1049056,
      ProductCode: 'rds',
      SubscriptionType: 'Subscription',
      EndTime: '2027-03-01T16:00:00Z',
      RenewStatus: 'AutoRenewal',
      Status: 'Normal',
    },
    { InstanceID: 'ecs-payg', ProductCode: 'ecs', SubscriptionType: 'PayAsYouGo', Status: 'Normal' },
  ],
  resourcePackages: [
    {
      InstanceId: 'RTCPKG-cn-001',
      ProductCode: 'rtc',
      Remark: 'ARTC minutes plan',
      RemainingAmount: '184250',
      RemainingAmountUnit: 'Minute',
      ExpiryTime: '2027-03-14T16:00:00Z',
      Status: 'Available',
    },
    { InstanceId: 'OSSBAG-old', ProductCode: 'oss', ExpiryTime: '2026-01-01T16:00:00Z', Status: 'Expired' },
  ],
};

const ARREARS: AlibabaSandboxAccount = {
  accessKeyId: 'LTAItestArrears000000001',
  accessKeySecret: 'test-arrears-access-key-secret-0001',
  balance: { AvailableAmount: '-11.19', Currency: 'CNY' },
};

const MANY: AlibabaSandboxAccount = {
  accessKeyId: 'LTAItestMany000000000001',
  accessKeySecret: 'test-many-access-key-secret-00000001',
  balance: { AvailableAmount: '1,234.50', Currency: 'USD' },
  instances: Array.from({ length: 230 }, (_, i) => ({
    InstanceID: `i-${String(i).padStart(3, '0')}`,
    ProductCode: 'ecs',
    SubscriptionType: 'Subscription',
    EndTime: '2027-01-01T16:00:00Z',
    RenewStatus: 'AutoRenewal',
  })),
};

const SECRETS: Record<string, Record<string, string>> = {
  'al/main': { accessKeyId: MAIN.accessKeyId, accessKeySecret: MAIN.accessKeySecret },
  'al/arrears': { accessKeyId: ARREARS.accessKeyId, accessKeySecret: ARREARS.accessKeySecret },
  'al/many': { accessKeyId: MANY.accessKeyId, accessKeySecret: MANY.accessKeySecret },
  'al/wrong-secret': { accessKeyId: MAIN.accessKeyId, accessKeySecret: 'not-the-secret-of-this-key-00000001' },
  'al/unknown-id': { accessKeyId: 'LTAInobody00000000000001', accessKeySecret: MAIN.accessKeySecret },
  'al/no-secret': { accessKeyId: MAIN.accessKeyId, accessKeySecret: '' },
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
  return sandbox.requests('alibaba').slice(mark);
}

function sent(name: string): string[] {
  return received().map((r) => new URLSearchParams(r.query).get(name) ?? '');
}

beforeAll(async () => {
  sandbox = await startVendorSandbox({
    fixtures: { alibaba: { accounts: [MAIN, ARREARS, MANY] } },
    clock: () => time.clock(),
  });
});

beforeEach(() => {
  time = fakeTime(NOW);
  mark = sandbox.requests('alibaba').length;
});

afterEach(() => sandbox.clear());

afterAll(() => sandbox.stop());

function account(credentials: string, options: Record<string, unknown> = {}): AccountConfig {
  return { id: 'alibaba-main', vendor: 'alibaba', credentials, endpoint: sandbox.endpoint('alibaba'), options };
}

function context(httpOptions: HttpTestOptions = {}): PollContext {
  return pollContext(time, secrets, httpOptions);
}

async function pollError(acc: AccountConfig, ctx = context(), vendor = new AlibabaVendor()): Promise<VendorError> {
  return expectVendorError(vendor, acc, ctx);
}

function pinned(message: string): string {
  return message.replace(/RequestId [0-9A-F-]{36}/, 'RequestId <id>');
}

describe('Alibaba adapter against the sandbox', () => {
  it('reads the documented balance, subscriptions with renewal mode, and live resource plans', async () => {
    const snapshot = await new AlibabaVendor().poll(account('al/main', { usageDays: 0 }), context());

    expect(snapshot.balance).toEqual({ amount: 10000, currency: 'CNY', exact: '10000.00' });
    expect(snapshot.entitlements).toEqual([
      { id: 'rtc-cn-live01', name: 'rtc rtc-cn-live01', expiresOn: '2026-11-09', autoRenew: false },
      { id: '1049056', name: 'rds 1049056', expiresOn: '2027-03-01', autoRenew: true },
      { id: 'RTCPKG-cn-001', name: 'ARTC minutes plan', expiresOn: '2027-03-14', remaining: 184250, unit: 'Minute' },
    ]);
    expect(snapshot.dailySpend).toBeUndefined();
    expect(snapshot.raw?.QueryAccountBalance).toMatchObject({ Code: '200', Success: true });
    expect(sent('Action')).toEqual(['QueryAccountBalance', 'QueryAvailableInstances', 'QueryResourcePackageInstances']);
    expect(sent('SubscriptionType')).toEqual(['', 'Subscription', '']);
    expect(sent('Format')).toEqual(['JSON', 'JSON', 'JSON']);
  });

  it('reads arrears as a negative balance', async () => {
    const snapshot = await new AlibabaVendor().poll(account('al/arrears'), context());
    expect(snapshot.balance).toEqual({ amount: -11.19, currency: 'CNY', exact: '-11.19' });
    expect(snapshot.entitlements).toEqual([]);
  });

  it('pages through 230 subscriptions 100 at a time', async () => {
    const snapshot = await new AlibabaVendor().poll(account('al/many', { site: 'intl' }), context());
    expect(snapshot.balance).toEqual({ amount: 1234.5, currency: 'USD', exact: '1234.50' });
    expect(snapshot.entitlements).toHaveLength(230);
    expect(snapshot.entitlements[229]).toEqual({
      id: 'i-229',
      name: 'ecs i-229',
      expiresOn: '2027-01-01',
      autoRenew: true,
    });
    const pages = received().filter((r) => r.query.includes('Action=QueryAvailableInstances'));
    expect(pages.map((r) => new URLSearchParams(r.query).get('PageNum'))).toEqual(['1', '2', '3']);
    expect(pages.map((r) => new URLSearchParams(r.query).get('PageSize'))).toEqual(['100', '100', '100']);
  });

  it('lists only the configured products, but reads the bill of the whole account the balance pays for', async () => {
    const snapshot = await new AlibabaVendor().poll(
      account('al/main', { productCodes: ['rtc'], usageDays: 2 }),
      context(),
    );
    expect(snapshot.entitlements.map((e) => e.id)).toEqual(['rtc-cn-live01', 'RTCPKG-cn-001']);
    expect(sent('Action')).toEqual([
      'QueryAccountBalance',
      'QueryAvailableInstances',
      'QueryResourcePackageInstances',
      'QueryAccountBill',
      'QueryAccountBill',
    ]);
    expect(sent('ProductCode')).toEqual(['', 'rtc', 'rtc', '', '']);
  });
});

describe('Alibaba failures', () => {
  it('fails once on a signature that does not match, without echoing the AccessKeyId', async () => {
    const error = await pollError(account('al/wrong-secret'));
    expect(error).toMatchObject({
      kind: 'auth',
      status: 400,
      code: 'SignatureDoesNotMatch',
      attempts: 1,
      retryable: false,
    });
    expect(error.message).toMatch(
      /^alibaba account alibaba-main: QueryAccountBalance failed after 1 attempt: HTTP 400 \(code: SignatureDoesNotMatch, message: Specified signature is not matched with our calculation\. server string to sign is:GET&%2F&AccessKeyId%3D\[redacted\]%26Action%3DQueryAccountBalance/,
    );
    expect(error.message).not.toContain(MAIN.accessKeyId);
  });

  it('reads an unknown AccessKeyId (HTTP 404) as an auth failure', async () => {
    const error = await pollError(account('al/unknown-id'));
    expect(pinned(error.message)).toBe(
      'alibaba account alibaba-main: QueryAccountBalance failed after 1 attempt: HTTP 404 ' +
        '(code: InvalidAccessKeyId.NotFound, message: Specified access key is not found. (RequestId <id>))',
    );
    expect(error.kind).toBe('auth');
  });

  it('is refused as expired with a clock more than 15 minutes off, and accepted within', async () => {
    const offBy = (minutes: number) => () => new Date(time.clock().getTime() - minutes * 60_000);
    const error = await pollError(account('al/main'), context({ clock: offBy(16) }));
    expect(error).toMatchObject({ kind: 'auth', code: 'InvalidTimeStamp.Expired' });
    const snapshot = await new AlibabaVendor().poll(account('al/main'), context({ clock: offBy(14) }));
    expect(snapshot.balance?.exact).toBe('10000.00');
  });

  it('sends a fresh SignatureNonce on every attempt, as the API refuses a nonce twice', async () => {
    const error = await pollError(account('al/main'), context(), new AlibabaVendor({ nonce: () => 'the-same-nonce' }));
    expect(error).toMatchObject({ operation: 'QueryAvailableInstances', kind: 'client', code: 'SignatureNonceUsed' });
  });

  it('retries Throttling.User (HTTP 400) with new nonces and then succeeds', async () => {
    sandbox.inject('alibaba', { kind: 'throttle', times: 2 });
    const snapshot = await new AlibabaVendor().poll(account('al/arrears', { usageDays: 0 }), context());
    expect(snapshot.balance?.exact).toBe('-11.19');
    expect(received().map((r) => r.fault ?? r.status)).toEqual(['throttle', 'throttle', 200, 200, 200]);
    expect(new Set(sent('SignatureNonce')).size).toBe(5);
  });

  it('gives up on throttling after the last attempt', async () => {
    sandbox.inject('alibaba', { kind: 'throttle', times: 10 });
    const error = await pollError(account('al/main'));
    expect(error).toMatchObject({
      kind: 'throttled',
      code: 'Throttling.User',
      status: 400,
      attempts: 4,
      retryable: true,
    });
  });

  it('gives up on 5xx after the last attempt', async () => {
    sandbox.inject('alibaba', { kind: 'server-error', times: 10, status: 502 });
    const error = await pollError(account('al/main'));
    expect(error.message).toBe('alibaba account alibaba-main: QueryAccountBalance failed after 4 attempts: HTTP 502');
  });

  it('reports a malformed answer as malformed, not as a zero balance', async () => {
    sandbox.inject('alibaba', { kind: 'malformed', times: 1 });
    const error = await pollError(account('al/main'));
    expect(error.message).toBe(
      'alibaba account alibaba-main: QueryAccountBalance failed after 1 attempt: HTTP 200: the answer is not JSON',
    );
  });

  it('times out on a vendor that never answers', async () => {
    sandbox.inject('alibaba', { kind: 'hang' });
    const error = await pollError(account('al/main'), context({ timeoutMs: 50, maxAttempts: 2 }));
    expect(error.message).toBe(
      'alibaba account alibaba-main: QueryAccountBalance failed after 2 attempts: timed out after 50 ms',
    );
  });

  it('names an empty secret field before calling anyone', async () => {
    await expect(new AlibabaVendor().poll(account('al/no-secret'), context())).rejects.toThrow(
      new AccountSetupError('alibaba', 'alibaba-main', [
        'secret "al/no-secret" has no field "accessKeySecret" (or it is empty)',
      ]),
    );
    expect(received()).toHaveLength(0);
  });
});

describe('Alibaba credentials', () => {
  it('never appear in a snapshot or in any error message', async () => {
    const texts = [JSON.stringify(await new AlibabaVendor().poll(account('al/main'), context()))];
    const failures: [string, () => void][] = [
      ['al/wrong-secret', () => undefined],
      ['al/unknown-id', () => undefined],
      ['al/main', () => sandbox.inject('alibaba', { kind: 'auth-failure' })],
      ['al/main', () => sandbox.inject('alibaba', { kind: 'malformed', times: 1 })],
      ['al/main', () => sandbox.inject('alibaba', { kind: 'throttle', times: 10 })],
    ];
    for (const [name, setup] of failures) {
      sandbox.clear();
      setup();
      const error = await pollError(account(name));
      texts.push(error.message, String(error.stack));
    }
    const values = Object.values(SECRETS)
      .flatMap((s) => Object.values(s))
      .filter((v) => v !== '');
    for (const text of texts) for (const value of values) expect(text).not.toContain(value);
  });
});

describe('the Alibaba demo', () => {
  it('has a subscription ending in 40 days, a resource plan and daily bills on any date', async () => {
    const now = new Date('2027-02-14T12:00:00Z');
    const demo = alibabaSandbox.demo!;
    // the client's rate-limit waits pass in fake time; the sandbox's clock stays at now
    const clientTime = fakeTime(now.toISOString());
    const demoSandbox = await startVendorSandbox({ fixtures: { alibaba: demo.fixture(now) }, clock: () => now });
    try {
      const [demoAccount] = demo.accounts(now);
      const http = new ResilientHttp({ clock: clientTime.clock, sleep: clientTime.sleep });
      const snapshot = await new AlibabaVendor().poll(
        { ...demoAccount, endpoint: demoSandbox.endpoint('alibaba') },
        { now, secrets: { resolve: async () => demoAccount.secret }, http },
      );
      expect(snapshot.balance).toEqual({ amount: 3260.45, currency: 'CNY', exact: '3260.45' });
      expect(snapshot.dailySpend).toHaveLength(15);
      expect(snapshot.dailySpend?.at(-1)?.date).toBe('2027-02-13');
      expect(snapshot.dailySpend?.every((d) => d.amount > 11.2 && d.unit === 'CNY')).toBe(true);
      expect(snapshot.entitlements).toEqual([
        { id: 'rtc-cn-demo0live01', name: 'rtc rtc-cn-demo0live01', expiresOn: '2027-03-26', autoRenew: false },
        {
          id: 'RTCPKG-cn-demo0minutes01',
          name: 'ARTC audio/video minutes plan',
          expiresOn: '2027-07-29',
          remaining: 184250,
          unit: 'Minute',
        },
      ]);
    } finally {
      await demoSandbox.stop();
    }
  });
});
