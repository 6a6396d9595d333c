import { fakeCalendar } from './fake-calendar';
import { loadConfig, looksLikeCredentialValue } from '../../../lambda/core/config';
import { localSecretVariable } from '../../../lambda/core/config/secret-names';
import {
  largestServiceTextBytes,
  SERVICE_TEXT_BUDGET_BYTES,
  TEXT_LIMITS,
} from '../../../lambda/core/config/text-limits';
import type { ConfigProblem } from '../../../lambda/core/model';

/** A valid document with one service, whose fields `service` overrides (JSON, so any string survives). */
function document(service: Record<string, unknown> = {}, rest: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: 1,
    calendar: 'weekends',
    services: [
      {
        id: 'live-rtc',
        name: 'Live app RTC',
        project: 'live-app',
        kind: 'subscription',
        expiresOn: '2026-10-09',
        owners: ['alice@example.com'],
        ...service,
      },
    ],
    ...rest,
  });
}

function problems(text: string): ConfigProblem[] {
  const result = loadConfig(text, 'doc.json', fakeCalendar());
  return result.ok ? [] : result.problems;
}

describe('dates at the edges', () => {
  it.each([
    ['0000-01-01', 'expiresOn'],
    ['9999-12-31', 'expiresOn'],
    ['1999-12-31', 'expiresOn'],
    ['2200-01-01', 'expiresOn'],
    ['0001-01-01', 'startsOn'],
    ['9999-12-30', 'ownersConfirmedOn'],
  ])('refuses %s in %s, naming the field and the supported years', (date, field) => {
    const found = problems(document({ [field]: date, ...(field === 'startsOn' ? {} : {}) }));

    expect(found).toEqual([
      {
        path: `services[0].${field}`,
        message: `"${date}" is outside the supported years 2000 to 2199; give a real date in that range`,
      },
    ]);
  });

  it.each([
    ['a holiday on 9999-12-31', ['9999-12-31'], '"9999-12-31"'],
    ['a holiday on 0000-01-01', ['0000-01-01'], '"0000-01-01"'],
    ['a range into year 9999', ['2199-12-30/9999-12-31'], '"9999-12-31"'],
  ])('refuses %s in a declared calendar, naming the item instead of crashing', (_, holidays, quoted) => {
    const found = problems(document({}, { calendar: { base: 'weekends', holidays } }));

    expect(found).toEqual([
      { path: 'calendar.holidays[0]', message: `${quoted} is outside the supported years 2000 to 2199` },
    ]);
  });

  it.each(['2000-01-01', '2199-12-31'])('accepts %s, the edge of the range', (date) => {
    expect(problems(document({ expiresOn: date }))).toEqual([]);
  });
});

describe('sizes the registry can hold', () => {
  it('refuses a 1 MB name, naming its length, the cap and the limits behind it', () => {
    const found = problems(document({ name: 'x'.repeat(1_048_576) }));

    expect(found).toEqual([
      {
        path: 'services[0].name',
        message:
          '1048576 characters; at most 200 (every service is one DynamoDB item (400 KB at most) and each alert ' +
          'about it one SNS message (256 KB at most))',
      },
    ]);
  });

  it('refuses 2,000 long owners at the list', () => {
    const owners = Array.from({ length: 2000 }, (_, i) => `owner-${i}-${'o'.repeat(180)}@example.com`);

    const found = problems(document({ owners }));

    expect(found).toEqual([
      { path: 'services[0].owners', message: expect.stringMatching(/^2000 owners; at most 20 \(.*DynamoDB.*SNS/) },
    ]);
  });

  it('refuses an owner longer than an email address can be', () => {
    const found = problems(document({ owners: ['alice@example.com', `${'a'.repeat(250)}@example.com`] }));

    expect(found.map((p) => [p.path, p.message.slice(0, 36)])).toEqual([
      ['services[0].owners[1]', '262 characters; at most 254 (every s'],
    ]);
  });

  it('counts characters, not UTF-16 units: 200 emoji make a valid name', () => {
    expect(problems(document({ name: '🎧'.repeat(TEXT_LIMITS.name) }))).toEqual([]);
    expect(problems(document({ name: '🎧'.repeat(TEXT_LIMITS.name + 1) }))[0]?.message).toMatch(/^201 characters/);
  });

  it('refuses more channels than a service item can list', () => {
    const channels = Array.from({ length: 201 }, (_, i) => ({ id: `c${i}`, type: 'email', to: ['ops@example.com'] }));

    const found = problems(document({}, { channels }));

    expect(found).toEqual([{ path: 'channels', message: expect.stringMatching(/^201 channels; at most 200 \(/) }]);
  });

  it('keeps the texts of the largest valid service within its budget, a sixth of an SNS message', () => {
    expect(largestServiceTextBytes()).toBeLessThanOrEqual(SERVICE_TEXT_BUDGET_BYTES);
  });
});

describe('user text is one line of plain text', () => {
  it.each([
    ['a newline in a name', { name: 'Live\nRTC' }, 'services[0].name', 'U+000A at position 5'],
    ['a carriage return in a project', { project: 'live\rapp' }, 'services[0].project', 'U+000D at position 5'],
    ['a tab in an owner', { owners: ['alice\t@example.com'] }, 'services[0].owners[0]', 'U+0009 at position 6'],
    ['NUL in an entitlement', { account: undefined, entitlement: 'pkg\u0000' }, 'services[0].entitlement', 'U+0000'],
    ['DEL in a name', { name: 'RTC\u007f' }, 'services[0].name', 'U+007F'],
    ['a C1 control in a name', { name: 'RTC\u0085x' }, 'services[0].name', 'U+0085'],
    ['a right-to-left override in a project', { project: 'live\u202eppa' }, 'services[0].project', 'U+202E'],
    ['a bidi isolate in an owner', { owners: ['\u2066bob@example.com'] }, 'services[0].owners[0]', 'U+2066'],
    ['a line separator in a name', { name: 'Live\u2028RTC' }, 'services[0].name', 'U+2028'],
    ['a paragraph separator in a name', { name: 'Live\u2029RTC' }, 'services[0].name', 'U+2029'],
    ['an escape sequence in a name', { name: '\u001b[31mRTC' }, 'services[0].name', 'U+001B at position 1'],
  ])('refuses %s, naming the field and the character', (_, fields, path, what) => {
    const found = problems(document(fields)).filter((p) => p.path === path);

    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(`contains the control character ${what}`);
  });

  it('refuses a control character in an id, as every id is [a-z0-9-]', () => {
    expect(problems(document({ id: 'live\nrtc' })).map((p) => p.path)).toEqual(['services[0].id']);
  });

  it('keeps Chinese, accents and emoji joiners', () => {
    expect(problems(document({ name: '语音房 TRTC · Café 👩‍💻', project: 'voice 语音' }))).toEqual([]);
  });
});

describe('secret names', () => {
  it.each([
    ['a Huawei access key id', 'HPUAXYZ12345ABCDE678'],
    ['a bare AWS secret access key', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['an AWS secret access key with a plus', 'je7MtGbClwBF+2Zp9Utk/h3yCo8nvbEXAMPLEKEY'],
  ])('takes %s for a credential, not a name', (_, value) => {
    expect(looksLikeCredentialValue(value)).toBe(true);
    const found = problems(
      JSON.stringify({
        version: 1,
        calendar: 'weekends',
        accounts: [{ id: 'hw', vendor: 'huawei', credentials: value }],
      }),
    );
    expect(found).toEqual([
      {
        path: 'accounts[0].credentials',
        message:
          "looks like a credential value, not a secret name; store it in Secrets Manager and give the secret's name (e.g. renewal-guard/hw)",
      },
    ]);
    expect(JSON.stringify(found)).not.toContain(value);
  });

  it.each([
    'renewal-guard/huawei-main',
    'prod/renewal/guard/agora/main/credential',
    'RenewalGuard/AgoraMainProduction',
  ])('still takes %s for a name', (name) => {
    expect(looksLikeCredentialValue(name)).toBe(false);
  });

  it('refuses names that share one local environment variable, naming both', () => {
    const doc = JSON.stringify({
      version: 1,
      calendar: 'weekends',
      accounts: [
        { id: 'a1', vendor: 'agora', credentials: 'renewal-guard/agora-main' },
        { id: 'a2', vendor: 'agora', credentials: 'renewal-guard/agora.main' },
      ],
      channels: [{ id: 'chat', type: 'slack', secret: 'Renewal-Guard/Agora_Main' }],
    });

    const found = problems(doc);

    const variable = 'RENEWAL_GUARD_SECRET__RENEWAL_GUARD_AGORA_MAIN';
    expect(localSecretVariable('renewal-guard/agora-main')).toBe(variable);
    expect(found).toEqual([
      {
        path: 'accounts[1].credentials',
        message:
          'secret name "renewal-guard/agora.main" and "renewal-guard/agora-main" (accounts[0].credentials) map to ' +
          `the same local environment variable ${variable}, so they would share one credential; rename one of them`,
      },
      {
        path: 'channels[0].secret',
        message: expect.stringContaining(
          '"Renewal-Guard/Agora_Main" and "renewal-guard/agora-main" (accounts[0].credentials)',
        ),
      },
    ]);
  });

  it('lets two accounts name the same secret: one credential, shared on purpose', () => {
    const doc = JSON.stringify({
      version: 1,
      calendar: 'weekends',
      accounts: [
        { id: 'a1', vendor: 'agora', credentials: 'renewal-guard/agora-main' },
        { id: 'a2', vendor: 'agora', credentials: 'renewal-guard/agora-main' },
      ],
    });

    expect(problems(doc)).toEqual([]);
  });
});
