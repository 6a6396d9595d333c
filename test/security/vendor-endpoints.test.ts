/**
 * Vendor endpoints must be https unless they point at the local sandbox (README "Security"): plain http
 * is allowed for exactly the loopback hosts localhost, 127.0.0.1 and [::1], matched on the parsed host,
 * never on a prefix. Channels take no URL in the config (webhook URLs live in their secrets), so there
 * is nothing to check for them here.
 */
import { validateConfig } from '../../lambda/core/config';
import { fakeCalendar } from '../core/config/fake-calendar';

function withEndpoint(endpoint: unknown) {
  return validateConfig(
    {
      version: 1,
      accounts: [{ id: 'acct', vendor: 'http-json', credentials: 'renewal-guard/acct', endpoint }],
      services: [
        {
          id: 'svc',
          name: 'Svc',
          project: 'p',
          kind: 'subscription',
          expiresOn: '2026-10-09',
          owners: ['a@example.com'],
        },
      ],
      channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
    },
    fakeCalendar(),
  );
}

function endpointProblems(endpoint: unknown): string[] {
  const result = withEndpoint(endpoint);
  return result.ok ? [] : result.problems.filter((p) => p.path === 'accounts[0].endpoint').map((p) => p.message);
}

describe('a vendor endpoint', () => {
  it.each([
    'https://api.agora.io',
    'https://billing.example.com:8443/v1',
    'http://localhost:4010',
    'http://127.0.0.1:4010/agora',
    'http://[::1]:4010',
    'http://LOCALHOST:4010',
  ])('accepts %s', (endpoint) => {
    const result = withEndpoint(endpoint);
    expect(result.ok && result.config.accounts[0]?.endpoint).toBe(endpoint);
  });

  it.each([
    [
      'http://example.com',
      'http://example.com is not allowed; use https (plain http only for localhost, 127.0.0.1 and [::1])',
    ],
    [
      'http://localhost.evil.com',
      'http://localhost.evil.com is not allowed; use https (plain http only for localhost, 127.0.0.1 and [::1])',
    ],
    [
      'http://127.0.0.1.nip.io:4010',
      'http://127.0.0.1.nip.io:4010 is not allowed; use https (plain http only for localhost, 127.0.0.1 and [::1])',
    ],
    ['http://localhost@evil.com', "must not carry credentials (user:password@); keep them in the account's secret"],
    [
      'http://evil.com#@localhost',
      'http://evil.com is not allowed; use https (plain http only for localhost, 127.0.0.1 and [::1])',
    ],
    [
      'http://10.0.0.8',
      'http://10.0.0.8 is not allowed; use https (plain http only for localhost, 127.0.0.1 and [::1])',
    ],
    [
      'http://[::ffff:127.0.0.1]',
      'http://[::ffff:7f00:1] is not allowed; use https (plain http only for localhost, 127.0.0.1 and [::1])',
    ],
    ['ftp://api.agora.io', 'ftp is not supported; use an https URL'],
    ['javascript:alert(1)', 'javascript is not supported; use an https URL'],
    ['file:///etc/passwd', 'file is not supported; use an https URL'],
    ['data:text/plain,x', 'data is not supported; use an https URL'],
    ['api.agora.io', 'not a URL; give an absolute URL such as https://api.agora.io'],
    [
      'https://user:s3cret@api.agora.io',
      "must not carry credentials (user:password@); keep them in the account's secret",
    ],
  ])('rejects %s with an error on accounts[0].endpoint', (endpoint, message) => {
    expect(endpointProblems(endpoint)).toEqual([message]);
  });

  it('never echoes what was pasted instead of a URL: it may be a key', () => {
    const problems = endpointProblems('sk_live_0123456789abcdef');
    expect(problems).toEqual(['not a URL; give an absolute URL such as https://api.agora.io']);
  });
});
