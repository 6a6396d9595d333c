/**
 * Tencent Cloud API 3.0 as the sandbox speaks it: JSON POSTs signed with TC3-HMAC-SHA256, checked by
 * recomputing the signature from what arrived; errors in HTTP 200 under `Response.Error`, as Tencent
 * sends them; DescribeAccountBalance (fen / US cents) and DescribeTrtcUsage (minutes) from fixture data.
 */
import { randomUUID } from 'node:crypto';
import { addDays, daysBetween, dayOfWeek, isCalendarDate, localDate } from '../../core/dates';
import type { IsoDate } from '../../core/model';
import {
  parseTc3Authorization,
  tc3CanonicalRequest,
  tc3Date,
  tc3Signature,
  tc3StringToSign,
} from '../../vendors/signing';
import type { SandboxRegistration } from '../sandbox-registration';
import type { SandboxReply, SandboxRequest, SandboxVendorModule } from '../sandbox-vendor';

export interface TencentSandboxApp {
  readonly sdkAppId: number;
  /** Minutes per Beijing day, one value per TRTC_USAGE_KEY entry; days without an entry are all 0. */
  readonly days: Readonly<Record<IsoDate, readonly number[]>>;
}

export interface TencentSandboxAccount {
  readonly secretId: string;
  readonly secretKey: string;
  /** DescribeAccountBalance's documented fields, in minor units, answered as given plus a RequestId. */
  readonly balance: Readonly<Record<string, unknown>>;
  readonly trtcApps?: readonly TencentSandboxApp[];
}

export interface TencentSandboxFixture {
  readonly accounts: readonly TencentSandboxAccount[];
}

export const TRTC_USAGE_KEY = ['Audio', 'SD', 'HD', 'FullHD', '2K', '4K'] as const;

/** The documented clock tolerance: "more than 5 minutes" from server time is SignatureExpire. */
export const TENCENT_MAX_SKEW_SECONDS = 300;

const ACTIONS: Readonly<Record<string, { service: string; version: string }>> = {
  DescribeAccountBalance: { service: 'billing', version: '2018-07-09' },
  DescribeTrtcUsage: { service: 'trtc', version: '2019-07-22' },
};

export const tencentSandboxModule: SandboxVendorModule<TencentSandboxFixture> = {
  vendor: 'tencent',

  handle(request, fixture) {
    if (request.method !== 'POST' || request.path !== '/') return undefined;
    const account = authenticate(request, fixture);
    if ('reply' in account) return account.reply;
    const action = request.headers['x-tc-action'] ?? '';
    const spec = ACTIONS[action];
    if (!spec) return tencentError('InvalidAction', `The requested action \`${action}\` does not exist.`);
    if (account.service !== spec.service) {
      return tencentError('AuthFailure.SignatureFailure', SIGNATURE_FAILURE);
    }
    if (request.headers['x-tc-version'] !== spec.version) {
      return tencentError('NoSuchVersion', `The requested version of \`${action}\` does not exist.`);
    }
    let params: Record<string, unknown>;
    try {
      params = JSON.parse(request.body) as Record<string, unknown>;
    } catch {
      return tencentError('InvalidParameter', 'The request body is not valid JSON.');
    }
    if (action === 'DescribeAccountBalance') return tencentOk({ ...account.account.balance });
    return trtcUsage(account.account, params);
  },

  faultReply(kind) {
    return kind === 'auth-failure'
      ? tencentError('AuthFailure.SignatureFailure', SIGNATURE_FAILURE)
      : tencentError(
          'RequestLimitExceeded',
          'Your current request times exceeds the frequency limit for a second. Please reduce the frequency of calls.',
        );
  },
};

const SIGNATURE_FAILURE = 'The provided credentials could not be validated. Please check your signature is correct.';

type Authenticated =
  { readonly account: TencentSandboxAccount; readonly service: string } | { readonly reply: SandboxReply };

function authenticate(request: SandboxRequest, fixture: TencentSandboxFixture): Authenticated {
  const credential = parseTc3Authorization(request.headers.authorization);
  if (!credential) {
    return {
      reply: tencentError(
        'AuthFailure.InvalidAuthorization',
        'The Authorization header is not a valid TC3-HMAC-SHA256 header.',
      ),
    };
  }
  const timestampText = request.headers['x-tc-timestamp'] ?? '';
  if (!/^\d{1,12}$/.test(timestampText)) {
    return { reply: tencentError('MissingParameter', 'The request is missing a valid X-TC-Timestamp header.') };
  }
  const timestamp = Number(timestampText);
  if (Math.abs(request.now.getTime() / 1000 - timestamp) > TENCENT_MAX_SKEW_SECONDS) {
    return {
      reply: tencentError(
        'AuthFailure.SignatureExpire',
        `Signature expired. Timestamp ${timestamp} is more than 5 minutes away from the server time.`,
      ),
    };
  }
  const account = fixture.accounts.find((a) => a.secretId === credential.secretId);
  if (!account) {
    return {
      reply: tencentError(
        'AuthFailure.SecretIdNotFound',
        'The SecretId is not found, please ensure that your SecretId is correct.',
      ),
    };
  }
  const signsBoth = credential.signedHeaders.includes('content-type') && credential.signedHeaders.includes('host');
  if (!signsBoth || credential.date !== tc3Date(timestamp)) {
    return { reply: tencentError('AuthFailure.SignatureFailure', SIGNATURE_FAILURE) };
  }
  const canonical = tc3CanonicalRequest({
    method: request.method,
    // The signing client saw the whole path, the vendor prefix of the sandbox URL included.
    canonicalUri: `/tencent${request.path}`,
    canonicalQuery: request.query.toString(),
    headers: { ...request.headers, host: request.host },
    signedHeaders: credential.signedHeaders,
    payload: request.body,
  });
  const expected = tc3Signature(
    account.secretKey,
    credential.date,
    credential.service,
    tc3StringToSign(timestamp, credential.service, canonical),
  );
  if (expected !== credential.signature) {
    return { reply: tencentError('AuthFailure.SignatureFailure', SIGNATURE_FAILURE) };
  }
  return { account, service: credential.service };
}

/** Daily rows over more than one day; 5-minute rows for one day, as documented. At most 31 days. */
function trtcUsage(account: TencentSandboxAccount, params: Record<string, unknown>): SandboxReply {
  const start = params.StartTime;
  const end = params.EndTime;
  if (!isCalendarDate(start) || !isCalendarDate(end) || end < start) {
    return tencentError('InvalidParameterValue', 'StartTime and EndTime must be dates YYYY-MM-DD, StartTime first.');
  }
  if (daysBetween(start, end) + 1 > 31) {
    return tencentError('InvalidParameterValue', 'The query spans more than 31 days.');
  }
  const apps = account.trtcApps ?? [];
  const wanted = params.SdkAppId === undefined ? apps : apps.filter((a) => a.sdkAppId === params.SdkAppId);
  if (params.SdkAppId !== undefined && wanted.length === 0) {
    return tencentError('InvalidParameter.SdkAppId', 'The SdkAppId does not exist or does not belong to this account.');
  }
  const rows: { TimeKey: string; UsageValue: number[] }[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) {
    const values = TRTC_USAGE_KEY.map((_, k) => wanted.reduce((sum, app) => sum + (minutesOf(app, day)[k] ?? 0), 0));
    if (start === end) {
      // One day comes in 5-minute buckets; the sandbox books the day's minutes in its first bucket.
      for (let slot = 0; slot < 288; slot++) {
        const time = `${String(Math.floor(slot / 12)).padStart(2, '0')}:${String((slot % 12) * 5).padStart(2, '0')}:00`;
        rows.push({ TimeKey: `${day} ${time}`, UsageValue: slot === 0 ? values : values.map(() => 0) });
      }
    } else {
      rows.push({ TimeKey: `${day} 00:00:00`, UsageValue: values });
    }
  }
  return tencentOk({ UsageKey: [...TRTC_USAGE_KEY], UsageList: rows });
}

function minutesOf(app: TencentSandboxApp, day: IsoDate): readonly number[] {
  return app.days[day] ?? [];
}

function tencentOk(fields: Record<string, unknown>): SandboxReply {
  return { status: 200, body: { Response: { ...fields, RequestId: randomUUID() } } };
}

function tencentError(code: string, message: string): SandboxReply {
  return { status: 200, body: { Response: { Error: { Code: code, Message: message }, RequestId: randomUUID() } } };
}

// ---- demo: an international-site account with US$1,823.50, daily usage of one TRTC application and a
// declared price table, so its minutes become US dollars a day and the demo shows a runway

const DEMO_SECRET_ID = 'AKIDsandboxTencentDemo00000000000001';
const DEMO_SECRET_KEY = 'sandbox-tencent-demo-secret-key-0001';
const DEMO_SDK_APP_ID = 1400123456;

/**
 * TRTC prices in USD per 1,000 minutes, as a user would declare them. Audio is the documented 0.99
 * (intl.cloud.tencent.com/document/product/647/39785); the video tiers are illustrative, close to the
 * documented 1:4 / 1:9 / 1:16 / 1:36 weights of HD, FHD, 2K and 4K against audio
 * (tencentcloud.com/document/product/647/42734), SD priced as HD (aggregate-resolution billing has no
 * SD tier). A real account declares its own contract's prices.
 */
export const TENCENT_DEMO_PRICES = {
  currency: 'USD',
  perThousandMinutes: { Audio: 0.99, SD: 3.99, HD: 3.99, FullHD: 8.99, '2K': 15.99, '4K': 35.99 },
} as const;

function demoFixture(now: Date): TencentSandboxFixture {
  const today = localDate(now, 'Asia/Shanghai');
  const days: Record<IsoDate, number[]> = {};
  // the 45 days before `now` and the 30 after it: the demo's later cycle reads the same data on a later clock
  for (let i = -30; i <= 45; i++) {
    const day = addDays(today, -i);
    const weekend = dayOfWeek(day) === 0 || dayOfWeek(day) === 6 ? 0.5 : 1;
    const wave = 1 + 0.08 * Math.sin(i);
    days[day] = [1200, 2450, 5300, 880, 0, 0].map((m) => Math.round(m * weekend * wave));
  }
  return {
    accounts: [
      {
        secretId: DEMO_SECRET_ID,
        secretKey: DEMO_SECRET_KEY,
        // US cents: the international site
        balance: {
          Uin: '200012345678',
          Balance: 182350,
          RealBalance: 182350,
          CashAccountBalance: 182350,
          IncomeIntoAccountBalance: 0,
          PresentAccountBalance: 0,
          FreezeAmount: 0,
          OweAmount: 0,
          IsAllowArrears: false,
          IsCreditLimited: false,
          CreditAmount: 0,
          CreditBalance: 182350,
          RealCreditBalance: 182350,
        },
        trtcApps: [{ sdkAppId: DEMO_SDK_APP_ID, days }],
      },
    ],
  };
}

export const tencentSandbox: SandboxRegistration<TencentSandboxFixture> = {
  module: tencentSandboxModule,
  demo: {
    fixture: demoFixture,
    accounts: () => [
      {
        id: 'tencent-intl',
        vendor: 'tencent',
        credentials: 'renewal-guard/tencent-intl',
        secret: { secretId: DEMO_SECRET_ID, secretKey: DEMO_SECRET_KEY },
        options: { site: 'intl', sdkAppIds: [String(DEMO_SDK_APP_ID)], prices: TENCENT_DEMO_PRICES },
      },
    ],
  },
};
