/**
 * Malformed answers of the signed cloud APIs: Huawei, Tencent and Alibaba. Tencent and Alibaba rows are
 * the ones their adapters pass today; the ones they fail are listed in the issue 7 note (those adapters
 * are edited elsewhere).
 */
import { HTML_PAGE, NOT_JSON, type MalformedCase } from './malformed-case';

const BALANCES = 'ShowCustomerAccountBalances';
const PACKAGES = 'ListFreeResourceInfos';
const cash = (fields: Record<string, unknown>, root: Record<string, unknown> = {}) => ({
  '/v2/accounts/customer-accounts/balances': {
    body: { account_balances: [{ account_id: 'a1', account_type: 1, measure_id: 1, ...fields }], ...root },
  },
});
const fullPage = Array.from({ length: 100 }, (_, i) => ({ order_instance_id: `pkg-${i}`, status: 1 }));

const huawei: MalformedCase[] = [
  {
    name: 'a nested error envelope (error_code) with 200',
    vendor: 'huawei',
    script: {
      '/v2/accounts/customer-accounts/balances': {
        body: { error_code: 'CBC.0150', error_msg: 'Access denied.', request_id: 'r-9' },
      },
    },
    operation: BALANCES,
    place: 'code: CBC.0150',
  },
  {
    name: 'no balance account among the accounts',
    vendor: 'huawei',
    script: cash({ account_type: 5, amount: 10 }),
    operation: BALANCES,
    place: 'account_balances has no balance account (account_type 1)',
  },
  {
    name: 'amount "abc"',
    vendor: 'huawei',
    script: cash({ amount: 'abc' }),
    operation: BALANCES,
    place: 'account_balances[0].amount is not a decimal number',
  },
  {
    name: 'an unknown money unit',
    vendor: 'huawei',
    script: cash({ amount: 10, measure_id: 9 }),
    operation: BALANCES,
    place: 'account_balances[0].measure_id is not a money unit',
  },
  {
    name: 'a currency that is not a code',
    vendor: 'huawei',
    script: cash({ amount: 10, currency: 'yuan' }),
    operation: BALANCES,
    place: 'account_balances[0].currency is not a currency code',
  },
  {
    name: 'a negative total_count',
    vendor: 'huawei',
    script: { '/v3/payments/free-resources/query': { body: { total_count: -1, free_resource_packages: [] } } },
    operation: PACKAGES,
    place: 'total_count is not a count',
  },
  {
    name: 'a paging loop: the same full page for ever',
    vendor: 'huawei',
    script: { '/v3/payments/free-resources/query': { body: { free_resource_packages: fullPage } } },
    operation: PACKAGES,
    place: 'the list did not end within 50 pages of 100',
  },
  {
    name: 'an expiry that is no instant',
    vendor: 'huawei',
    script: {
      '/v3/payments/free-resources/query': {
        body: { total_count: 1, free_resource_packages: [{ order_instance_id: 'p', status: 1, expire_time: 'soon' }] },
      },
    },
    operation: PACKAGES,
    place: 'free_resource_packages[0].expire_time is not an ISO 8601 instant or epoch time',
  },
  {
    name: 'an expiry on 2026-02-30, which JavaScript would roll over to 2 March',
    vendor: 'huawei',
    script: {
      '/v3/payments/free-resources/query': {
        body: {
          total_count: 1,
          free_resource_packages: [{ order_instance_id: 'p', status: 1, expire_time: '2026-02-30T16:00:00Z' }],
        },
      },
    },
    operation: PACKAGES,
    place: 'free_resource_packages[0].expire_time is not an ISO 8601 instant or epoch time',
  },
  {
    name: 'an expiry in nanoseconds',
    vendor: 'huawei',
    script: {
      '/v3/payments/free-resources/query': {
        body: { total_count: 1, free_resource_packages: [{ order_instance_id: 'p', status: 1, expire_time: 1e18 }] },
      },
    },
    operation: PACKAGES,
    place: 'free_resource_packages[0].expire_time is not an ISO 8601 instant or epoch time',
  },
  {
    name: 'an RTC usage day of 2026-02-30',
    vendor: 'huawei',
    script: { '/rtc/history/usage': { body: { usage: [{ date: '2026-02-30', total_duration: 60 }] } } },
    operation: 'ListRtcHistoryUsage',
    place: 'usage[0].date is not a date YYYY-MM-DD',
  },
];

const BALANCE = 'DescribeAccountBalance';
const realBalance = (value: unknown) => ({
  DescribeAccountBalance: { body: { Response: { RealBalance: value, RequestId: 'r' } } },
});

const tencent: MalformedCase[] = [
  {
    name: 'a nested error envelope (Response.Error) with 200',
    vendor: 'tencent',
    script: {
      DescribeAccountBalance: {
        body: { Response: { Error: { Code: 'InvalidParameter', Message: 'bad' }, RequestId: 'r-1' } },
      },
    },
    operation: BALANCE,
    place: 'code: InvalidParameter',
  },
  {
    name: 'RealBalance as an object',
    vendor: 'tencent',
    script: realBalance({ fen: 1 }),
    operation: BALANCE,
    place: 'Response.RealBalance is not a decimal number (got an object)',
  },
  {
    name: 'RealBalance "abc"',
    vendor: 'tencent',
    script: realBalance('abc'),
    operation: BALANCE,
    place: 'Response.RealBalance is not a decimal number',
  },
  {
    name: 'no Response object',
    vendor: 'tencent',
    script: { DescribeAccountBalance: { body: { RealBalance: 100 } } },
    operation: BALANCE,
    place: 'Response is not an object (got nothing)',
  },
  {
    name: 'a usage row with fewer values than keys',
    vendor: 'tencent',
    script: {
      DescribeTrtcUsage: {
        body: {
          Response: {
            UsageKey: ['Audio', 'HD'],
            UsageList: [{ TimeKey: '2026-09-28 00:00:00', UsageValue: [10] }],
          },
        },
      },
    },
    operation: 'DescribeTrtcUsage',
    place: 'Response.UsageList[0].UsageValue has 1 values for 2 UsageKey entries',
  },
  {
    name: 'truncated JSON',
    vendor: 'tencent',
    script: { DescribeAccountBalance: { body: '{"Response":{"RealBal' } },
    operation: BALANCE,
    place: NOT_JSON,
  },
];

const ACCOUNT = 'QueryAccountBalance';
const INSTANCES = 'QueryAvailableInstances';
const available = (value: unknown) => ({
  QueryAccountBalance: { body: { Success: true, Data: { AvailableAmount: value } } },
});
const instances = Array.from({ length: 100 }, (_, i) => ({ InstanceID: `i-${i}`, ProductCode: 'rtc' }));

const alibaba: MalformedCase[] = [
  {
    name: 'a Code envelope with Success false and 200',
    vendor: 'alibaba',
    script: { QueryAccountBalance: { body: { Code: 'NotApplicable', Message: 'not for this site', Success: false } } },
    operation: ACCOUNT,
    place: 'code: NotApplicable',
  },
  {
    name: 'AvailableAmount as an object',
    vendor: 'alibaba',
    script: available({}),
    operation: ACCOUNT,
    place: 'Data.AvailableAmount is not a decimal number (got an object)',
  },
  {
    name: 'AvailableAmount "abc"',
    vendor: 'alibaba',
    script: available('abc'),
    operation: ACCOUNT,
    place: 'Data.AvailableAmount is not a decimal number',
  },
  {
    name: 'a negative TotalCount',
    vendor: 'alibaba',
    script: { QueryAvailableInstances: { body: { Success: true, Data: { TotalCount: '-1', InstanceList: [] } } } },
    operation: INSTANCES,
    place: 'Data.TotalCount is not a count',
  },
  {
    name: 'a paging loop: the same full page for ever',
    vendor: 'alibaba',
    script: { QueryAvailableInstances: { body: { Success: true, Data: { InstanceList: instances } } } },
    operation: INSTANCES,
    place: 'the list did not end within 50 pages of 100',
  },
  {
    name: 'an HTML error page with 200',
    vendor: 'alibaba',
    script: { QueryAccountBalance: { body: HTML_PAGE, contentType: 'text/html' } },
    operation: ACCOUNT,
    place: NOT_JSON,
  },
];

export const CLOUD_VENDOR_CASES: readonly MalformedCase[] = [...huawei, ...tencent, ...alibaba];
