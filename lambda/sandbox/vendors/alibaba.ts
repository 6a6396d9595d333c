/**
 * Alibaba Cloud BSS OpenAPI (2017-12-14) as the sandbox speaks it: RPC-style GETs signed with the
 * version 1.0 HMAC-SHA1 signature, recomputed from the received query; Timestamp within 15 minutes and
 * every SignatureNonce used once; errors as `{ RequestId, HostId, Code, Message, Recommend }` with the
 * documented statuses (throttling and InternalError as 400, an unknown AccessKey as 404). Actions:
 * QueryAccountBalance, QueryAvailableInstances, QueryResourcePackageInstances and QueryAccountBill.
 */
import { randomUUID } from 'node:crypto';
import { alibabaDemoFixture, ALIBABA_DEMO_KEY_ID, ALIBABA_DEMO_KEY_SECRET } from './alibaba-demo';
import { isCalendarDate } from '../../core/dates';
import type { IsoDate } from '../../core/model';
import { rpcSignature, rpcStringToSign } from '../../vendors/signing';
import type { SandboxRegistration } from '../sandbox-registration';
import type { SandboxReply, SandboxVendorModule } from '../sandbox-vendor';

export interface AlibabaSandboxAccount {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** QueryAccountBalance's documented `Data` (amounts as strings), answered as given. */
  readonly balance: Readonly<Record<string, unknown>>;
  /** QueryAvailableInstances entries with their documented fields (`InstanceID`, `EndTime`, `RenewStatus`...). */
  readonly instances?: readonly Readonly<Record<string, unknown>>[];
  /** QueryResourcePackageInstances entries (`InstanceId`, `ExpiryTime`, `RemainingAmount`...). */
  readonly resourcePackages?: readonly Readonly<Record<string, unknown>>[];
  /**
   * QueryAccountBill lines per Beijing day, with their documented fields (`ProductCode`, `ProductName`,
   * `PretaxAmount`, `Currency` ...), one per product; answered as given with `BillingDate` added.
   */
  readonly dailyBills?: Readonly<Record<IsoDate, readonly Readonly<Record<string, unknown>>[]>>;
  /**
   * The most entries one page of QueryAvailableInstances or QueryResourcePackageInstances holds,
   * whatever PageSize asks: the service may answer pages shorter than asked while `TotalCount` says
   * more remain, and a client that stops at the first short page leaves the rest unwatched.
   * @default - as many as PageSize asks
   */
  readonly maxPageSize?: number;
}

export interface AlibabaSandboxFixture {
  readonly accounts: readonly AlibabaSandboxAccount[];
}

/** The documented window: a Timestamp more than 15 minutes from server time is expired. */
export const ALIBABA_MAX_SKEW_MS = 15 * 60_000;
const HOST_ID = 'business.aliyuncs.com';
const REQUIRED = [
  'Action',
  'Version',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'Signature',
];
const usedNonces = new WeakMap<AlibabaSandboxAccount, Set<string>>();

export const alibabaSandboxModule: SandboxVendorModule<AlibabaSandboxFixture> = {
  vendor: 'alibaba',

  handle(request, fixture) {
    if (request.method !== 'GET' || request.path !== '/') return undefined;
    const params = Object.fromEntries(request.query);
    const absent = REQUIRED.find((name) => !params[name]);
    if (absent) return missing(absent);
    if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') {
      return bssError(400, 'IncompleteSignature', 'The request signature does not conform to Aliyun standards.');
    }
    const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(params.Timestamp)
      ? Date.parse(params.Timestamp)
      : NaN;
    if (Number.isNaN(timestamp)) {
      return bssError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
    }
    if (Math.abs(request.now.getTime() - timestamp) > ALIBABA_MAX_SKEW_MS) {
      return bssError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    }
    const account = fixture.accounts.find((a) => a.accessKeyId === params.AccessKeyId);
    if (!account) return bssError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    if (rpcSignature('GET', params, account.accessKeySecret) !== params.Signature) {
      // Alibaba quotes its string to sign, AccessKeyId included: clients must not echo it into logs.
      return bssError(
        400,
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${rpcStringToSign('GET', params)}`,
      );
    }
    const nonces = usedNonces.get(account) ?? new Set<string>();
    usedNonces.set(account, nonces);
    if (nonces.has(params.SignatureNonce)) {
      return bssError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    }
    nonces.add(params.SignatureNonce);
    if (params.Version !== '2017-12-14') {
      return bssError(400, 'InvalidVersion', 'Specified parameter Version is not valid.');
    }
    if (params.Format !== 'JSON') {
      return bssError(400, 'InvalidParameter', 'The sandbox answers Format=JSON only (the API defaults to XML).');
    }
    switch (params.Action) {
      case 'QueryAccountBalance':
        return bssOk({ Code: '200', Message: 'success', Data: { ...account.balance } });
      case 'QueryAvailableInstances':
        return availableInstances(account, params);
      case 'QueryResourcePackageInstances':
        return resourcePackages(account, params);
      case 'QueryAccountBill':
        return accountBill(account, params);
      default:
        return bssError(404, 'InvalidAction.NotFound', 'Specified api is not found, please check your url and method.');
    }
  },

  faultReply(kind) {
    return kind === 'auth-failure'
      ? bssError(400, 'SignatureDoesNotMatch', 'Specified signature is not matched with our calculation.')
      : bssError(400, 'Throttling.User', 'Request was denied due to user flow control.');
  },
};

type Paging = { page: number; size: number } | { error: SandboxReply };

function paging(params: Record<string, string>, maxSize: number): Paging {
  const page = Number(params.PageNum ?? '1');
  const size = Number(params.PageSize ?? '20');
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1 || size > maxSize) {
    return { error: bssError(400, 'InvalidParameter', `PageNum must be 1 or more and PageSize from 1 to ${maxSize}.`) };
  }
  return { page, size };
}

/** The page the service answers: PageSize as asked, capped by the fixture's `maxPageSize`. */
function capped(account: AlibabaSandboxAccount, p: { page: number; size: number }): { page: number; size: number } {
  return { page: p.page, size: Math.min(p.size, account.maxPageSize ?? p.size) };
}

function availableInstances(account: AlibabaSandboxAccount, params: Record<string, string>): SandboxReply {
  const asked = paging(params, 300);
  if ('error' in asked) return asked.error;
  const p = capped(account, asked);
  const matching = (account.instances ?? []).filter(
    (i) =>
      (!params.SubscriptionType || i.SubscriptionType === params.SubscriptionType) &&
      (!params.ProductCode || i.ProductCode === params.ProductCode) &&
      (!params.RenewStatus || i.RenewStatus === params.RenewStatus) &&
      (!params.EndTimeStart || String(i.EndTime) >= params.EndTimeStart) &&
      (!params.EndTimeEnd || String(i.EndTime) <= params.EndTimeEnd),
  );
  return bssOk({
    Code: 'Success',
    Message: 'Successful!',
    Data: {
      InstanceList: matching.slice((p.page - 1) * p.size, p.page * p.size),
      PageNum: p.page,
      PageSize: p.size,
      TotalCount: matching.length,
    },
  });
}

/** Counts as strings and the list nested as `Instances.Instance`, as the documented example shows. */
function resourcePackages(account: AlibabaSandboxAccount, params: Record<string, string>): SandboxReply {
  const asked = paging(params, 300);
  if ('error' in asked) return asked.error;
  const p = capped(account, asked);
  const matching = (account.resourcePackages ?? []).filter(
    (r) =>
      (!params.ProductCode || r.ProductCode === params.ProductCode) &&
      (!params.ExpiryTimeStart || String(r.ExpiryTime) >= params.ExpiryTimeStart) &&
      (!params.ExpiryTimeEnd || String(r.ExpiryTime) <= params.ExpiryTimeEnd),
  );
  return bssOk({
    Code: 'Success',
    Message: 'Successful!',
    Data: {
      PageNum: String(p.page),
      PageSize: String(p.size),
      TotalCount: String(matching.length),
      HostId: 'cn',
      Instances: { Instance: matching.slice((p.page - 1) * p.size, p.page * p.size) },
    },
  });
}

/**
 * QueryAccountBill: `BillingCycle` (YYYY-MM) is required; `Granularity=DAILY` needs a `BillingDate` of
 * that cycle and answers that day's lines, MONTHLY (the default) the cycle's. Lines come one per product
 * with `IsGroupByProduct=true`, else summed into one line for the account. Counts are numbers and the
 * list nests as `Items.Item`, as the SDK models have it.
 */
function accountBill(account: AlibabaSandboxAccount, params: Record<string, string>): SandboxReply {
  const cycle = params.BillingCycle;
  if (!cycle) return missing('BillingCycle');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(cycle)) {
    return bssError(400, 'InvalidParameter', 'The specified parameter BillingCycle is not valid (YYYY-MM).');
  }
  const granularity = params.Granularity || 'MONTHLY';
  if (granularity !== 'DAILY' && granularity !== 'MONTHLY') {
    return bssError(400, 'InvalidParameter', 'The specified parameter Granularity is not valid (MONTHLY or DAILY).');
  }
  const p = paging(params, 300);
  if ('error' in p) return p.error;
  const bills = account.dailyBills ?? {};
  let days: IsoDate[];
  if (granularity === 'DAILY') {
    const date = params.BillingDate;
    if (!date) return missing('BillingDate');
    if (!isCalendarDate(date) || !date.startsWith(`${cycle}-`)) {
      return bssError(400, 'InvalidParameter', 'The specified parameter BillingDate is not a day of the BillingCycle.');
    }
    days = [date];
  } else {
    days = Object.keys(bills)
      .filter((d) => d.startsWith(`${cycle}-`))
      .sort();
  }
  let lines = days.flatMap((day) =>
    (bills[day] ?? []).map((line): Record<string, unknown> => ({
      ...(granularity === 'DAILY' && { BillingDate: day }),
      ...line,
    })),
  );
  if (params.ProductCode) lines = lines.filter((l) => l.ProductCode === params.ProductCode);
  if (granularity === 'MONTHLY' || params.IsGroupByProduct !== 'true') {
    lines = summed(lines, params.IsGroupByProduct === 'true');
  }
  return bssOk({
    Code: 'Success',
    Message: 'Successful!',
    Data: {
      BillingCycle: cycle,
      AccountID: DEMO_OWNER_ID,
      AccountName: 'sandbox@aliyun.com',
      PageNum: p.page,
      PageSize: p.size,
      TotalCount: lines.length,
      Items: { Item: lines.slice((p.page - 1) * p.size, p.page * p.size) },
    },
  });
}

const DEMO_OWNER_ID = '1234567890123456';

/** Lines summed per product (or for the whole account), in cents so sums stay exact. */
function summed(lines: readonly Record<string, unknown>[], byProduct: boolean): Record<string, unknown>[] {
  const groups = new Map<string, Record<string, unknown>>();
  for (const line of lines) {
    const key = byProduct ? String(line.ProductCode ?? '') : '';
    const group = groups.get(key) ?? {
      ...(byProduct && { ProductCode: line.ProductCode, ProductName: line.ProductName }),
      Currency: line.Currency,
      PretaxAmount: 0,
    };
    group.PretaxAmount = Math.round(Number(group.PretaxAmount) * 100 + Number(line.PretaxAmount) * 100) / 100;
    groups.set(key, group);
  }
  return [...groups.values()];
}

function missing(name: string): SandboxReply {
  return bssError(
    400,
    'MissingParameter',
    `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
  );
}

function bssOk(body: Record<string, unknown>): SandboxReply {
  return { status: 200, body: { ...body, RequestId: randomUUID().toUpperCase(), Success: true } };
}

function bssError(status: number, code: string, message: string): SandboxReply {
  return {
    status,
    body: {
      RequestId: randomUUID().toUpperCase(),
      HostId: HOST_ID,
      Code: code,
      Message: message,
      Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(code)}&product=BssOpenApi`,
    },
  };
}

export const alibabaSandbox: SandboxRegistration<AlibabaSandboxFixture> = {
  module: alibabaSandboxModule,
  demo: {
    fixture: alibabaDemoFixture,
    accounts: () => [
      {
        id: 'alibaba-main',
        vendor: 'alibaba',
        credentials: 'renewal-guard/alibaba-main',
        secret: { accessKeyId: ALIBABA_DEMO_KEY_ID, accessKeySecret: ALIBABA_DEMO_KEY_SECRET },
        options: { site: 'cn' },
      },
    ],
  },
};
