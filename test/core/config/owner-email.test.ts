import { fakeCalendar } from './fake-calendar';
import { validateConfig } from '../../../lambda/core/config';

const service = (owners: unknown[]) => ({
  id: 'live-rtc',
  name: 'Live app RTC',
  project: 'live-app',
  kind: 'subscription',
  expiresOn: '2026-10-09',
  owners,
});

function validate(extra: Record<string, unknown>, owners: unknown[] = ['alice@example.com']) {
  return validateConfig({ version: 1, services: [service(owners)], ...extra }, fakeCalendar());
}

describe('ownerEmail in the document', () => {
  it('reads a sender, a severity floor and a language, defaulting to on and info', () => {
    expect(validate({ ownerEmail: { from: 'renewal-guard@example.com' } })).toMatchObject({
      ok: true,
      config: { ownerEmail: { enabled: true, from: 'renewal-guard@example.com', minSeverity: 'info' } },
      warnings: [],
    });
    expect(
      validate({ ownerEmail: { from: 'renewal-guard@example.com', minSeverity: 'warning', language: 'zh-CN' } }),
    ).toMatchObject({
      ok: true,
      config: {
        ownerEmail: { enabled: true, from: 'renewal-guard@example.com', minSeverity: 'warning', language: 'zh-CN' },
      },
    });
  });

  it('warns once when services declare owner addresses and no sender is configured', () => {
    const result = validateConfig(
      { version: 1, services: [service(['alice@example.com']), { ...service(['bob@example.com']), id: 'voice' }] },
      fakeCalendar(),
    );

    expect(result.ok).toBe(true);
    expect(result.warnings.filter((w) => w.path === 'ownerEmail')).toEqual([
      {
        path: 'ownerEmail',
        message:
          '2 service(s) declare owners with email addresses, but no ownerEmail sender is configured, so owners ' +
          'receive no email; set ownerEmail.from (the construct: ownerEmail: OwnerEmail.ses({ fromAddress })), or ' +
          'ownerEmail.enabled: false to say this is meant',
      },
    ]);
  });

  it('says nothing when owner email is turned off, and needs no sender then', () => {
    expect(validate({ ownerEmail: { enabled: false } })).toMatchObject({
      ok: true,
      config: { ownerEmail: { enabled: false, minSeverity: 'info' } },
      warnings: [],
    });
  });

  it('warns that owners written as names get no email', () => {
    const result = validate({ ownerEmail: { from: 'renewal-guard@example.com' } }, ['alice@example.com', 'Carol Chen']);

    expect(result.warnings).toEqual([
      {
        path: 'ownerEmail.from',
        message:
          '1 owner entry is not an email address (a name) and will receive no owner email; write the address to reach them',
      },
    ]);
  });

  it('names every problem with its path: a missing or malformed sender, an unknown severity, a stray key', () => {
    expect(validate({ ownerEmail: {} })).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'ownerEmail.from',
          message: 'required; name the sender, an address of an identity verified in Amazon SES',
        },
      ],
    });
    expect(
      validate({ ownerEmail: { from: 'Guard <guard@example.com>', minSeverity: 'loud', enabled: 'yes', sender: 'x' } }),
    ).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([
        expect.objectContaining({ path: 'ownerEmail.sender' }),
        {
          path: 'ownerEmail.from',
          message:
            '"Guard <guard@example.com>" is not an email address; give the bare address (renewal-guard@example.com), no display name',
        },
        expect.objectContaining({
          path: 'ownerEmail.minSeverity',
          message: expect.stringContaining('"loud" is not a severity'),
        }),
        { path: 'ownerEmail.enabled', message: 'expected true or false, got "yes"' },
      ]),
    });
    expect(validate({ ownerEmail: 'ops@example.com' })).toMatchObject({
      ok: false,
      problems: [{ path: 'ownerEmail', message: expect.stringContaining('expected a mapping with from') }],
    });
  });

  it('refuses control characters in the sender (a header injection)', () => {
    expect(validate({ ownerEmail: { from: 'guard@example.com\nBcc: all@example.com' } })).toMatchObject({ ok: false });
  });
});
