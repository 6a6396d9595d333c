import {
  huaweiAuthorization,
  huaweiCanonicalQuery,
  huaweiCanonicalRequest,
  huaweiCanonicalUri,
  huaweiSignature,
  huaweiStringToSign,
  parseHuaweiAuthorization,
  parseSdkDate,
  sdkDate,
  sha256Hex,
  signHuaweiRequest,
} from '../../../lambda/vendors/signing';

/**
 * The worked example of Huawei Cloud's "API Request Signing Guide" (AK/SK signing algorithm, the VPC list
 * GET at 20191115T033655Z, https://support.huaweicloud.com/devg-apisign/api-sign-algorithm-002.html):
 * the guide publishes the canonical request's hash and the signature for its example AK/SK.
 */
const DOC = {
  accessKey: 'QTWAOYTTINDUT2QVKYUC',
  secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
  url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?marker=13551d6b-755d-4757-b956-536f674975c0&limit=2',
  canonicalRequest:
    'GET\n/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/\nlimit=2&marker=13551d6b-755d-4757-b956-536f674975c0\n' +
    'content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n\n' +
    'content-type;host;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  hashedCanonicalRequest: 'b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
  signature: '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
};

describe('SDK-HMAC-SHA256 against the documented example', () => {
  it('builds the canonical request whose hash the guide publishes', () => {
    const canonical = huaweiCanonicalRequest({
      method: 'GET',
      canonicalUri: huaweiCanonicalUri('/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs'),
      canonicalQuery: huaweiCanonicalQuery([
        ['marker', '13551d6b-755d-4757-b956-536f674975c0'],
        ['limit', '2'],
      ]),
      headers: {
        'content-type': 'application/json',
        host: 'service.region.example.com',
        'x-sdk-date': '20191115T033655Z',
      },
      signedHeaders: ['content-type', 'host', 'x-sdk-date'],
      payload: '',
    });
    expect(canonical).toBe(DOC.canonicalRequest);
    expect(sha256Hex(canonical)).toBe(DOC.hashedCanonicalRequest);
  });

  it('signs the documented string to sign into the documented signature', () => {
    const stringToSign = huaweiStringToSign('20191115T033655Z', DOC.canonicalRequest);
    expect(stringToSign).toBe(`SDK-HMAC-SHA256\n20191115T033655Z\n${DOC.hashedCanonicalRequest}`);
    expect(huaweiSignature(DOC.secretKey, stringToSign)).toBe(DOC.signature);
  });

  it('signs the documented request end to end into the documented Authorization header', () => {
    const signed = signHuaweiRequest({
      accessKey: DOC.accessKey,
      secretKey: DOC.secretKey,
      method: 'GET',
      url: DOC.url,
      headers: { 'Content-Type': 'application/json' },
      at: new Date('2019-11-15T03:36:55Z'),
    });
    expect(signed.canonicalRequest).toBe(DOC.canonicalRequest);
    expect(signed.headers).toEqual({
      'Content-Type': 'application/json',
      'X-Sdk-Date': '20191115T033655Z',
      Authorization:
        'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, ' +
        `Signature=${DOC.signature}`,
    });
  });
});

describe('SDK-HMAC details', () => {
  it('always ends the canonical URI with a slash and encodes each segment once', () => {
    expect(huaweiCanonicalUri('/v2/accounts/')).toBe('/v2/accounts/');
    expect(huaweiCanonicalUri('/v1/a%20b/c*d')).toBe('/v1/a%20b/c%2Ad/');
  });

  it('sorts repeated parameters by value', () => {
    expect(
      huaweiCanonicalQuery([
        ['b', '2'],
        ['a', 'y'],
        ['a', 'x z'],
      ]),
    ).toBe('a=x%20z&a=y&b=2');
  });

  it('writes and reads X-Sdk-Date in the documented shape', () => {
    expect(sdkDate(new Date('2026-09-30T01:02:03.456Z'))).toBe('20260930T010203Z');
    expect(parseSdkDate('20260930T010203Z')?.toISOString()).toBe('2026-09-30T01:02:03.000Z');
    expect(parseSdkDate('2026-09-30T01:02:03Z')).toBeUndefined();
    expect(parseSdkDate(undefined)).toBeUndefined();
  });

  it('reads an Authorization header back into its parts', () => {
    const header = huaweiAuthorization({
      accessKey: DOC.accessKey,
      signedHeaders: ['host', 'x-sdk-date'],
      signature: DOC.signature,
    });
    expect(parseHuaweiAuthorization(header)).toEqual({
      accessKey: DOC.accessKey,
      signedHeaders: ['host', 'x-sdk-date'],
      signature: DOC.signature,
    });
    expect(parseHuaweiAuthorization(header.replace('SDK-HMAC-SHA256', 'HMAC'))).toBeUndefined();
  });

  it('signs the port of a sandbox host and every header it sends', () => {
    const signed = signHuaweiRequest({
      accessKey: 'ak',
      secretKey: 'sk',
      method: 'POST',
      url: 'http://127.0.0.1:40123/huawei/v3/payments/free-resources/query',
      headers: { 'Content-Type': 'application/json', 'X-Project-Id': 'p1' },
      body: '{"offset":0,"limit":100}',
      at: new Date('2026-09-30T01:30:00Z'),
    });
    expect(parseHuaweiAuthorization(signed.headers.Authorization)?.signedHeaders).toEqual([
      'content-type',
      'host',
      'x-project-id',
      'x-sdk-date',
    ]);
    expect(signed.canonicalRequest.split('\n').slice(0, 2)).toEqual([
      'POST',
      '/huawei/v3/payments/free-resources/query/',
    ]);
  });
});
