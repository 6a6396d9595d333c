import type { SandboxRequest } from '../../lambda/sandbox/sandbox-vendor';
import { tencentSandbox, type TencentSandboxFixture } from '../../lambda/sandbox/vendors/tencent';
import { signTc3Request } from '../../lambda/vendors/signing';

const NOW = new Date('2026-09-30T01:30:00Z');
const HOST = '127.0.0.1:40123';
const FIXTURE: TencentSandboxFixture = {
  accounts: [
    {
      secretId: 'AKIDsandboxTest000000000000000000001',
      secretKey: 'sandbox-test-secret-key-0000000001',
      balance: { RealBalance: 100 },
      trtcApps: [{ sdkAppId: 1400000001, days: { '2026-09-29': [1, 2, 3, 4, 5, 6] } }],
    },
  ],
};
const sandboxModule = tencentSandbox.module;

interface Sent {
  action?: string;
  service?: 'billing' | 'trtc';
  version?: string;
  payload?: string;
  at?: Date;
  secretKey?: string;
}

/** A request as a client signed it for the sandbox at HOST, before anyone tampers with it. */
function signed(sent: Sent = {}): SandboxRequest {
  const payload = sent.payload ?? '{}';
  const { headers } = signTc3Request({
    secretId: FIXTURE.accounts[0].secretId,
    secretKey: sent.secretKey ?? FIXTURE.accounts[0].secretKey,
    service: sent.service ?? 'billing',
    url: `http://${HOST}/tencent/`,
    action: sent.action ?? 'DescribeAccountBalance',
    version: sent.version ?? '2018-07-09',
    timestampSeconds: Math.floor((sent.at ?? NOW).getTime() / 1000),
    payload,
  });
  return {
    method: 'POST',
    path: '/',
    query: new URLSearchParams(),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    body: payload,
    host: HOST,
    now: NOW,
  };
}

function errorCode(request: SandboxRequest): unknown {
  const reply = sandboxModule.handle(request, FIXTURE);
  expect(reply?.status).toBe(200);
  return (reply?.body as { Response: { Error?: { Code: string } } }).Response.Error?.Code;
}

describe('the Tencent sandbox checks TC3 signatures', () => {
  it('answers a correctly signed request with the fixture balance', () => {
    const reply = sandboxModule.handle(signed(), FIXTURE);
    expect(reply).toMatchObject({ status: 200, body: { Response: { RealBalance: 100 } } });
  });

  it.each<[string, (r: SandboxRequest) => SandboxRequest, string]>([
    ['a body changed after signing', (r) => ({ ...r, body: '{"x":1}' }), 'AuthFailure.SignatureFailure'],
    ['another Host', (r) => ({ ...r, host: '127.0.0.1:40124' }), 'AuthFailure.SignatureFailure'],
    [
      'a changed content type',
      (r) => ({ ...r, headers: { ...r.headers, 'content-type': 'application/json' } }),
      'AuthFailure.SignatureFailure',
    ],
    [
      'no Authorization',
      (r) => ({ ...r, headers: { ...r.headers, authorization: '' } }),
      'AuthFailure.InvalidAuthorization',
    ],
    [
      'an unknown SecretId',
      (r) => ({
        ...r,
        headers: { ...r.headers, authorization: r.headers.authorization.replace('AKIDsandbox', 'AKIDelsewhere') },
      }),
      'AuthFailure.SecretIdNotFound',
    ],
  ])('refuses %s', (_, tamper, code) => {
    expect(errorCode(tamper(signed()))).toBe(code);
  });

  it('refuses a request signed with another key', () => {
    expect(errorCode(signed({ secretKey: 'another-key-000000000000000000001' }))).toBe('AuthFailure.SignatureFailure');
  });

  it('refuses a signature scoped to another product', () => {
    expect(errorCode(signed({ service: 'trtc' }))).toBe('AuthFailure.SignatureFailure');
  });

  it('refuses a timestamp more than 5 minutes old or ahead, as documented', () => {
    expect(errorCode(signed({ at: new Date(NOW.getTime() - 301_000) }))).toBe('AuthFailure.SignatureExpire');
    expect(errorCode(signed({ at: new Date(NOW.getTime() + 301_000) }))).toBe('AuthFailure.SignatureExpire');
    expect(errorCode(signed({ at: new Date(NOW.getTime() - 299_000) }))).toBeUndefined();
  });
});

describe('the Tencent sandbox speaks the documented API', () => {
  it('names an unknown action and an unknown version', () => {
    expect(errorCode(signed({ action: 'DescribeBillList' }))).toBe('InvalidAction');
    expect(errorCode(signed({ version: '2017-03-12' }))).toBe('NoSuchVersion');
  });

  it('answers daily TRTC rows with one value per UsageKey', () => {
    const reply = sandboxModule.handle(
      signed({
        action: 'DescribeTrtcUsage',
        service: 'trtc',
        version: '2019-07-22',
        payload: JSON.stringify({ StartTime: '2026-09-28', EndTime: '2026-09-29' }),
      }),
      FIXTURE,
    );
    expect((reply?.body as { Response: unknown }).Response).toMatchObject({
      UsageKey: ['Audio', 'SD', 'HD', 'FullHD', '2K', '4K'],
      UsageList: [
        { TimeKey: '2026-09-28 00:00:00', UsageValue: [0, 0, 0, 0, 0, 0] },
        { TimeKey: '2026-09-29 00:00:00', UsageValue: [1, 2, 3, 4, 5, 6] },
      ],
    });
  });

  it.each([
    ['more than 31 days', { StartTime: '2026-08-29', EndTime: '2026-09-29' }, 'InvalidParameterValue'],
    ['an end before the start', { StartTime: '2026-09-29', EndTime: '2026-09-28' }, 'InvalidParameterValue'],
    [
      'an unknown SdkAppId',
      { StartTime: '2026-09-29', EndTime: '2026-09-29', SdkAppId: 5 },
      'InvalidParameter.SdkAppId',
    ],
  ])('refuses a usage query over %s', (_, params, code) => {
    const request = signed({
      action: 'DescribeTrtcUsage',
      service: 'trtc',
      version: '2019-07-22',
      payload: JSON.stringify(params),
    });
    expect(errorCode(request)).toBe(code);
  });

  it('leaves other methods and paths to the 404 of the server', () => {
    expect(sandboxModule.handle({ ...signed(), method: 'GET' }, FIXTURE)).toBeUndefined();
    expect(sandboxModule.handle({ ...signed(), path: '/v2/index.php' }, FIXTURE)).toBeUndefined();
  });

  it('answers injected faults in HTTP 200 with Tencent codes', () => {
    expect(sandboxModule.faultReply('auth-failure', signed())).toMatchObject({
      status: 200,
      body: { Response: { Error: { Code: 'AuthFailure.SignatureFailure' } } },
    });
    expect(sandboxModule.faultReply('throttle', signed())).toMatchObject({
      status: 200,
      body: { Response: { Error: { Code: 'RequestLimitExceeded' } } },
    });
  });
});
