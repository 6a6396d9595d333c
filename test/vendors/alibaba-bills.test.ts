/**
 * Alibaba daily spend from the account's daily bill (BSS QueryAccountBill, Granularity DAILY): the
 * reader on the documented shape, the sandbox's answers and refusals, and the adapter polled against
 * the sandbox — paged and empty days, malformed lines and another currency as VendorErrors, and the
 * sandbox's faults on the bill call.
 */
import { fakeTime, type FakeTime } from './support/fake-time';
import { expectVendorError, pollContext } from './support/poll-helpers';
import type { AccountConfig } from '../../lambda/core/model';
import type { SecretResolver } from '../../lambda/core/vendor-port';
import type { SandboxRequest } from '../../lambda/sandbox/sandbox-vendor';
import { startVendorSandbox, type VendorSandbox } from '../../lambda/sandbox/vendor-sandbox';
import { alibabaSandbox, type AlibabaSandboxAccount } from '../../lambda/sandbox/vendors/alibaba';
import { AlibabaVendor } from '../../lambda/vendors/alibaba';
import { accountBillParams, readAccountBillPage } from '../../lambda/vendors/alibaba/index';
import { ResilientHttp, ShapeProblem } from '../../lambda/vendors/http';
import { signRpcQuery } from '../../lambda/vendors/signing';

// 09:30 in Beijing on 2026-09-30: the last completed Beijing day is 2026-09-29.
const NOW = '2026-09-30T01:30:00Z';

/** A QueryAccountBill line with the fields of the BssOpenApi 2017-12-14 SDK models. */
function line(productCode: string, pretax: number | string, extra: Record<string, unknown> = {}) {
  return {
    ProductCode: productCode,
    ProductName: productCode === 'rtc' ? 'Real-Time Communication' : 'Object Storage Service',
    PipCode: productCode,
    SubscriptionType: 'PayAsYouGo',
    BizType: 'cloud',
    OwnerID: '1857000000000489',
    PretaxGrossAmount: pretax,
    InvoiceDiscount: 0,
    DeductedByCoupons: 0,
    DeductedByCashCoupons: 0,
    DeductedByPrepaidCard: 0,
    AdjustAmount: 0,
    PretaxAmount: pretax,
    PaymentAmount: pretax,
    CashAmount: pretax,
    OutstandingAmount: 0,
    Currency: 'CNY',
    ...extra,
  };
}

/** One day's QueryAccountBill answer in the documented envelope. */
function documented(items: unknown[], billingDate = '2026-09-29') {
  return {
    Code: 'Success',
    Message: 'Successful!',
    RequestId: 'BCB1E1BC-05BF-4217-80EE-BF09A29407BA',
    Success: true,
    Data: {
      BillingCycle: billingDate.slice(0, 7),
      AccountID: '1857000000000489',
      AccountName: 'owner@example.com',
      PageNum: 1,
      PageSize: 100,
      TotalCount: items.length,
      Items: { Item: items.map((i) => ({ BillingDate: billingDate, ...(i as object) })) },
    },
  };
}

const DAY = { day: '2026-09-29', currency: 'CNY' };

describe('reading a daily account bill', () => {
  it('asks for one day of the month, grouped by product', () => {
    expect(accountBillParams('2026-08-31')).toEqual({
      BillingCycle: '2026-08',
      Granularity: 'DAILY',
      BillingDate: '2026-08-31',
      IsGroupByProduct: 'true',
    });
  });

  it('reads each line of the documented shape as its pretax amount', () => {
    const page = readAccountBillPage(documented([line('rtc', 96.8), line('oss', '11.20')]), DAY);
    expect(page).toEqual({ items: [96.8, 11.2], total: 2 });
  });

  it('reads a day without lines as a day without spend', () => {
    expect(readAccountBillPage(documented([]), DAY)).toEqual({ items: [], total: 0 });
    const noList = { Success: true, Data: { TotalCount: 0, PageNum: 1, PageSize: 100 } };
    expect(readAccountBillPage(noList, DAY)).toEqual({ items: [], total: 0 });
  });

  it.each<[string, unknown, string]>([
    [
      'a line without its amount',
      documented([line('rtc', 1), { ...line('oss', 1), PretaxAmount: undefined }]),
      'Data.Items.Item[1].PretaxAmount is missing',
    ],
    [
      'an amount that is not one',
      documented([line('rtc', 'N/A')]),
      'Data.Items.Item[0].PretaxAmount is not a decimal number (got a string that is not one)',
    ],
    [
      'a line of another day',
      documented([line('rtc', 1)], '2026-09-28'),
      'Data.Items.Item[0].BillingDate is not the day asked for (2026-09-29)',
    ],
    [
      'a line in another currency than the balance',
      documented([line('rtc', 1, { Currency: 'USD' })]),
      'Data.Items.Item[0].Currency is USD, not the balance currency CNY',
    ],
    [
      'a currency that is not one',
      documented([line('rtc', 1, { Currency: 7 })]),
      'Data.Items.Item[0].Currency is not a currency code',
    ],
    [
      'a missing list while the total says there are lines',
      { Success: true, Data: { TotalCount: 3 } },
      'Data.Items is missing',
    ],
    ['no Data', { Code: 'Success' }, 'Data is not an object (got nothing)'],
  ])('refuses %s rather than reading 0', (_, json, message) => {
    expect(() => readAccountBillPage(json, DAY)).toThrow(new ShapeProblem(message));
  });
});

const BILLS: AlibabaSandboxAccount = {
  accessKeyId: 'LTAItestBills00000000001',
  accessKeySecret: 'test-bills-access-key-secret-000001',
  balance: { AvailableAmount: '500.00', Currency: 'CNY' },
  dailyBills: {
    '2026-08-31': [line('rtc', 3)],
    '2026-09-01': [line('rtc', 4)],
    '2026-09-27': [line('rtc', 10.5), line('oss', 1.25)],
    '2026-09-28': [],
    '2026-09-29': [line('rtc', '20.10'), line('oss', 0.9)],
  },
};

const PAGED: AlibabaSandboxAccount = {
  accessKeyId: 'LTAItestPaged00000000001',
  accessKeySecret: 'test-paged-access-key-secret-000001',
  balance: { AvailableAmount: '80.00', Currency: 'CNY' },
  dailyBills: { '2026-09-29': Array.from({ length: 230 }, (_, i) => line(`p${i}`, 0.01)) },
};

const BROKEN: AlibabaSandboxAccount = {
  accessKeyId: 'LTAItestBroken0000000001',
  accessKeySecret: 'test-broken-access-key-secret-00001',
  balance: { AvailableAmount: '80.00', Currency: 'CNY' },
  dailyBills: { '2026-09-29': [line('rtc', 1), { ...line('oss', 1), PretaxAmount: null }] },
};

const FOREIGN: AlibabaSandboxAccount = {
  accessKeyId: 'LTAItestForeign000000001',
  accessKeySecret: 'test-foreign-access-key-secret-0001',
  balance: { AvailableAmount: '80.00', Currency: 'CNY' },
  dailyBills: { '2026-09-29': [line('rtc', 1, { Currency: 'USD' })] },
};

const ACCOUNTS = { bills: BILLS, paged: PAGED, broken: BROKEN, foreign: FOREIGN };
const secrets: SecretResolver = {
  resolve: async (name) => {
    const a = ACCOUNTS[name as keyof typeof ACCOUNTS];
    return { accessKeyId: a.accessKeyId, accessKeySecret: a.accessKeySecret };
  },
};

let sandbox: VendorSandbox;
let time: FakeTime;
let mark = 0;

beforeAll(async () => {
  sandbox = await startVendorSandbox({
    fixtures: { alibaba: { accounts: Object.values(ACCOUNTS) } },
    clock: () => time.clock(),
  });
});
beforeEach(() => {
  time = fakeTime(NOW);
  mark = sandbox.requests('alibaba').length;
});
afterEach(() => sandbox.clear());
afterAll(() => sandbox.stop());

function account(credentials: keyof typeof ACCOUNTS, options: Record<string, unknown>): AccountConfig {
  return { id: 'alibaba-main', vendor: 'alibaba', credentials, endpoint: sandbox.endpoint('alibaba'), options };
}

/** The bill calls this test sent, as their query parameters. */
function billCalls() {
  return sandbox
    .requests('alibaba')
    .slice(mark)
    .map((r) => ({ params: new URLSearchParams(r.query), answer: r.fault ?? r.status }))
    .filter((r) => r.params.get('Action') === 'QueryAccountBill');
}

describe('Alibaba daily spend against the sandbox', () => {
  it('reads one bill per completed Beijing day, its lines summed, in the balance currency', async () => {
    const snapshot = await new AlibabaVendor().poll(account('bills', { usageDays: 3 }), pollContext(time, secrets));

    expect(snapshot.dailySpend).toEqual([
      { date: '2026-09-27', amount: 11.75, unit: 'CNY' },
      { date: '2026-09-28', amount: 0, unit: 'CNY' },
      { date: '2026-09-29', amount: 21, unit: 'CNY' },
    ]);
    expect(
      billCalls().map(({ params }) => [
        params.get('BillingCycle'),
        params.get('Granularity'),
        params.get('BillingDate'),
        params.get('IsGroupByProduct'),
        params.get('ProductCode'),
        params.get('Version'),
      ]),
    ).toEqual([
      ['2026-09', 'DAILY', '2026-09-27', 'true', null, '2017-12-14'],
      ['2026-09', 'DAILY', '2026-09-28', 'true', null, '2017-12-14'],
      ['2026-09', 'DAILY', '2026-09-29', 'true', null, '2017-12-14'],
    ]);
    expect(snapshot.raw?.QueryAccountBill).toHaveLength(3);
  });

  it('asks each day in its own billing cycle across a month end', async () => {
    const snapshot = await new AlibabaVendor().poll(account('bills', { usageDays: 31 }), pollContext(time, secrets));
    expect(snapshot.dailySpend).toHaveLength(31);
    expect(snapshot.dailySpend?.slice(0, 3)).toEqual([
      { date: '2026-08-30', amount: 0, unit: 'CNY' },
      { date: '2026-08-31', amount: 3, unit: 'CNY' },
      { date: '2026-09-01', amount: 4, unit: 'CNY' },
    ]);
    expect(billCalls().map(({ params }) => params.get('BillingCycle'))).toEqual([
      '2026-08',
      '2026-08',
      ...Array<string>(29).fill('2026-09'),
    ]);
  });

  it('pages through a day of 230 lines 100 at a time', async () => {
    const snapshot = await new AlibabaVendor().poll(account('paged', { usageDays: 1 }), pollContext(time, secrets));
    expect(snapshot.dailySpend).toEqual([{ date: '2026-09-29', amount: 2.3, unit: 'CNY' }]);
    expect(billCalls().map(({ params }) => [params.get('PageNum'), params.get('PageSize')])).toEqual([
      ['1', '100'],
      ['2', '100'],
      ['3', '100'],
    ]);
  });

  it('reports a malformed bill line as a VendorError naming the account and the call, never as zero', async () => {
    const error = await expectVendorError(
      new AlibabaVendor(),
      account('broken', { usageDays: 1 }),
      pollContext(time, secrets),
    );
    expect(error).toMatchObject({ vendor: 'alibaba', kind: 'malformed', operation: 'QueryAccountBill', attempts: 1 });
    expect(error.message).toBe(
      'alibaba account alibaba-main: QueryAccountBill failed after 1 attempt: HTTP 200: ' +
        'Data.Items.Item[1].PretaxAmount is not a decimal number (got null)',
    );
  });

  it('refuses a bill in another currency than the balance', async () => {
    const error = await expectVendorError(
      new AlibabaVendor(),
      account('foreign', { usageDays: 1 }),
      pollContext(time, secrets),
    );
    expect(error.message).toBe(
      'alibaba account alibaba-main: QueryAccountBill failed after 1 attempt: HTTP 200: ' +
        'Data.Items.Item[0].Currency is USD, not the balance currency CNY',
    );
  });

  /** A client that injects `fault` into the sandbox as its first bill call goes out. */
  function faultOnFirstBill(fault: Parameters<VendorSandbox['inject']>[1]) {
    return new ResilientHttp({
      clock: time.clock,
      sleep: time.sleep,
      random: () => 0.5,
      fetch: async (input, init) => {
        if (String(input).includes('Action=QueryAccountBill') && billCalls().length === 0) {
          sandbox.inject('alibaba', fault);
        }
        return fetch(input, init);
      },
    });
  }

  it('retries a throttled bill call (Throttling.User, HTTP 400) and then reads it', async () => {
    const http = faultOnFirstBill({ kind: 'throttle', times: 1 });
    const snapshot = await new AlibabaVendor().poll(account('bills', { usageDays: 1 }), {
      now: time.clock(),
      secrets,
      http,
    });
    expect(snapshot.dailySpend).toEqual([{ date: '2026-09-29', amount: 21, unit: 'CNY' }]);
    expect(billCalls().map((c) => c.answer)).toEqual(['throttle', 200]);
  });

  it.each<[string, Parameters<VendorSandbox['inject']>[1], string]>([
    ['a lasting 503', { kind: 'server-error', times: 10, status: 503 }, 'failed after 4 attempts: HTTP 503'],
    ['a body cut off', { kind: 'malformed', times: 1 }, 'failed after 1 attempt: HTTP 200: the answer is not JSON'],
  ])('fails the account on %s of the bill call', async (_, fault, ending) => {
    const error = await expectVendorError(new AlibabaVendor(), account('bills', { usageDays: 1 }), {
      now: time.clock(),
      secrets,
      http: faultOnFirstBill(fault),
    });
    expect(error.message).toBe(`alibaba account alibaba-main: QueryAccountBill ${ending}`);
  });
});

describe('the Alibaba sandbox answers QueryAccountBill', () => {
  const at = new Date(NOW);
  let nonce = 0;

  function answer(params: Record<string, string>) {
    const query = signRpcQuery({
      accessKeyId: BILLS.accessKeyId,
      accessKeySecret: BILLS.accessKeySecret,
      action: 'QueryAccountBill',
      version: '2017-12-14',
      params,
      at,
      nonce: `bill-nonce-${++nonce}`,
    });
    const request: SandboxRequest = {
      method: 'GET',
      path: '/',
      query: new URLSearchParams(query),
      headers: {},
      body: '',
      host: '127.0.0.1:1',
      now: at,
    };
    const reply = alibabaSandbox.module.handle(request, { accounts: [BILLS] });
    return { status: reply?.status, body: reply?.body as Record<string, any> };
  }

  it('sums a month per product without BillingDate', () => {
    const { status, body } = answer({ BillingCycle: '2026-09', IsGroupByProduct: 'true' });
    expect(status).toBe(200);
    expect(body.Data).toMatchObject({ BillingCycle: '2026-09', PageNum: 1, PageSize: 20, TotalCount: 2 });
    expect(body.Data.Items.Item).toEqual([
      { ProductCode: 'rtc', ProductName: 'Real-Time Communication', Currency: 'CNY', PretaxAmount: 34.6 },
      { ProductCode: 'oss', ProductName: 'Object Storage Service', Currency: 'CNY', PretaxAmount: 2.15 },
    ]);
  });

  it('sums a day into one account line unless grouped by product', () => {
    const { body } = answer({ BillingCycle: '2026-09', Granularity: 'DAILY', BillingDate: '2026-09-27' });
    expect(body.Data.Items.Item).toEqual([{ Currency: 'CNY', PretaxAmount: 11.75 }]);
  });

  it.each<[string, Record<string, string>, string]>([
    ['no BillingCycle', { Granularity: 'DAILY', BillingDate: '2026-09-27' }, 'MissingParameter'],
    ['a DAILY query without BillingDate', { BillingCycle: '2026-09', Granularity: 'DAILY' }, 'MissingParameter'],
    [
      'a BillingDate outside the cycle',
      { BillingCycle: '2026-08', Granularity: 'DAILY', BillingDate: '2026-09-27' },
      'InvalidParameter',
    ],
    ['a cycle that is not YYYY-MM', { BillingCycle: '2026-9' }, 'InvalidParameter'],
    ['an unknown granularity', { BillingCycle: '2026-09', Granularity: 'HOURLY' }, 'InvalidParameter'],
    ['a page larger than 300', { BillingCycle: '2026-09', PageSize: '301' }, 'InvalidParameter'],
  ])('refuses %s with HTTP 400 in the BSS envelope', (_, params, code) => {
    const { status, body } = answer(params);
    expect(status).toBe(400);
    expect(body).toMatchObject({ Code: code, HostId: 'business.aliyuncs.com' });
    expect(body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
  });
});
