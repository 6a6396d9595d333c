/**
 * Twilio's 2010-04-01 REST API as vendor-apis.md §2 documents it: Basic auth with the Account SID and
 * auth token or an API key SID and secret; the `.json` suffix (XML otherwise); `Balance.json` with the
 * balance as a string; daily Usage Records in the page envelope (`next_page_uri`, `PageSize`, `Page`,
 * `PageToken`) with counts and prices as strings and a lower-case `price_unit`; `StartDate`/`EndDate` as
 * dates or offsets (`-30days`); errors as `{ code, message, more_info, status }` (20003, 20404, 20429).
 */
import { addUtcDays, readBasicAuth, utcDate } from '../sandbox-auth';
import type { SandboxRegistration } from '../sandbox-registration';
import type { SandboxReply, SandboxRequest, SandboxVendorModule } from '../sandbox-vendor';

export interface TwilioSandboxFixture {
  readonly accounts: readonly TwilioSandboxAccount[];
}

export interface TwilioSandboxAccount {
  readonly accountSid: string;
  readonly authToken: string;
  readonly apiKeys?: readonly { readonly sid: string; readonly secret: string }[];
  /** As Balance.json sends it: a string such as `"12.29"` (a number to test tolerance). */
  readonly balance: string | number;
  readonly currency: string;
  readonly dailyUsage: readonly TwilioSandboxUsageDay[];
}

export interface TwilioSandboxUsageDay {
  readonly date: string;
  readonly category: string;
  readonly price: string | number | null;
  /** @default 'usd' */
  readonly priceUnit?: string;
  readonly usage?: string;
  readonly usageUnit?: string;
  readonly count?: string;
  readonly countUnit?: string;
}

const API = '/2010-04-01';

function error(status: number, code: number, message: string): SandboxReply {
  return { status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } };
}

function handle(request: SandboxRequest, fixture: TwilioSandboxFixture): SandboxReply {
  const auth = readBasicAuth(request.headers);
  const account = fixture.accounts.find(
    (a) =>
      auth !== undefined &&
      ((a.accountSid === auth.user && a.authToken === auth.password) ||
        (a.apiKeys ?? []).some((k) => k.sid === auth.user && k.secret === auth.password)),
  );
  if (!account) return error(401, 20003, 'Authenticate');
  const match = /^\/2010-04-01\/Accounts\/([^/]+)\/(.+)$/.exec(request.path);
  if (request.method !== 'GET' || !match || match[1] !== account.accountSid) return notFound(request);
  const resource = match[2];
  if (!resource.endsWith('.json')) {
    // The 2010 API answers XML unless asked for JSON.
    return {
      status: 200,
      headers: { 'content-type': 'application/xml' },
      body: `<?xml version='1.0' encoding='UTF-8'?>\n<TwilioResponse><Balance><Balance>${account.balance}</Balance></Balance></TwilioResponse>`,
    };
  }
  if (resource === 'Balance.json') {
    return {
      status: 200,
      body: { currency: account.currency, balance: account.balance, account_sid: account.accountSid },
    };
  }
  if (resource === 'Usage/Records/Daily.json') return daily(request, account);
  return notFound(request);
}

function notFound(request: SandboxRequest): SandboxReply {
  return error(404, 20404, `The requested resource ${request.path} was not found`);
}

/** `YYYY-MM-DD`, or an offset in days from today (GMT) such as `-30days`. */
function readDate(value: string | null, today: string): string | undefined | null {
  if (value === null) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const offset = /^([+-]\d+)days$/.exec(value);
  return offset ? addUtcDays(today, Number(offset[1])) : null;
}

function daily(request: SandboxRequest, account: TwilioSandboxAccount): SandboxReply {
  const q = request.query;
  const today = utcDate(request.now);
  const start = readDate(q.get('StartDate'), today);
  const end = readDate(q.get('EndDate'), today);
  if (start === null || end === null) return error(400, 20001, 'Invalid StartDate or EndDate');
  const category = q.get('Category');
  const pageSize = Math.min(1000, Number(q.get('PageSize') ?? 50));
  const page = Number(q.get('Page') ?? 0);
  if (!Number.isInteger(pageSize) || pageSize < 1 || !Number.isInteger(page) || page < 0) {
    return error(400, 20001, 'Invalid paging parameters');
  }
  const records = account.dailyUsage
    .filter(
      (d) => (category === null || d.category === category) && (!start || d.date >= start) && (!end || d.date <= end),
    )
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)); // newest first
  const slice = records.slice(page * pageSize, (page + 1) * pageSize);
  const base = `${API}/Accounts/${account.accountSid}/Usage/Records/Daily.json`;
  const filters = new URLSearchParams();
  if (category !== null) filters.set('Category', category);
  if (start) filters.set('StartDate', start);
  if (end) filters.set('EndDate', end);
  filters.set('PageSize', String(pageSize));
  const pageUri = (n: number) => {
    const params = new URLSearchParams(filters);
    params.set('Page', String(n));
    if (n > 0) params.set('PageToken', `PASB${n}`);
    return `${base}?${params.toString()}`;
  };
  const hasNext = (page + 1) * pageSize < records.length;
  return {
    status: 200,
    body: {
      first_page_uri: pageUri(0),
      end: page * pageSize + Math.max(0, slice.length - 1),
      previous_page_uri: page > 0 ? pageUri(page - 1) : null,
      uri: pageUri(page),
      page_size: pageSize,
      start: page * pageSize,
      next_page_uri: hasNext ? pageUri(page + 1) : null,
      page,
      usage_records: slice.map((d) => record(account, d, request.now)),
    },
  };
}

function record(account: TwilioSandboxAccount, d: TwilioSandboxUsageDay, now: Date): Record<string, unknown> {
  const sid = account.accountSid;
  const uri = `${API}/Accounts/${sid}/Usage/Records/Daily.json?Category=${d.category}&StartDate=${d.date}&EndDate=${d.date}`;
  const sub = (name: string) => `${API}/Accounts/${sid}/Usage/Records/${name}.json?Category=${d.category}`;
  return {
    category: d.category,
    description: d.category === 'totalprice' ? 'Total Price' : d.category,
    account_sid: sid,
    api_version: '2010-04-01',
    as_of: `${now.toISOString().slice(0, 19)}+00:00`,
    start_date: d.date,
    end_date: d.date,
    count: d.count ?? '',
    count_unit: d.countUnit ?? '',
    usage: d.usage ?? (d.price === null ? '0' : String(d.price)),
    usage_unit: d.usageUnit ?? 'usd',
    price: d.price,
    price_unit: d.priceUnit ?? 'usd',
    uri,
    subresource_uris: {
      all_time: sub('AllTime'),
      today: sub('Today'),
      yesterday: sub('Yesterday'),
      this_month: sub('ThisMonth'),
      last_month: sub('LastMonth'),
      daily: sub('Daily'),
      monthly: sub('Monthly'),
      yearly: sub('Yearly'),
    },
  };
}

export const twilioSandboxModule: SandboxVendorModule<TwilioSandboxFixture> = {
  vendor: 'twilio',
  handle,
  faultReply: (kind) =>
    kind === 'throttle' ? error(429, 20429, 'Too Many Requests') : error(401, 20003, 'Authenticate'),
};

// ---- demo: a pay-as-you-go account spending about $11 a day on video

const DEMO_SID = 'AC00000000000000000000000000demo1';
const DEMO_TOKEN = 'demo-twilio-auth-token-000000000';

function demoFixture(now: Date): TwilioSandboxFixture {
  const today = utcDate(now);
  const dailyUsage = Array.from({ length: 30 }, (_, i) => {
    const price = 11 + 3 * Math.sin(i / 3);
    return { date: addUtcDays(today, -30 + i), category: 'totalprice', price: price.toFixed(2) };
  });
  return {
    accounts: [{ accountSid: DEMO_SID, authToken: DEMO_TOKEN, balance: '182.40', currency: 'USD', dailyUsage }],
  };
}

export const twilioSandbox: SandboxRegistration<TwilioSandboxFixture> = {
  module: twilioSandboxModule,
  demo: {
    fixture: demoFixture,
    accounts: () => [
      {
        id: 'twilio-video',
        vendor: 'twilio',
        credentials: 'renewal-guard/twilio-video',
        secret: { accountSid: DEMO_SID, authToken: DEMO_TOKEN },
        options: {},
      },
    ],
  },
};
