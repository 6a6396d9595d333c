/**
 * Huawei Cloud as the sandbox speaks it: every request AK/SK-signed (SDK-HMAC-SHA256), the signature
 * recomputed from what arrived and X-Sdk-Date within 15 minutes, as API Gateway checks them; BSS's
 * balance, resource package and measurement-unit APIs and SparkRTC's usage API over fixture data;
 * errors as `{ error_code, error_msg }` (`request_id` added by the gateway) with meaningful statuses.
 */
import { randomUUID } from 'node:crypto';
import { addDays, daysBetween, isCalendarDate, localDate, zonedDateTimeToInstant } from '../../core/dates';
import {
  huaweiCanonicalQuery,
  huaweiCanonicalRequest,
  huaweiCanonicalUri,
  huaweiSignature,
  huaweiStringToSign,
  parseHuaweiAuthorization,
  parseSdkDate,
} from '../../vendors/signing';
import type { SandboxRegistration } from '../sandbox-registration';
import type { SandboxReply, SandboxRequest, SandboxVendorModule } from '../sandbox-vendor';

export interface HuaweiSandboxAccount {
  readonly accessKey: string;
  readonly secretKey: string;
  /** ShowCustomerAccountBalances's documented answer (`account_balances`, `debt_amount`, `measure_id`, `currency`). */
  readonly balances: Readonly<Record<string, unknown>>;
  /** ListFreeResourceInfos entries with their documented fields. */
  readonly freeResourcePackages?: readonly Readonly<Record<string, unknown>>[];
  /** SparkRTC usage rows (`date`, `video_sd` ... `total_duration`, seconds) per project id, per app. */
  readonly rtcUsage?: Readonly<Record<string, Readonly<Record<string, readonly Readonly<Record<string, unknown>>[]>>>>;
}

export interface HuaweiSandboxFixture {
  readonly accounts: readonly HuaweiSandboxAccount[];
  /** ListMeasureUnits entries. @default the documented example only: 10 is GB */
  readonly measureUnits?: readonly Readonly<Record<string, unknown>>[];
}

/** API Gateway refuses an X-Sdk-Date more than 15 minutes from its clock. */
export const HUAWEI_MAX_SKEW_MS = 15 * 60_000;
const AKSK_FAIL = 'Incorrect IAM authentication information: verify aksk signature fail';
const RTC_USAGE = /^\/v1\/([^/]+)\/rtc\/history\/usage$/;

export const huaweiSandboxModule: SandboxVendorModule<HuaweiSandboxFixture> = {
  vendor: 'huawei',

  handle(request, fixture) {
    const route = routeOf(request);
    if (!route) return undefined;
    const account = authenticate(request, fixture);
    if ('reply' in account) return account.reply;
    switch (route) {
      case 'balances':
        return { status: 200, body: { ...account.account.balances } };
      case 'free-resources':
        return freeResources(account.account, request);
      case 'measurements':
        return { status: 200, body: { measure_units: fixture.measureUnits ?? [DOCUMENTED_UNIT] } };
      case 'rtc-usage':
        return rtcUsage(account.account, request);
    }
  },

  faultReply(kind) {
    return kind === 'auth-failure'
      ? gatewayError(401, 'APIGW.0301', AKSK_FAIL)
      : gatewayError(429, 'APIGW.0308', 'The throttling threshold has been reached: policy user over ratelimit');
  },
};

const DOCUMENTED_UNIT = { measure_id: 10, measure_name: 'GB', abbreviation: 'G', measure_type: 3 };

function routeOf(request: SandboxRequest): 'balances' | 'free-resources' | 'measurements' | 'rtc-usage' | undefined {
  if (request.method === 'GET' && request.path === '/v2/accounts/customer-accounts/balances') return 'balances';
  if (request.method === 'POST' && request.path === '/v3/payments/free-resources/query') return 'free-resources';
  if (request.method === 'GET' && request.path === '/v2/bases/measurements') return 'measurements';
  if (request.method === 'GET' && RTC_USAGE.test(request.path)) return 'rtc-usage';
  return undefined;
}

type Authenticated = { readonly account: HuaweiSandboxAccount } | { readonly reply: SandboxReply };

function authenticate(request: SandboxRequest, fixture: HuaweiSandboxFixture): Authenticated {
  const credential = parseHuaweiAuthorization(request.headers.authorization);
  const date = parseSdkDate(request.headers['x-sdk-date']);
  if (!credential || !date) {
    return {
      reply: gatewayError(
        401,
        'APIGW.0301',
        'Incorrect IAM authentication information: Authorization or X-Sdk-Date is missing or malformed',
      ),
    };
  }
  if (Math.abs(request.now.getTime() - date.getTime()) > HUAWEI_MAX_SKEW_MS) {
    return {
      reply: gatewayError(
        401,
        'APIGW.0301',
        'Incorrect IAM authentication information: the X-Sdk-Date is more than 15 minutes from server time',
      ),
    };
  }
  const account = fixture.accounts.find((a) => a.accessKey === credential.accessKey);
  if (!account) {
    return { reply: gatewayError(401, 'APIGW.0301', 'Incorrect IAM authentication information: Get secretKey failed') };
  }
  if (!credential.signedHeaders.includes('host') || !credential.signedHeaders.includes('x-sdk-date')) {
    return { reply: gatewayError(401, 'APIGW.0301', AKSK_FAIL) };
  }
  const canonical = huaweiCanonicalRequest({
    method: request.method,
    // The signing client saw the whole path, the vendor prefix of the sandbox URL included.
    canonicalUri: huaweiCanonicalUri(`/huawei${request.path}`),
    canonicalQuery: huaweiCanonicalQuery(request.query),
    headers: { ...request.headers, host: request.host },
    signedHeaders: credential.signedHeaders,
    payload: request.body,
  });
  const expected = huaweiSignature(account.secretKey, huaweiStringToSign(request.headers['x-sdk-date'], canonical));
  if (expected !== credential.signature) return { reply: gatewayError(401, 'APIGW.0301', AKSK_FAIL) };
  return { account };
}

function freeResources(account: HuaweiSandboxAccount, request: SandboxRequest): SandboxReply {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(request.body || '{}') as Record<string, unknown>;
  } catch {
    return bssError(400, 'CBC.0100', 'Invalid parameter: the request body is not JSON.');
  }
  const offset = body.offset ?? 0;
  const limit = body.limit ?? 10;
  if (
    !Number.isInteger(offset) ||
    (offset as number) < 0 ||
    !Number.isInteger(limit) ||
    (limit as number) < 1 ||
    (limit as number) > 1000
  ) {
    return bssError(400, 'CBC.0100', 'Invalid parameter: offset must be 0 or more and limit from 1 to 1000.');
  }
  const matching = (account.freeResourcePackages ?? []).filter(
    (p) => body.status === undefined || p.status === body.status,
  );
  return {
    status: 200,
    body: {
      total_count: matching.length,
      free_resource_packages: matching.slice(offset as number, (offset as number) + (limit as number)),
    },
  };
}

function rtcUsage(account: HuaweiSandboxAccount, request: SandboxRequest): SandboxReply {
  const projectId = RTC_USAGE.exec(request.path)![1];
  const projects = account.rtcUsage ?? {};
  if (request.headers['x-project-id'] !== projectId || !Object.prototype.hasOwnProperty.call(projects, projectId)) {
    // a project of another account, or not the one X-Project-Id names
    return gatewayError(403, 'APIGW.0302', 'The IAM user is not authorized to access the API.');
  }
  for (const name of ['app', 'metric', 'start_date', 'end_date']) {
    if (!request.query.get(name)) {
      return bssError(400, 'DATA.100011001', `Required String parameter '${name}' is not present`);
    }
  }
  const start = request.query.get('start_date');
  const end = request.query.get('end_date');
  if (!isCalendarDate(start) || !isCalendarDate(end) || end < start || daysBetween(start, end) >= 31) {
    return bssError(
      400,
      'DATA.100011001',
      'start_date and end_date must be UTC dates YYYY-MM-DD at most 31 days apart',
    );
  }
  const rows = projects[projectId][request.query.get('app')!] ?? [];
  return {
    status: 200,
    headers: { 'x-request-id': randomUUID() },
    body: { usage: rows.filter((r) => typeof r.date === 'string' && r.date >= start && r.date <= end) },
  };
}

/** API Gateway's errors carry a request_id. */
function gatewayError(status: number, code: string, message: string): SandboxReply {
  return { status, body: { error_msg: message, error_code: code, request_id: randomUUID().replace(/-/g, '') } };
}

function bssError(status: number, code: string, message: string): SandboxReply {
  return { status, body: { error_code: code, error_msg: message } };
}

// ---- demo: a China-site account with a balance, an RTC minutes package and SparkRTC usage

const DEMO_AK = 'HWSANDBOXDEMOAK00001';
const DEMO_SK = 'sandbox-huawei-demo-secret-key-000000001';
const DEMO_PROJECT = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const DEMO_APP = '6614c0demo0rtc0app01';

function demoFixture(now: Date): HuaweiSandboxFixture {
  const today = localDate(now, 'UTC');
  const usage: Record<string, unknown>[] = [];
  for (let i = 1; i <= 45; i++) {
    const seconds = Math.round(180_000 * (1 + 0.1 * Math.sin(i)));
    usage.push({
      date: addDays(today, -i),
      video_sd: Math.round(seconds * 0.2),
      video_hd: Math.round(seconds * 0.5),
      video_hdp: 0,
      audio: Math.round(seconds * 0.3),
      total_duration: seconds,
    });
  }
  const at = (days: number) =>
    zonedDateTimeToInstant(addDays(today, days), '00:00', 'UTC').toISOString().replace('.000Z', 'Z');
  return {
    accounts: [
      {
        accessKey: DEMO_AK,
        secretKey: DEMO_SK,
        balances: {
          account_balances: [
            {
              account_id: 'demo-cash',
              account_type: 1,
              amount: 5120.8,
              currency: 'CNY',
              designated_amount: 0,
              measure_id: 1,
            },
            {
              account_id: 'demo-bonus',
              account_type: 5,
              amount: 200,
              currency: 'CNY',
              designated_amount: 0,
              measure_id: 1,
            },
          ],
          debt_amount: 0,
          measure_id: 1,
          currency: 'CNY',
        },
        freeResourcePackages: [
          {
            order_instance_id: 'demo-rtc-package-01',
            order_id: 'CS2601010000DEMO',
            product_id: 'OFFI000000000001',
            product_name: 'SparkRTC audio/video minutes package',
            status: 1,
            service_type_code: 'hws.service.type.rtc',
            effective_time: at(-60),
            expire_time: at(25),
            free_resources: [
              {
                free_resource_id: 'fr-demo-01',
                usage_type_name: 'Audio/video duration',
                amount: '38500',
                original_amount: '100000',
                measure_id: 9001,
              },
            ],
          },
        ],
        rtcUsage: { [DEMO_PROJECT]: { [DEMO_APP]: usage } },
      },
    ],
    measureUnits: [DOCUMENTED_UNIT, { measure_id: 9001, measure_name: 'minute', abbreviation: 'min', measure_type: 2 }],
  };
}

export const huaweiSandbox: SandboxRegistration<HuaweiSandboxFixture> = {
  module: huaweiSandboxModule,
  demo: {
    fixture: demoFixture,
    accounts: () => [
      {
        id: 'huawei-main',
        vendor: 'huawei',
        credentials: 'renewal-guard/huawei-main',
        secret: { accessKey: DEMO_AK, secretKey: DEMO_SK },
        options: { site: 'cn', projectId: DEMO_PROJECT, rtcAppIds: [DEMO_APP] },
      },
    ],
  },
};
