import type { SandboxRequest } from '../../lambda/sandbox/sandbox-vendor';
import { alibabaSandbox, type AlibabaSandboxFixture } from '../../lambda/sandbox/vendors/alibaba';
import { signRpcQuery } from '../../lambda/vendors/signing';

const NOW = new Date('2026-09-30T01:30:00Z');
const FIXTURE: AlibabaSandboxFixture = {
  accounts: [
    {
      accessKeyId: 'LTAIsandboxTest000000001',
      accessKeySecret: 'sandbox-test-access-key-secret-0001',
      balance: { AvailableAmount: '1.00', Currency: 'CNY' },
      resourcePackages: [{ InstanceId: 'p-1', ExpiryTime: '2027-01-01T16:00:00Z', Status: 'Available' }],
    },
    // the documented signature example's key (ECS "Request signatures")
    { accessKeyId: 'testid', accessKeySecret: 'testsecret', balance: {} },
  ],
};
const sandboxModule = alibabaSandbox.module;
let nonce = 0;

function request(query: string, now = NOW): SandboxRequest {
  return {
    method: 'GET',
    path: '/',
    query: new URLSearchParams(query),
    headers: {},
    body: '',
    host: '127.0.0.1:1',
    now,
  };
}

function signed(action: string, params: Record<string, string> = {}, at = NOW): string {
  return signRpcQuery({
    accessKeyId: FIXTURE.accounts[0].accessKeyId,
    accessKeySecret: FIXTURE.accounts[0].accessKeySecret,
    action,
    version: '2017-12-14',
    params,
    at,
    nonce: `nonce-${++nonce}`,
  });
}

function answer(query: string, now = NOW): { status?: number; code?: unknown; body: Record<string, unknown> } {
  const reply = sandboxModule.handle(request(query, now), FIXTURE);
  const body = reply?.body as Record<string, unknown>;
  return { status: reply?.status, code: body.Code, body };
}

describe('the Alibaba sandbox checks RPC signatures', () => {
  it('answers a correctly signed request', () => {
    expect(answer(signed('QueryAccountBalance'))).toMatchObject({
      status: 200,
      code: '200',
      body: { Success: true, Data: { AvailableAmount: '1.00' } },
    });
  });

  it("verifies the documented example's signature, then refuses its ECS version", () => {
    const documented =
      'Timestamp=2016-02-23T12%3A46%3A24Z&Format=XML&AccessKeyId=testid&Action=DescribeRegions&SignatureMethod=HMAC-SHA1' +
      '&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&Version=2014-05-26&SignatureVersion=1.0' +
      '&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D';
    expect(answer(documented, new Date('2016-02-23T12:50:00Z'))).toMatchObject({ status: 400, code: 'InvalidVersion' });
  });

  it.each<[string, (q: string) => string, number, string]>([
    [
      'a parameter changed after signing',
      (q) => q.replace('PageSize=100', 'PageSize=20'),
      400,
      'SignatureDoesNotMatch',
    ],
    ['no Signature', (q) => q.replace(/&Signature=[^&]+/, ''), 400, 'MissingParameter'],
    [
      'another signature method',
      (q) => q.replace('SignatureMethod=HMAC-SHA1', 'SignatureMethod=HMAC-SHA256'),
      400,
      'IncompleteSignature',
    ],
    [
      'a timestamp without its zone',
      (q) => q.replace(/Timestamp=([^&]+)Z/, 'Timestamp=$1'),
      400,
      'InvalidTimeStamp.Format',
    ],
    [
      'an unknown AccessKeyId',
      (q) => q.replace('LTAIsandboxTest', 'LTAIsomeoneElse'),
      404,
      'InvalidAccessKeyId.NotFound',
    ],
  ])('refuses %s', (_, tamper, status, code) => {
    expect(answer(tamper(signed('QueryResourcePackageInstances', { PageSize: '100' })))).toMatchObject({
      status,
      code,
    });
  });

  it('refuses a Timestamp more than 15 minutes away, as documented', () => {
    expect(answer(signed('QueryAccountBalance', {}, new Date(NOW.getTime() - 16 * 60_000)))).toMatchObject({
      status: 400,
      code: 'InvalidTimeStamp.Expired',
    });
    expect(answer(signed('QueryAccountBalance', {}, new Date(NOW.getTime() + 14 * 60_000))).status).toBe(200);
  });

  it('refuses a SignatureNonce it has seen', () => {
    const query = signed('QueryAccountBalance');
    expect(answer(query).status).toBe(200);
    expect(answer(query)).toMatchObject({ status: 400, code: 'SignatureNonceUsed' });
  });

  it('quotes its string to sign on a mismatch, as Alibaba does', () => {
    const { body } = answer(
      signed('QueryAccountBalance').replace('Action=QueryAccountBalance', 'Action=QueryAccountBalanceX'),
    );
    expect(body).toMatchObject({ Code: 'SignatureDoesNotMatch', HostId: 'business.aliyuncs.com' });
    expect(body.Message).toContain('server string to sign is:GET&%2F&AccessKeyId%3DLTAIsandboxTest000000001%26Action');
    expect(body.RequestId).toMatch(/^[0-9A-F-]{36}$/);
  });
});

describe('the Alibaba sandbox speaks BSS OpenAPI', () => {
  it('writes resource plan counts as strings under Instances.Instance', () => {
    expect(answer(signed('QueryResourcePackageInstances')).body.Data).toEqual({
      PageNum: '1',
      PageSize: '20',
      TotalCount: '1',
      HostId: 'cn',
      Instances: { Instance: [{ InstanceId: 'p-1', ExpiryTime: '2027-01-01T16:00:00Z', Status: 'Available' }] },
    });
  });

  it('answers an empty subscription list with numbers', () => {
    expect(answer(signed('QueryAvailableInstances')).body.Data).toEqual({
      InstanceList: [],
      PageNum: 1,
      PageSize: 20,
      TotalCount: 0,
    });
  });

  it.each([
    ['a page larger than 300', signed('QueryAvailableInstances', { PageSize: '301' }), 400, 'InvalidParameter'],
    ['an unknown action', signed('QueryBill'), 404, 'InvalidAction.NotFound'],
  ])('refuses %s', (_, query, status, code) => {
    expect(answer(query)).toMatchObject({ status, code });
  });

  it('leaves other methods and paths to the 404 of the server', () => {
    expect(
      sandboxModule.handle({ ...request(signed('QueryAccountBalance')), method: 'POST' }, FIXTURE),
    ).toBeUndefined();
    expect(sandboxModule.handle({ ...request(signed('QueryAccountBalance')), path: '/x' }, FIXTURE)).toBeUndefined();
  });

  it('answers injected faults in the Alibaba envelope: throttling as HTTP 400', () => {
    expect(sandboxModule.faultReply('throttle', request(''))).toMatchObject({
      status: 400,
      body: { Code: 'Throttling.User' },
    });
    expect(sandboxModule.faultReply('auth-failure', request(''))).toMatchObject({
      status: 400,
      body: { Code: 'SignatureDoesNotMatch' },
    });
  });
});
