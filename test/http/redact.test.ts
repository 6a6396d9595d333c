import { requestSecrets, sanitizeEcho } from '../../lambda/http/redact';

describe('what a vendor error may not echo', () => {
  it("redacts Huawei's access key and signature but not the header's labels", () => {
    const secrets = requestSecrets({
      method: 'GET',
      url: 'https://bss.myhuaweicloud.com/v2/accounts/customer-accounts/balances',
      headers: {
        authorization:
          'SDK-HMAC-SHA256 Access=HPUAEXAMPLEKEY123, SignedHeaders=content-type;host;x-sdk-date, Signature=9f1c2e',
      },
    });

    expect(sanitizeEcho('Access denied for HPUAEXAMPLEKEY123 (signature 9f1c2e)', secrets)).toBe(
      'Access denied for [redacted] (signature [redacted])',
    );
  });
});
