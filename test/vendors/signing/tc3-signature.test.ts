import {
  parseTc3Authorization,
  sha256Hex,
  signTc3Request,
  tc3CanonicalRequest,
  tc3Date,
  tc3Signature,
  tc3StringToSign,
} from '../../../lambda/vendors/signing';

/**
 * The worked example of Tencent Cloud's "签名方法 v3" page (CVM DescribeInstances, 2019 revision,
 * https://cloud.tencent.com/document/api/213/30654). The page prints the credentials masked with
 * asterisks, and its published signature is the HMAC over those literal masked strings.
 */
const DOC = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3*******',
  timestamp: 1551113065,
  payload: String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`,
  canonicalRequest:
    'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n' +
    '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
  stringToSign:
    'TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n' +
    '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
  signature: '2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
  authorization:
    'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3*******/2019-02-25/cvm/tc3_request, ' +
    'SignedHeaders=content-type;host, Signature=2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c',
};

describe('TC3-HMAC-SHA256 against the documented example', () => {
  it('hashes the documented payload to the documented HashedRequestPayload', () => {
    expect(sha256Hex(DOC.payload)).toBe('35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064');
  });

  it('builds the documented canonical request', () => {
    const canonical = tc3CanonicalRequest({
      method: 'POST',
      canonicalUri: '/',
      canonicalQuery: '',
      headers: { 'content-type': 'application/json; charset=utf-8', host: 'cvm.tencentcloudapi.com' },
      signedHeaders: ['content-type', 'host'],
      payload: DOC.payload,
    });
    expect(canonical).toBe(DOC.canonicalRequest);
  });

  it('builds the documented string to sign', () => {
    expect(tc3StringToSign(DOC.timestamp, 'cvm', DOC.canonicalRequest)).toBe(DOC.stringToSign);
  });

  it('derives the documented signature from TC3 + SecretKey, the date, the service and tc3_request', () => {
    expect(tc3Signature(DOC.secretKey, '2019-02-25', 'cvm', DOC.stringToSign)).toBe(DOC.signature);
  });

  it('signs the documented request end to end into the documented Authorization header', () => {
    const signed = signTc3Request({
      secretId: DOC.secretId,
      secretKey: DOC.secretKey,
      service: 'cvm',
      url: 'https://cvm.tencentcloudapi.com/',
      action: 'DescribeInstances',
      version: '2017-03-12',
      region: 'ap-guangzhou',
      timestampSeconds: DOC.timestamp,
      payload: DOC.payload,
    });
    expect(signed.canonicalRequest).toBe(DOC.canonicalRequest);
    expect(signed.stringToSign).toBe(DOC.stringToSign);
    expect(signed.headers).toEqual({
      Authorization: DOC.authorization,
      'Content-Type': 'application/json; charset=utf-8',
      'X-TC-Action': 'DescribeInstances',
      'X-TC-Timestamp': '1551113065',
      'X-TC-Version': '2017-03-12',
      'X-TC-Region': 'ap-guangzhou',
    });
  });
});

describe('TC3 details', () => {
  it('scopes the credential with the UTC date, which is a day earlier than Beijing time here', () => {
    // 1551113065 is 2019-02-25T16:44:25Z, already 26 February in Beijing
    expect(tc3Date(1551113065)).toBe('2019-02-25');
  });

  it('omits X-TC-Region when the API takes none', () => {
    const signed = signTc3Request({
      secretId: 'id',
      secretKey: 'key',
      service: 'billing',
      url: 'https://billing.tencentcloudapi.com/',
      action: 'DescribeAccountBalance',
      version: '2018-07-09',
      timestampSeconds: 1700000000,
      payload: '{}',
    });
    expect(Object.keys(signed.headers)).not.toContain('X-TC-Region');
  });

  it('signs the host with its port and the path below a sandbox prefix', () => {
    const signed = signTc3Request({
      secretId: 'id',
      secretKey: 'key',
      service: 'billing',
      url: 'http://127.0.0.1:40123/tencent/',
      action: 'DescribeAccountBalance',
      version: '2018-07-09',
      timestampSeconds: 1700000000,
      payload: '{}',
    });
    expect(signed.canonicalRequest.split('\n').slice(0, 5)).toEqual([
      'POST',
      '/tencent/',
      '',
      'content-type:application/json; charset=utf-8',
      'host:127.0.0.1:40123',
    ]);
  });

  it('lower-cases and trims header values as the current doc asks', () => {
    const canonical = tc3CanonicalRequest({
      method: 'POST',
      canonicalUri: '/',
      canonicalQuery: '',
      headers: { 'x-tc-action': ' DescribeInstances ' },
      signedHeaders: ['x-tc-action'],
      payload: '',
    });
    expect(canonical.split('\n')[3]).toBe('x-tc-action:describeinstances');
  });

  it('reads an Authorization header back into its parts', () => {
    expect(parseTc3Authorization(DOC.authorization)).toEqual({
      secretId: DOC.secretId,
      date: '2019-02-25',
      service: 'cvm',
      signedHeaders: ['content-type', 'host'],
      signature: DOC.signature,
    });
  });

  it.each([
    ['a missing header', undefined],
    ['another scheme', 'Bearer abc'],
    ['a truncated signature', DOC.authorization.slice(0, -1)],
    ['a missing scope terminator', DOC.authorization.replace('tc3_request', 'request')],
  ])('rejects %s', (_, header) => {
    expect(parseTc3Authorization(header)).toBeUndefined();
  });
});
