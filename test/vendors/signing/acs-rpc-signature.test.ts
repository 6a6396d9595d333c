import {
  percentEncode,
  rpcCanonicalQuery,
  rpcSignature,
  rpcStringToSign,
  rpcTimestamp,
  signRpcQuery,
} from '../../../lambda/vendors/signing';

/**
 * The worked example of Alibaba Cloud's RPC signature documentation (ECS DescribeRegions, "Request
 * signatures", https://www.alibabacloud.com/help/doc-detail/25492.htm): AccessKeyId `testid`, secret
 * `testsecret`, signed with `testsecret&`.
 */
const DOC_PARAMS = {
  Timestamp: '2016-02-23T12:46:24Z',
  Format: 'XML',
  AccessKeyId: 'testid',
  Action: 'DescribeRegions',
  SignatureMethod: 'HMAC-SHA1',
  SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
  Version: '2014-05-26',
  SignatureVersion: '1.0',
};

describe('Alibaba RPC signature against the documented example', () => {
  it('sorts and encodes the parameters into the canonical query', () => {
    expect(rpcCanonicalQuery(DOC_PARAMS)).toBe(
      'AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1' +
        '&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0' +
        '&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26',
    );
  });

  it('encodes the canonical query once more into the string to sign', () => {
    expect(rpcStringToSign('GET', DOC_PARAMS)).toBe(
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML' +
        '%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf' +
        '%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26',
    );
  });

  it('produces the documented signature', () => {
    expect(rpcSignature('GET', DOC_PARAMS, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
  });

  it('leaves Signature itself out of what is signed', () => {
    expect(rpcSignature('GET', { ...DOC_PARAMS, Signature: 'anything' }, 'testsecret')).toBe(
      'OLeaidS1JvxuMvnyHOwuJ+uX5qY=',
    );
  });
});

describe('RPC signing details', () => {
  it('percent-encodes what encodeURIComponent leaves bare, and nothing unreserved', () => {
    expect(percentEncode("a b*c~d!'()-_.")).toBe('a%20b%2Ac~d%21%27%28%29-_.');
    expect(percentEncode('余额,/')).toBe('%E4%BD%99%E9%A2%9D%2C%2F');
  });

  it('writes the timestamp in UTC without milliseconds', () => {
    expect(rpcTimestamp(new Date('2026-09-30T01:30:00.123Z'))).toBe('2026-09-30T01:30:00Z');
  });

  it('builds a query whose Signature verifies against the other parameters', () => {
    const query = signRpcQuery({
      accessKeyId: 'LTAI-example',
      accessKeySecret: 'secret-example',
      action: 'QueryAccountBalance',
      version: '2017-12-14',
      at: new Date('2026-09-30T01:30:00Z'),
      nonce: 'nonce-1',
    });
    const params = Object.fromEntries(new URLSearchParams(query));
    expect(params).toEqual({
      AccessKeyId: 'LTAI-example',
      Action: 'QueryAccountBalance',
      Format: 'JSON',
      Signature: rpcSignature('GET', params, 'secret-example'),
      SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: 'nonce-1',
      SignatureVersion: '1.0',
      Timestamp: '2026-09-30T01:30:00Z',
      Version: '2017-12-14',
    });
    expect(query.endsWith(`&Signature=${percentEncode(params.Signature)}`)).toBe(true);
  });

  it('signs a fresh nonce into a different signature', () => {
    const sign = (nonce: string) =>
      signRpcQuery({
        accessKeyId: 'id',
        accessKeySecret: 'secret',
        action: 'QueryAccountBalance',
        version: '2017-12-14',
        at: new Date('2026-09-30T01:30:00Z'),
        nonce,
      });
    expect(sign('a')).not.toBe(sign('b'));
  });
});
