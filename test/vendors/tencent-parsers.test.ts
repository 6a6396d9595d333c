import type { AccountConfig } from '../../lambda/core/model';
import type { HttpExchange } from '../../lambda/core/vendor-http-port';
import { fromMinorUnits } from '../../lambda/vendors/cn-cloud';
import { AccountSetupError, ShapeProblem } from '../../lambda/vendors/http';
import {
  judgeTencent,
  readAccountBalance,
  readTencentOptions,
  readTrtcUsage,
} from '../../lambda/vendors/tencent/index';

/** DescribeAccountBalance, verbatim from the tccli examples (the same numbers as cloud.tencent.com/document/product/881/20253). */
const DOCUMENTED_BALANCE = {
  Response: {
    Uin: '90961',
    RealBalance: 9647442,
    CashAccountBalance: 1299806668,
    IncomeIntoAccountBalance: 0,
    PresentAccountBalance: 209512,
    FreezeAmount: 1290368738,
    OweAmount: 0,
    RequestId: '1323',
    IsAllowArrears: true,
    IsCreditLimited: true,
    Balance: -6188426,
    CreditAmount: 200,
    CreditBalance: -6188226,
    RealCreditBalance: -6188226,
  },
};

describe('Tencent balance', () => {
  it('reads the documented example: RealBalance in fen as exact yuan, RequestId kept', () => {
    const balance = readAccountBalance(DOCUMENTED_BALANCE, 'CNY');
    expect(balance.money).toEqual({ amount: 96474.42, currency: 'CNY', exact: '96474.42' });
    expect(balance.response.RequestId).toBe('1323');
  });

  it('reads US cents on the international site the same way', () => {
    expect(readAccountBalance({ Response: { RealBalance: 182350 } }, 'USD').money).toEqual({
      amount: 1823.5,
      currency: 'USD',
      exact: '1823.50',
    });
  });

  it('falls back to Balance, and reports arrears as a negative balance', () => {
    expect(readAccountBalance({ Response: { Balance: -6188426 } }, 'CNY').money).toEqual({
      amount: -61884.26,
      currency: 'CNY',
      exact: '-61884.26',
    });
  });

  it('keeps fractional fen, which the doc allows by typing RealBalance as Float', () => {
    expect(readAccountBalance({ Response: { RealBalance: 12.5 } }, 'CNY').money.exact).toBe('0.125');
  });

  it('reads an empty account as 0.00, not as missing', () => {
    expect(readAccountBalance({ Response: { RealBalance: 0 } }, 'CNY').money).toEqual({
      amount: 0,
      currency: 'CNY',
      exact: '0.00',
    });
  });

  it.each([
    ['no balance at all', { Response: { RequestId: 'x' } }, 'Response.RealBalance is missing'],
    ['a null balance', { Response: { RealBalance: null } }, 'Response.RealBalance is not a decimal number (got null)'],
    ['no Response', { Error: 'x' }, 'Response is not an object (got nothing)'],
    ['a list', [], 'the answer is not an object (got a list)'],
  ])('refuses %s rather than reading 0', (_, json, message) => {
    expect(() => readAccountBalance(json, 'CNY')).toThrow(new ShapeProblem(message));
  });
});

describe('minor units', () => {
  it.each([
    [1, '0.01'],
    [-5, '-0.05'],
    [100, '1.00'],
    ['123456', '1234.56'],
    [-0, '0.00'],
    [0.4, '0.004'],
  ])('reads %p minor units as %s', (value, exact) => {
    expect(fromMinorUnits(value, 'x', 2).exact).toBe(exact);
  });

  it('shifts by one place for jiao', () => {
    expect(fromMinorUnits(12345, 'x', 1)).toEqual({ amount: 1234.5, exact: '1234.50' });
  });
});

describe('Tencent TRTC usage', () => {
  it('sums the categories of the documented shape into minutes per day', () => {
    const usage = readTrtcUsage({
      Response: {
        UsageKey: ['Audio', 'SD', 'HD', 'FullHD', '2K', '4K'],
        UsageList: [{ TimeKey: '2022-01-01 00:00:00', UsageValue: [10, 20, 30, 40, 50, 60] }],
        RequestId: 'xx',
      },
    });
    expect([...usage.minutesByDay]).toEqual([['2022-01-01', 210]]);
    expect([...usage.categoriesByDay]).toEqual([
      ['2022-01-01', { Audio: 10, SD: 20, HD: 30, FullHD: 40, '2K': 50, '4K': 60 }],
    ]);
  });

  it('folds 5-minute buckets (a one-day query) into their day', () => {
    const usage = readTrtcUsage({
      Response: {
        UsageKey: ['Audio', 'HD'],
        UsageList: [
          { TimeKey: '2026-09-29 00:00:00', UsageValue: [1, 2] },
          { TimeKey: '2026-09-29 00:05:00', UsageValue: [3, 4] },
          { TimeKey: '2026-09-29 23:55:00', UsageValue: [5, '6'] },
        ],
      },
    });
    expect([...usage.minutesByDay]).toEqual([['2026-09-29', 21]]);
    expect(usage.categoriesByDay.get('2026-09-29')).toEqual({ Audio: 9, HD: 12 });
  });

  it.each([
    [
      'a row with fewer values than keys',
      { UsageKey: ['Audio', 'HD'], UsageList: [{ TimeKey: '2026-09-29 00:00:00', UsageValue: [1] }] },
      'Response.UsageList[0].UsageValue has 1 values for 2 UsageKey entries',
    ],
    [
      'a time that is not one',
      { UsageKey: ['Audio'], UsageList: [{ TimeKey: 'yesterday', UsageValue: [1] }] },
      'Response.UsageList[0].TimeKey is not a "YYYY-MM-DD hh:mm:ss" time',
    ],
    [
      'a value that is not a number',
      { UsageKey: ['Audio'], UsageList: [{ TimeKey: '2026-09-29 00:00:00', UsageValue: [null] }] },
      'Response.UsageList[0].UsageValue[0] is not a decimal number (got null)',
    ],
    ['no UsageList', { UsageKey: [] }, 'Response.UsageList is not a list (got nothing)'],
    [
      'a negative duration',
      { UsageKey: ['Audio'], UsageList: [{ TimeKey: '2026-09-29 00:00:00', UsageValue: [-5] }] },
      'Response.UsageList[0].UsageValue[0] is a negative duration',
    ],
    [
      'a category without a name',
      { UsageKey: ['Audio', 7], UsageList: [] },
      'Response.UsageKey[1] is not a category name',
    ],
  ])('refuses %s', (_, response, message) => {
    expect(() => readTrtcUsage({ Response: response })).toThrow(new ShapeProblem(message));
  });
});

describe('Tencent errors inside HTTP 200', () => {
  const answer = (body: unknown, status = 200): HttpExchange => ({ status, headers: {}, body: JSON.stringify(body) });
  const error = (code: string) => answer({ Response: { Error: { Code: code, Message: 'words' }, RequestId: 'r-1' } });

  it('passes a 200 without Error', () => {
    expect(judgeTencent(answer(DOCUMENTED_BALANCE))).toEqual({ ok: true });
  });

  it.each([
    ['AuthFailure.SignatureFailure', 'auth', false],
    ['AuthFailure.SignatureExpire', 'auth', false],
    ['AuthFailure.SecretIdNotFound', 'auth', false],
    ['UnauthorizedOperation', 'auth', false],
    ['RequestLimitExceeded', 'throttled', true],
    ['RequestLimitExceeded.UinLimitExceeded', 'throttled', true],
    ['InternalError', 'server', true],
    ['InvalidParameterValue', 'client', false],
    ['ActionOffline', 'client', false],
  ])('reads %s as %s (retryable: %p)', (code, kind, retryable) => {
    expect(judgeTencent(error(code))).toEqual({
      ok: false,
      kind,
      retryable,
      code,
      message: 'words (RequestId r-1)',
    });
  });

  it('leaves a body that is not JSON to the JSON reader', () => {
    expect(judgeTencent({ status: 200, headers: {}, body: '<html>' })).toEqual({ ok: true });
  });

  it('judges a gateway error by its status, quoting the envelope when there is one', () => {
    expect(judgeTencent({ status: 502, headers: {}, body: 'Bad gateway' })).toEqual({
      ok: false,
      kind: 'server',
      retryable: true,
    });
    expect(judgeTencent({ ...error('InternalError'), status: 503 })).toEqual({
      ok: false,
      kind: 'server',
      retryable: true,
      code: 'InternalError',
      message: 'words (RequestId r-1)',
    });
  });
});

describe('Tencent options', () => {
  const account = (options: Record<string, unknown>): AccountConfig => ({
    id: 'tencent-main',
    vendor: 'tencent',
    credentials: 'renewal-guard/tencent-main',
    options,
  });

  it('defaults to the China site, every application and 30 days of usage', () => {
    expect(readTencentOptions(account({}))).toEqual({ site: 'cn', usageDays: 30 });
  });

  it('reads SdkAppIds written as strings or numbers', () => {
    expect(readTencentOptions(account({ site: 'intl', sdkAppIds: ['1400000001', 1400000002], usageDays: 0 }))).toEqual({
      site: 'intl',
      sdkAppIds: [1400000001, 1400000002],
      usageDays: 0,
    });
  });

  it('lists every problem at once', () => {
    expect(() => readTencentOptions(account({ site: 'us', sdkAppIds: ['app-1'], usageDays: 45, region: 'x' }))).toThrow(
      new AccountSetupError('tencent', 'tencent-main', [
        'option region: unknown option; this vendor takes site, sdkAppIds, usageDays, prices',
        'option site: expected one of cn, intl, got another string',
        'option sdkAppIds[0]: expected a TRTC SdkAppId (digits only)',
        'option usageDays: expected a whole number from 0 to 31, got 45',
      ]),
    );
  });
});
