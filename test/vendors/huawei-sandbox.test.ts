import type { SandboxRequest } from '../../lambda/sandbox/sandbox-vendor';
import { huaweiSandbox, type HuaweiSandboxFixture } from '../../lambda/sandbox/vendors/huawei';
import { signHuaweiRequest } from '../../lambda/vendors/signing';

const NOW = new Date('2026-09-30T01:30:00Z');
const HOST = '127.0.0.1:40123';
const FIXTURE: HuaweiSandboxFixture = {
  accounts: [
    {
      accessKey: 'HWSANDBOXTESTAK00001',
      secretKey: 'sandbox-huawei-test-secret-key-00000001',
      balances: { account_balances: [{ account_type: 1, amount: 1 }] },
      rtcUsage: { p1: { a1: [{ date: '2026-09-29', total_duration: 60 }] } },
    },
  ],
};
const sandboxModule = huaweiSandbox.module;

function signed(
  method: 'GET' | 'POST',
  pathAndQuery: string,
  body?: string,
  at = NOW,
  headers: Record<string, string> = {},
): SandboxRequest {
  const url = new URL(`http://${HOST}/huawei${pathAndQuery}`);
  const signedHeaders = signHuaweiRequest({
    accessKey: FIXTURE.accounts[0].accessKey,
    secretKey: FIXTURE.accounts[0].secretKey,
    method,
    url: url.toString(),
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
    at,
  }).headers;
  return {
    method,
    path: url.pathname.replace(/^\/huawei/, ''),
    query: url.searchParams,
    headers: Object.fromEntries(Object.entries(signedHeaders).map(([k, v]) => [k.toLowerCase(), v])),
    body: body ?? '',
    host: HOST,
    now: NOW,
  };
}

function reply(request: SandboxRequest): { status?: number; body: Record<string, unknown> } {
  const answer = sandboxModule.handle(request, FIXTURE);
  return { status: answer?.status, body: answer?.body as Record<string, unknown> };
}

const BALANCES = '/v2/accounts/customer-accounts/balances';

describe('the Huawei sandbox checks AK/SK signatures', () => {
  it('answers a correctly signed request', () => {
    expect(reply(signed('GET', BALANCES))).toEqual({ status: 200, body: FIXTURE.accounts[0].balances });
  });

  it.each<[string, (r: SandboxRequest) => SandboxRequest]>([
    ['a body changed after signing', (r) => ({ ...r, body: '{"offset":100}' })],
    ['a query changed after signing', (r) => ({ ...r, query: new URLSearchParams('limit=5') })],
    ['another Host', (r) => ({ ...r, host: '127.0.0.1:40124' })],
    ['a signed header changed', (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'text/plain' } })],
  ])('refuses %s with APIGW.0301', (_, tamper) => {
    const request = tamper(signed('POST', '/v3/payments/free-resources/query?x=1', '{"offset":0}'));
    expect(reply(request)).toMatchObject({
      status: 401,
      body: {
        error_code: 'APIGW.0301',
        error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
      },
    });
  });

  it('refuses a request without X-Sdk-Date, or one more than 15 minutes away', () => {
    const request = signed('GET', BALANCES);
    const { ['x-sdk-date']: _, ...withoutDate } = request.headers;
    expect(reply({ ...request, headers: withoutDate }).status).toBe(401);
    expect(reply(signed('GET', BALANCES, undefined, new Date(NOW.getTime() - 16 * 60_000))).body.error_code).toBe(
      'APIGW.0301',
    );
    expect(reply(signed('GET', BALANCES, undefined, new Date(NOW.getTime() + 14 * 60_000))).status).toBe(200);
  });

  it('refuses an unknown AK', () => {
    const request = signed('GET', BALANCES);
    const authorization = request.headers.authorization.replace('HWSANDBOXTESTAK00001', 'HWSOMEONEELSEAK00001');
    expect(reply({ ...request, headers: { ...request.headers, authorization } })).toMatchObject({
      status: 401,
      body: { error_msg: 'Incorrect IAM authentication information: Get secretKey failed' },
    });
  });
});

describe('the Huawei sandbox speaks BSS and SparkRTC', () => {
  it('lists the documented measurement unit by default', () => {
    expect(reply(signed('GET', '/v2/bases/measurements')).body).toEqual({
      measure_units: [{ measure_id: 10, measure_name: 'GB', abbreviation: 'G', measure_type: 3 }],
    });
  });

  it('pages resource packages by offset and limit, up to 1000', () => {
    expect(reply(signed('POST', '/v3/payments/free-resources/query', '{"offset":0,"limit":10}')).body).toEqual({
      total_count: 0,
      free_resource_packages: [],
    });
    expect(reply(signed('POST', '/v3/payments/free-resources/query', '{"limit":1001}')).status).toBe(400);
  });

  it('answers RTC usage for the project named twice, path and X-Project-Id', () => {
    const query =
      '/v1/p1/rtc/history/usage?app=a1&metric=CommunicationDuration&start_date=2026-09-01&end_date=2026-09-29';
    expect(reply(signed('GET', query, undefined, NOW, { 'X-Project-Id': 'p1' })).body).toEqual({
      usage: [{ date: '2026-09-29', total_duration: 60 }],
    });
    expect(reply(signed('GET', query, undefined, NOW, { 'X-Project-Id': 'p2' })).status).toBe(403);
  });

  it.each([
    [
      'a missing app',
      '/v1/p1/rtc/history/usage?metric=CommunicationDuration&start_date=2026-09-01&end_date=2026-09-29',
      "Required String parameter 'app' is not present",
    ],
    [
      'more than 31 days',
      '/v1/p1/rtc/history/usage?app=a1&metric=CommunicationDuration&start_date=2026-08-01&end_date=2026-09-29',
      'start_date and end_date must be UTC dates YYYY-MM-DD at most 31 days apart',
    ],
  ])('refuses %s in its documented envelope', (_, query, message) => {
    expect(reply(signed('GET', query, undefined, NOW, { 'X-Project-Id': 'p1' }))).toEqual({
      status: 400,
      body: { error_code: 'DATA.100011001', error_msg: message },
    });
  });

  it('leaves unknown routes to the 404 of the server', () => {
    expect(sandboxModule.handle(signed('GET', '/v2/orders'), FIXTURE)).toBeUndefined();
  });

  it('answers injected faults as API Gateway does: 401 APIGW.0301 and 429 APIGW.0308', () => {
    expect(sandboxModule.faultReply('auth-failure', signed('GET', BALANCES))).toMatchObject({
      status: 401,
      body: { error_code: 'APIGW.0301' },
    });
    expect(sandboxModule.faultReply('throttle', signed('GET', BALANCES))).toMatchObject({
      status: 429,
      body: { error_code: 'APIGW.0308' },
    });
  });
});
