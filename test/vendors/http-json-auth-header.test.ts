import type { AccountConfig } from '../../lambda/core/model';
import { AUTH_HEADERS, readHttpJsonOptions } from '../../lambda/vendors/http-json';
import { vendorOptionProblems } from '../../lambda/vendors/vendor-option-check';

function account(authHeader: unknown): AccountConfig {
  return {
    id: 'billing-x',
    vendor: 'http-json',
    credentials: 'renewal-guard/billing-x',
    endpoint: 'https://api.example.com',
    options: { balancePath: 'data.balance', currency: 'USD', authHeader },
  };
}

describe('the header an http-json token travels in', () => {
  it.each(['Host', 'Content-Length', 'Cookie', 'Accept', 'Content-Type', 'User-Agent', 'X-Forwarded-For', 'Referer'])(
    'is not %s, which would drop or misroute the token',
    (header) => {
      expect(vendorOptionProblems(account(header), '2026-09-30')).toEqual([
        {
          path: 'authHeader',
          message: `"${header}" is not a header that carries a credential; use one of ${AUTH_HEADERS.join(', ')}`,
        },
      ]);
    },
  );

  it('does not echo a value that is not a header name at all (a pasted token, say)', () => {
    const [problem] = vendorOptionProblems(account('Bearer sk_live_abcdef0123456789'), '2026-09-30');

    expect(problem!.message).toMatch(/^the value is not a header/);
    expect(problem!.message).not.toContain('sk_live');
  });

  it.each([
    ['Authorization', 'Authorization', 'Bearer'],
    ['x-api-key', 'X-Api-Key', ''],
    ['PRIVATE-TOKEN', 'Private-Token', ''],
  ])('is %s, read as %s with scheme %p', (given, header, scheme) => {
    const options = readHttpJsonOptions(account(given));

    expect([options.authHeader, options.authScheme]).toEqual([header, scheme]);
  });

  it('is Authorization when not given', () => {
    expect(readHttpJsonOptions(account(undefined)).authHeader).toBe('Authorization');
  });
});
