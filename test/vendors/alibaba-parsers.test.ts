import type { AccountConfig } from '../../lambda/core/model';
import type { HttpExchange } from '../../lambda/core/vendor-http-port';
import {
  judgeAlibaba,
  readAccountBalance,
  readAlibabaOptions,
  readInstancesPage,
  readPackagesPage,
} from '../../lambda/vendors/alibaba/index';
import { collectPages, lastServiceDay, readInstant } from '../../lambda/vendors/cn-cloud';
import { AccountSetupError, ShapeProblem, VendorError } from '../../lambda/vendors/http';

/** QueryAccountBalance, the documented JSON example (help.aliyun.com/document_detail/87997.html). */
const DOCUMENTED_BALANCE = {
  Code: '200',
  Message: 'success',
  RequestId: '16176743-6DC7-4CB3-BB25-A13982D8DFAD',
  Success: true,
  Data: {
    AvailableAmount: '10000.00',
    CreditAmount: '0.00',
    MybankCreditAmount: '0.00',
    Currency: 'CNY',
    AvailableCashAmount: '10000.00',
    QuotaLimit: '10000.00',
  },
};

describe('Alibaba balance', () => {
  it('reads the documented example as an exact decimal in its currency', () => {
    const balance = readAccountBalance(DOCUMENTED_BALANCE, 'USD');
    expect(balance.money).toEqual({ amount: 10000, currency: 'CNY', exact: '10000.00' });
    expect(balance.response.RequestId).toBe('16176743-6DC7-4CB3-BB25-A13982D8DFAD');
  });

  it.each([
    ['a negative amount (arrears), as the older doc shows', '-11.19', -11.19, '-11.19'],
    ['thousands separators, which no doc shows but none rules out', '1,234.50', 1234.5, '1234.50'],
    ['a number instead of a string', 12.3, 12.3, '12.3'],
  ])('reads %s', (_, value, amount, exact) => {
    expect(readAccountBalance({ Data: { AvailableAmount: value, Currency: 'USD' } }, 'CNY').money).toEqual({
      amount,
      currency: 'USD',
      exact,
    });
  });

  it("uses the site's currency only when the answer leaves Currency out", () => {
    expect(readAccountBalance({ Data: { AvailableAmount: '1.00' } }, 'USD').money.currency).toBe('USD');
  });

  it.each([
    ['no amount', { Data: { Currency: 'CNY' } }, 'Data.AvailableAmount is missing'],
    [
      'an amount that is not one',
      { Data: { AvailableAmount: 'N/A' } },
      'Data.AvailableAmount is not a decimal number (got a string that is not one)',
    ],
    ['no Data', { Code: '200' }, 'Data is not an object (got nothing)'],
  ])('refuses %s rather than reading 0', (_, json, message) => {
    expect(() => readAccountBalance(json, 'CNY')).toThrow(new ShapeProblem(message));
  });
});

describe('Alibaba subscriptions', () => {
  it('reads the end date as the last Beijing day of service, and the renewal mode', () => {
    const page = readInstancesPage({
      Code: 'Success',
      Success: true,
      Data: {
        PageNum: 1,
        PageSize: 20,
        TotalCount: 3,
        InstanceList: [
          { InstanceID: 1049056, ProductCode: 'rds', EndTime: '2019-09-08T16:00:00Z', RenewStatus: 'AutoRenewal' },
          { InstanceID: 'rtc-1', ProductCode: 'rtc', EndTime: '2026-11-09T16:00:00Z', RenewStatus: 'ManualRenewal' },
          { InstanceID: 'x-2', EndTime: '2026-11-09T16:00:00Z', RenewStatus: 'NotRenewal', Status: 'Expired' },
        ],
      },
    });
    expect(page).toEqual({
      total: 3,
      items: [
        { id: '1049056', name: 'rds 1049056', expiresOn: '2019-09-08', autoRenew: true },
        { id: 'rtc-1', name: 'rtc rtc-1', expiresOn: '2026-11-09', autoRenew: false },
        { id: 'x-2', name: 'x-2', expiresOn: '2026-11-09', autoRenew: false },
      ],
    });
  });

  it('leaves out what the answer does not say', () => {
    expect(
      readInstancesPage({ Data: { TotalCount: '1', InstanceList: [{ InstanceID: 'a', RenewStatus: '?' }] } }),
    ).toEqual({
      total: 1,
      items: [{ id: 'a', name: 'a' }],
    });
  });

  it('reads an empty account that leaves the list out', () => {
    expect(readInstancesPage({ Data: { TotalCount: 0 } })).toEqual({ items: [], total: 0 });
  });

  it.each([
    [
      'an end time that is not ISO 8601',
      [{ InstanceID: 'a', EndTime: '2019/09/08' }],
      'Data.InstanceList[0].EndTime is not an ISO 8601 instant or epoch time',
    ],
    ['an instance without id', [{ EndTime: '2019-09-08T16:00:00Z' }], 'Data.InstanceList[0].InstanceID is missing'],
  ])('refuses %s', (_, list, message) => {
    expect(() => readInstancesPage({ Data: { InstanceList: list } })).toThrow(new ShapeProblem(message));
  });

  it('refuses a missing list when the total says there is one', () => {
    expect(() => readInstancesPage({ Data: { TotalCount: 2 } })).toThrow(
      new ShapeProblem('Data.InstanceList is missing'),
    );
  });
});

describe('Alibaba resource plans', () => {
  it('reads the documented fragment: counts as strings, the list under Instances.Instance', () => {
    const page = readPackagesPage({
      Code: 'Success',
      Success: true,
      Data: {
        PageNum: '1',
        PageSize: '20',
        TotalCount: '12',
        HostId: 'cn',
        Instances: {
          Instance: [
            {
              ExpiryTime: '2019-03-12T16:00:00Z',
              Status: 'Available',
              Remark: '标准存储包(华东2)',
              RemainingAmountUnit: 'GB',
              RemainingAmount: '35.5',
              InstanceId: 'OSSBAG-cn-v0h1s4hma01',
              PackageType: 'FPT_ossbag_absolute_Storage_sh',
              EffectiveTime: '2018-03-12T16:00:00Z',
            },
          ],
        },
      },
    });
    expect(page).toEqual({
      total: 12,
      listed: 1,
      items: [
        {
          id: 'OSSBAG-cn-v0h1s4hma01',
          name: '标准存储包(华东2)',
          expiresOn: '2019-03-12',
          remaining: 35.5,
          unit: 'GB',
        },
      ],
    });
  });

  it('leaves expired plans out but still counts them as listed', () => {
    const page = readPackagesPage({
      Data: {
        TotalCount: '2',
        Instances: {
          Instance: [
            { InstanceId: 'old', Status: 'Expired', ExpiryTime: '2020-01-01T16:00:00Z' },
            { InstanceId: 'new', Status: 'Available', PackageType: 'FPT_rtc', ExpiryTime: '2027-01-01T16:00:00Z' },
          ],
        },
      },
    });
    expect(page).toEqual({ total: 2, listed: 2, items: [{ id: 'new', name: 'FPT_rtc', expiresOn: '2027-01-01' }] });
  });
});

describe('Alibaba error envelopes', () => {
  const answer = (status: number, body: unknown): HttpExchange => ({ status, headers: {}, body: JSON.stringify(body) });
  const envelope = (status: number, code: string) =>
    answer(status, {
      RequestId: 'R-1',
      HostId: 'business.aliyuncs.com',
      Code: code,
      Message: 'words',
      Recommend: 'https://x',
    });

  it('passes the documented success', () => {
    expect(judgeAlibaba(answer(200, DOCUMENTED_BALANCE))).toEqual({ ok: true });
  });

  it.each([
    [400, 'Throttling.User', 'throttled', true],
    [400, 'Throttling', 'throttled', true],
    [400, 'SignatureDoesNotMatch', 'auth', false],
    [404, 'InvalidAccessKeyId.NotFound', 'auth', false],
    [400, 'InvalidAccessKeyId.Inactive', 'auth', false],
    [403, 'Forbidden.RAM', 'auth', false],
    [400, 'NotAuthorized', 'auth', false],
    [400, 'InvalidTimeStamp.Expired', 'auth', false],
    [400, 'InternalError', 'server', true],
    [500, 'UndefinedError', 'server', true],
    [400, 'NotApplicable', 'client', false],
    [400, 'InvalidParameter', 'client', false],
  ])('reads HTTP %i %s as %s (retryable: %p)', (status, code, kind, retryable) => {
    expect(judgeAlibaba(envelope(status, code))).toEqual({
      ok: false,
      kind,
      retryable,
      code,
      message: 'words (RequestId R-1)',
    });
  });

  it('fails a 200 that says Success: false', () => {
    expect(judgeAlibaba(answer(200, { Code: 'NotApplicable', Message: 'no', Success: false }))).toEqual({
      ok: false,
      kind: 'client',
      retryable: false,
      code: 'NotApplicable',
      message: 'no',
    });
  });

  it('judges an answer without envelope by its status', () => {
    expect(judgeAlibaba({ status: 502, headers: {}, body: '<html>' })).toEqual({
      ok: false,
      kind: 'server',
      retryable: true,
    });
    expect(judgeAlibaba({ status: 200, headers: {}, body: '<html>' })).toEqual({ ok: true });
  });
});

describe('Alibaba options', () => {
  const account = (options: Record<string, unknown>): AccountConfig => ({
    id: 'ali',
    vendor: 'alibaba',
    credentials: 's',
    options,
  });

  it('defaults to the China site and every product', () => {
    expect(readAlibabaOptions(account({}))).toEqual({ site: 'cn', usageDays: 15 });
    expect(readAlibabaOptions(account({ site: 'intl', productCodes: ['rtc'], usageDays: 0 }))).toEqual({
      site: 'intl',
      productCodes: ['rtc'],
      usageDays: 0,
    });
  });

  it('lists every problem at once', () => {
    expect(() => readAlibabaOptions(account({ site: 'hk', productCodes: 'rtc', usageDays: 32, prices: {} }))).toThrow(
      new AccountSetupError('alibaba', 'ali', [
        'option prices: unknown option; this vendor takes site, productCodes, usageDays',
        'option site: expected one of cn, intl, got another string',
        'option productCodes: expected a non-empty list of strings, got another string',
        'option usageDays: expected a whole number from 0 to 31, got 32',
      ]),
    );
  });
});

describe('Beijing days and vendor instants', () => {
  it.each([
    ['2019-09-08T16:00:00Z', '2019-09-08'],
    ['2019-09-08T16:00:01Z', '2019-09-09'],
    ['2024-09-10T01:09:42Z', '2024-09-10'],
    ['2026-12-31T23:59:59+08:00', '2026-12-31'],
  ])('uses %s through Beijing day %s', (instant, day) => {
    expect(lastServiceDay(readInstant(instant, 'x'))).toBe(day);
  });

  it('reads epoch seconds and milliseconds alike', () => {
    expect(readInstant(1790731800, 'x').toISOString()).toBe('2026-09-30T01:30:00.000Z');
    expect(readInstant(1790731800000, 'x').toISOString()).toBe('2026-09-30T01:30:00.000Z');
  });

  it.each([['2026-09-30'], ['2026-09-30 01:30:00'], [''], [null], [-1]])('refuses %p', (value) => {
    expect(() => readInstant(value, 'EndTime')).toThrow(
      new ShapeProblem('EndTime is not an ISO 8601 instant or epoch time'),
    );
  });
});

describe('paged lists', () => {
  const call = { vendor: 'alibaba' as const, accountId: 'ali', operation: 'QueryAvailableInstances' };

  it('stops at a short page', async () => {
    const asked: number[] = [];
    const items = await collectPages(call, 2, async (i) => {
      asked.push(i);
      return { items: i === 0 ? ['a', 'b'] : ['c'] };
    });
    expect(items).toEqual(['a', 'b', 'c']);
    expect(asked).toEqual([0, 1]);
  });

  it('stops once the total is reached, without asking for an empty page', async () => {
    const asked: number[] = [];
    await collectPages(call, 2, async (i) => {
      asked.push(i);
      return { items: ['x', 'y'], total: 4 };
    });
    expect(asked).toEqual([0, 1]);
  });

  it('fails a list that never ends instead of looping', async () => {
    await expect(collectPages(call, 1, async () => ({ items: ['same'] }))).rejects.toThrow(
      new VendorError({ ...call, kind: 'client', attempts: 50, reason: 'the list did not end within 50 pages of 1' }),
    );
  });
});
