import * as fc from 'fast-check';
import { fakeCalendar } from './fake-calendar';
import { formatProblems, loadConfig, looksLikeCredentialValue } from '../../../lambda/core/config';

describe('telling a secret name from a secret value', () => {
  it.each([
    ['a 32-hex Agora App Certificate', '5c1e7f6d9b3a4e2f8a0b1c2d3e4f5a6b'],
    ['a Twilio auth token inside a longer string', 'twilio-9f8e7d6c5b4a39281706f5e4d3c2b1a0'],
    ['a Tencent SecretId', 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE'],
    ['an Alibaba AccessKey id', 'LTAI5tFakeKeyIdExample'],
    ['an AWS access key id', 'AKIAIOSFODNN7EXAMPLE'],
    ['a Twilio Account SID', 'ACa1b2c3d4e5f60718293a4b5c6d7e8f90'],
    ['a Twilio API key SID', 'SK0123456789abcdef0123456789abcdef'],
    ['a Tencent SecretKey', 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE'],
    ['padded base64', 'dGhpcyBpcyBub3QgYSByZWFsIGtleQ=='],
    ['base64 with a plus', 'abcdefghijkl+mnopqrstuvwxyz'],
    ['HTTP Basic user:password', 'customer-id:customer-secret'],
    ['a webhook URL', 'https://oapi.dingtalk.com/robot/send?access_token=abc'],
    ['a bearer token', 'Bearer abc.def.ghi'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc'],
  ])('takes %s for a value', (_, value) => {
    expect(looksLikeCredentialValue(value)).toBe(true);
  });

  it.each([
    'renewal-guard/agora-main',
    'renewal-guard/tencent-intl',
    'prod/rtc/AgoraCustomerSecret2024',
    'agora-main',
    'renewal-guard-agora-main-production',
    'RenewalGuardAgoraMain2024',
    'team@example.com/agora',
    'arn-style.name+suffix=v1',
  ])('takes %s for a name', (name) => {
    expect(looksLikeCredentialValue(name)).toBe(false);
  });

  it('takes any 32-hex string for a value, in any letter case', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-fA-F]{32}$/), (hex) => {
        expect(looksLikeCredentialValue(hex)).toBe(true);
      }),
    );
  });
});

describe('problem messages and secret values', () => {
  const accountWith = (credentials: string) => `
version: 1
accounts:
  - { id: agora-main, vendor: agora, credentials: "${credentials}" }
`;

  it('never repeat a credential value given where a secret name belongs', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{32}$/), (secret) => {
        // Act
        const result = loadConfig(accountWith(secret), 'guard.yaml', fakeCalendar());

        // Assess
        expect(result.ok).toBe(false);
        expect(JSON.stringify(result)).not.toContain(secret);
      }),
      { numRuns: 50 },
    );
  });

  it('never repeat a secret pasted into any field that takes a secret name or a URL', () => {
    // Prepare
    const secrets = [
      '5c1e7f6d9b3a4e2f8a0b1c2d3e4f5a6b',
      '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      's3cr3t-pa55',
      'XXXXXXXXXXXXXXXXXXXXXXXX',
      'my agora secret',
      '98765432',
    ];
    const text = `
version: 1
accounts:
  - { id: a, vendor: agora, credentials: ${secrets[0]} }
  - { id: b, vendor: agora, credentials: { customerId: ${secrets[1]} } }
  - { id: c, vendor: tencent, credentials: ${secrets[2]} }
  - { id: d, vendor: tencent, credentials: ${secrets[3]} }
  - { id: e, vendor: agora, credentials: renewal-guard/e, endpoint: "https://customer:${secrets[4]}@api.agora.io" }
  - { id: f, vendor: agora, credentials: "${secrets[6]}" }
  - { id: g, vendor: agora, credentials: ${secrets[7]} }
  - { id: h, vendor: agora, credentials: renewal-guard/h, endpoint: "${secrets[0]}" }
channels:
  - { id: chat, type: slack, secret: "https://hooks.slack.com/services/T000/B000/${secrets[5]}" }
`;

    // Act
    const result = loadConfig(text, 'guard.yaml', fakeCalendar());

    // Assess
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(9);
    const printed = formatProblems(result.problems);
    for (const secret of secrets) expect(printed).not.toContain(secret);
    expect(printed).not.toContain('hooks.slack.com');
  });

  it('never repeat a key pasted into a field that takes no secret at all', () => {
    // Prepare
    const key = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';

    // Act
    const result = loadConfig(
      `version: 1\ncalendar: ${key}\ndigest: { weekday: ${key}, time: "10:00" }\n`,
      'g.yaml',
      fakeCalendar(),
    );

    // Assess
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'calendar',
          message:
            'a value that looks like a key (not repeated here) is not a supported calendar (e.g. CN, US, weekends)',
        },
        {
          path: 'digest.weekday',
          message:
            'a value that looks like a key (not repeated here) is not a weekday; expected one of MON, TUE, WED, THU, FRI, SAT, SUN',
        },
      ],
      warnings: [],
    });
  });
});
