import type { AccountConfig } from '../../lambda/core/model';
import { subtractDecimals } from '../../lambda/vendors/cn-cloud';
import { AccountSetupError, ShapeProblem } from '../../lambda/vendors/http';
import {
  judgeHuawei,
  readAccountBalances,
  readFreeResourcePage,
  readHuaweiOptions,
  readMeasureUnits,
  readRtcUsage,
} from '../../lambda/vendors/huawei/index';

/** ShowCustomerAccountBalances in the documented shape (support.huaweicloud.com/api-oce/mac_00001.html). */
const DOCUMENTED_BALANCES = {
  account_balances: [
    { account_id: 'cash-1', account_type: 1, amount: 9996.64, currency: 'CNY', designated_amount: 0, measure_id: 1 },
    { account_id: 'credit-1', account_type: 2, amount: 0, currency: 'CNY', credit_amount: 10000, measure_id: 1 },
    { account_id: 'bonus-1', account_type: 5, amount: 50, currency: 'CNY', measure_id: 1 },
  ],
  debt_amount: 0,
  measure_id: 1,
  currency: 'CNY',
};

describe('Huawei balance', () => {
  it('reads the balance account (type 1) of the documented shape, in yuan', () => {
    expect(readAccountBalances(DOCUMENTED_BALANCES, 'USD').money).toEqual({
      amount: 9996.64,
      currency: 'CNY',
      exact: '9996.64',
    });
  });

  it('takes the debt off, so arrears read negative', () => {
    const balances = {
      ...DOCUMENTED_BALANCES,
      account_balances: [{ account_type: 1, amount: 0, measure_id: 1 }],
      debt_amount: 120.5,
    };
    expect(readAccountBalances(balances, 'CNY').money).toEqual({ amount: -120.5, currency: 'CNY', exact: '-120.50' });
  });

  it('reads the older API units (measure_id 3: fen) and amounts written as strings', () => {
    const balances = { account_balances: [{ account_type: '1', amount: '123456', measure_id: 3 }], currency: 'CNY' };
    expect(readAccountBalances(balances, 'CNY').money).toEqual({ amount: 1234.56, currency: 'CNY', exact: '1234.56' });
  });

  it('uses the international currency when the answer names none', () => {
    expect(readAccountBalances({ account_balances: [{ account_type: 1, amount: 5 }] }, 'USD').money.currency).toBe(
      'USD',
    );
  });

  it.each([
    [
      'no balance account',
      { account_balances: [{ account_type: 2, amount: 1 }] },
      'account_balances has no balance account (account_type 1)',
    ],
    ['no list', { error_code: 'CBC.0150' }, 'account_balances is not a list (got nothing)'],
    [
      'an unknown unit',
      { account_balances: [{ account_type: 1, amount: 1, measure_id: 7 }] },
      'account_balances[0].measure_id is not a money unit (1 yuan, 2 jiao, 3 fen)',
    ],
    ['a missing amount', { account_balances: [{ account_type: 1 }] }, 'account_balances[0].amount is missing'],
  ])('refuses %s rather than reading 0', (_, json, message) => {
    expect(() => readAccountBalances(json, 'CNY')).toThrow(new ShapeProblem(message));
  });

  it.each([
    ['12.5', '20.25', '-7.75'],
    ['100', '0.001', '99.999'],
    ['-1.00', '1', '-2.00'],
    ['5.10', '5.1', '0.00'],
  ])('subtracts %s − %s exactly', (a, b, difference) => {
    expect(subtractDecimals(a, b)).toBe(difference);
  });
});

describe('Huawei resource packages', () => {
  const UNITS = new Map([[9001, 'minute']]);
  const pkg = (fields: Record<string, unknown>) => ({
    order_instance_id: 'pkg-1',
    product_name: 'RTC minutes',
    status: 1,
    expire_time: '2026-12-31T16:00:00Z',
    free_resources: [
      {
        free_resource_id: 'fr-1',
        usage_type_name: 'Duration',
        amount: '38500',
        original_amount: '100000',
        measure_id: 9001,
      },
    ],
    ...fields,
  });

  it('reads a package with one resource item as one entitlement, with its unit named', () => {
    expect(readFreeResourcePage({ total_count: 1, free_resource_packages: [pkg({})] }, UNITS)).toEqual({
      total: 1,
      listed: 1,
      measureIds: [9001],
      items: [{ id: 'pkg-1', name: 'RTC minutes', expiresOn: '2026-12-31', remaining: 38500, unit: 'minute' }],
    });
  });

  it('reads each item of a bundle as its own entitlement', () => {
    const bundle = pkg({
      free_resources: [
        { free_resource_id: 'a', usage_type_name: 'Audio', amount: '10', measure_id: 9001 },
        { free_resource_id: 'b', usage_type_name: 'Video', amount: 2.5, measure_id: 10 },
      ],
    });
    expect(readFreeResourcePage({ free_resource_packages: [bundle] }, UNITS).items).toEqual([
      { id: 'pkg-1/a', name: 'RTC minutes: Audio', expiresOn: '2026-12-31', remaining: 10, unit: 'minute' },
      { id: 'pkg-1/b', name: 'RTC minutes: Video', expiresOn: '2026-12-31', remaining: 2.5 },
    ]);
  });

  it('leaves expired and unsubscribed packages out, keeps a used-up one at 0', () => {
    const page = readFreeResourcePage(
      {
        total_count: 3,
        free_resource_packages: [
          pkg({ order_instance_id: 'expired', status: 3 }),
          pkg({ order_instance_id: 'refunded', status: 4 }),
          pkg({ order_instance_id: 'used-up', status: 2, free_resources: [{ free_resource_id: 'x', amount: '0' }] }),
        ],
      },
      UNITS,
    );
    expect(page.items).toEqual([{ id: 'used-up', name: 'RTC minutes', expiresOn: '2026-12-31', remaining: 0 }]);
    expect(page.listed).toBe(3);
  });

  it.each([
    [
      'an expiry that is not an instant',
      pkg({ expire_time: 'next year' }),
      'free_resource_packages[0].expire_time is not an ISO 8601 instant or epoch time',
    ],
    [
      'a package without id',
      pkg({ order_instance_id: undefined }),
      'free_resource_packages[0].order_instance_id is missing',
    ],
    [
      'a remainder that is not a number',
      pkg({ free_resources: [{ amount: 'lots' }] }),
      'free_resource_packages[0].free_resources[0].amount is not a decimal number (got a string that is not one)',
    ],
  ])('refuses %s', (_, value, message) => {
    expect(() => readFreeResourcePage({ free_resource_packages: [value] }, UNITS)).toThrow(new ShapeProblem(message));
  });

  it('reads measurement units by id, skipping what it cannot read', () => {
    const units = readMeasureUnits({
      measure_units: [
        { measure_id: 10, measure_name: 'GB', abbreviation: 'G', measure_type: 3 },
        { measure_id: '4' },
        null,
      ],
    });
    expect([...units]).toEqual([[10, 'GB']]);
  });
});

describe('Huawei RTC usage', () => {
  it('turns the documented seconds per UTC day into minutes', () => {
    const usage = readRtcUsage({
      usage: [
        { date: '2026-09-28', video_sd: 60, video_hd: 120, video_hdp: 0, audio: 90, total_duration: 270 },
        { date: '2026-09-29', video_sd: 0, video_hd: 0, video_hdp: 0, audio: 30, total_duration: 30 },
      ],
    });
    expect([...usage]).toEqual([
      ['2026-09-28', 4.5],
      ['2026-09-29', 0.5],
    ]);
  });

  it.each([
    ['an epoch date', { usage: [{ date: 1790640000, total_duration: 1 }] }, 'usage[0].date is not a date YYYY-MM-DD'],
    ['a missing duration', { usage: [{ date: '2026-09-29' }] }, 'usage[0].total_duration is missing'],
  ])('refuses %s', (_, json, message) => {
    expect(() => readRtcUsage(json)).toThrow(new ShapeProblem(message));
  });
});

describe('Huawei errors', () => {
  const answer = (status: number, body: unknown) => ({ status, headers: {}, body: JSON.stringify(body) });

  it.each([
    [401, 'APIGW.0301', 'auth', false],
    [403, 'APIGW.0302', 'auth', false],
    [429, 'APIGW.0308', 'throttled', true],
    [400, 'CBC.0100', 'client', false],
    [500, 'CBC.9999', 'server', true],
  ])('reads HTTP %i %s as %s (retryable: %p)', (status, code, kind, retryable) => {
    expect(judgeHuawei(answer(status, { error_code: code, error_msg: 'words', request_id: 'abc' }))).toEqual({
      ok: false,
      kind,
      retryable,
      code,
      message: 'words (request_id abc)',
    });
  });

  it('passes a 200', () => {
    expect(judgeHuawei(answer(200, DOCUMENTED_BALANCES))).toEqual({ ok: true });
  });
});

describe('Huawei options', () => {
  const account = (options: Record<string, unknown>): AccountConfig => ({
    id: 'hw',
    vendor: 'huawei',
    credentials: 's',
    options,
  });

  it('reads RTC usage only with a project and applications', () => {
    expect(readHuaweiOptions(account({}))).toEqual({ site: 'cn', usageDays: 30 });
    expect(readHuaweiOptions(account({ site: 'intl', projectId: 'p', rtcAppIds: ['a'], usageDays: 7 }))).toEqual({
      site: 'intl',
      usageDays: 7,
      rtc: { projectId: 'p', appIds: ['a'] },
    });
  });

  it('lists every problem at once', () => {
    expect(() => readHuaweiOptions(account({ rtcAppIds: ['a'], usageDays: 0 }))).toThrow(
      new AccountSetupError('huawei', 'hw', [
        'option projectId: required with rtcAppIds: RTC usage is read per project',
        'option usageDays: expected a whole number from 1 to 31, got 0',
      ]),
    );
  });
});
