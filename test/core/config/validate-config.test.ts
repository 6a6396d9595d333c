import * as fs from 'fs';
import * as path from 'path';
import { fakeCalendar } from './fake-calendar';
import { calendarData, isSupportedCalendar } from '../../../lambda/core/calendar/resolve-calendar';
import {
  formatProblems,
  loadConfig,
  parseConfigText,
  validateConfig,
  type ConfigValidationOptions,
} from '../../../lambda/core/config';
import type { GuardConfig } from '../../../lambda/core/model';

const contractExample = fs.readFileSync(path.join(__dirname, 'fixtures', 'valid', 'contract-example.yaml'), 'utf8');

function load(text: string, calendar: ConfigValidationOptions = fakeCalendar()) {
  return loadConfig(text, 'renewal-guard.yaml', calendar);
}

/** The one warning of a document whose services name owner addresses and that configures no ownerEmail. */
function noOwnerSender(services: number) {
  return {
    path: 'ownerEmail',
    message:
      `${services} service(s) declare owners with email addresses, but no ownerEmail sender is configured, so owners ` +
      'receive no email; set ownerEmail.from (the construct: ownerEmail: OwnerEmail.ses({ fromAddress })), or ' +
      'ownerEmail.enabled: false to say this is meant',
  };
}

function expectValid(text: string, calendar: ConfigValidationOptions = fakeCalendar()): GuardConfig {
  const result = load(text, calendar);
  if (!result.ok) throw new Error(`expected a valid document, got:\n${formatProblems(result.problems)}`);
  return result.config;
}

describe('a valid document', () => {
  it('normalizes the contract example to the full GuardConfig', () => {
    // Act
    const result = load(contractExample);

    // Assess
    expect(result).toEqual({
      ok: true,
      config: {
        version: 1,
        timeZone: 'Asia/Shanghai',
        checkTime: '09:30',
        calendar: { spec: 'CN', coveredYears: [2024, 2025, 2026], holidays: ['2026-10-01'], workdays: ['2026-10-10'] },
        quietHours: { from: '22:00', to: '08:00' },
        reminderDays: [60, 30, 15, 7, 1],
        digest: { weekday: 'MON', time: '10:00' },
        accounts: [
          {
            id: 'agora-main',
            vendor: 'agora',
            credentials: 'renewal-guard/agora-main',
            endpoint: 'https://api.agora.io',
            balance: { minAmount: 500, minRunwayDays: 14, minFractionOfMonthlySpend: 0.5 },
            options: {},
          },
        ],
        services: [
          {
            id: 'live-rtc',
            name: 'Live app RTC',
            project: 'live-app',
            account: 'agora-main',
            kind: 'subscription',
            expiresOn: '2026-10-09',
            autoRenew: false,
            owners: ['alice@example.com'],
            criticality: 'core',
            reminderDays: [30, 7, 1],
            channels: ['ops'],
          },
        ],
        channels: [
          {
            id: 'ops',
            type: 'email',
            to: ['tech-lead@example.com', 'finance@example.com'],
            minSeverity: 'info',
            options: {},
          },
        ],
      },
      // its reminders all land in 2026, which the official CN data covers; its owner has no sender
      warnings: [noOwnerSender(1)],
    });
  });

  it('reads the same document written as JSON to the same config', () => {
    // Prepare
    const asJson = JSON.stringify(parseConfigText(contractExample, 'renewal-guard.yaml'), null, 2);

    // Act / Assess
    expect(expectValid(asJson)).toEqual(expectValid(contractExample));
  });

  it('fills every default a minimal document leaves out', () => {
    // Act
    const config = expectValid(`
version: 1
services:
  - { id: live-rtc, name: Live app RTC, project: live-app, kind: prepaid, owners: [alice] }
channels:
  - { id: ops, type: email, to: [ops@example.com] }
  - { id: chat, type: slack, secret: renewal-guard/slack-ops }
`);

    // Assess
    expect(config).toEqual({
      version: 1,
      timeZone: 'UTC',
      checkTime: '09:00',
      calendar: { spec: 'weekends', coveredYears: [], holidays: [], workdays: [] },
      reminderDays: [60, 30, 15, 7, 1],
      accounts: [],
      services: [
        {
          id: 'live-rtc',
          name: 'Live app RTC',
          project: 'live-app',
          kind: 'prepaid',
          autoRenew: false,
          owners: ['alice'],
          criticality: 'standard',
          reminderDays: [60, 30, 15, 7, 1],
          channels: ['ops', 'chat'],
        },
      ],
      channels: [
        { id: 'ops', type: 'email', to: ['ops@example.com'], minSeverity: 'info', options: {} },
        { id: 'chat', type: 'slack', to: [], minSeverity: 'info', secret: 'renewal-guard/slack-ops', options: {} },
      ],
    });
  });

  it("gives a service the document's tiers unless it has its own, and sorts tiers most distant first", () => {
    // Act
    const config = expectValid(`
version: 1
reminderDays: [1, 30, 7]
services:
  - { id: a, name: A, project: p, kind: prepaid, owners: [alice] }
  - { id: b, name: B, project: p, kind: prepaid, owners: [alice], reminderDays: [0, 90, 14] }
`);

    // Assess
    expect(config.reminderDays).toEqual([30, 7, 1]);
    expect(config.services.map((s) => s.reminderDays)).toEqual([
      [30, 7, 1],
      [90, 14, 0],
    ]);
  });

  it('keeps vendor extras of an account in its options, untouched', () => {
    // Act
    const config = expectValid(`
version: 1
accounts:
  - id: agora-main
    vendor: agora
    credentials: renewal-guard/agora-main
    site: intl
    priceTable: { audio: 0.99, video-hd: 3.99 }
  - id: paper
    vendor: manual
`);

    // Assess
    expect(config.accounts).toEqual([
      {
        id: 'agora-main',
        vendor: 'agora',
        credentials: 'renewal-guard/agora-main',
        options: { site: 'intl', priceTable: { audio: 0.99, 'video-hd': 3.99 } },
      },
      { id: 'paper', vendor: 'manual', options: {} },
    ]);
  });

  it('accepts plain http only for the local vendor sandbox', () => {
    // Act
    const config = expectValid(`
version: 1
accounts:
  - { id: a, vendor: agora, credentials: renewal-guard/a, endpoint: "http://localhost:4010" }
  - { id: b, vendor: agora, credentials: renewal-guard/b, endpoint: "http://127.0.0.1:4010/v1" }
  - { id: c, vendor: agora, credentials: renewal-guard/c, endpoint: "http://[::1]:4010" }
`);

    // Assess
    expect(config.accounts.map((a) => a.endpoint)).toEqual([
      'http://localhost:4010',
      'http://127.0.0.1:4010/v1',
      'http://[::1]:4010',
    ]);
  });

  it('accepts E.164 numbers for sms, quoted, and passes channel options through', () => {
    // Act
    const config = expectValid(`
version: 1
channels:
  - id: oncall
    type: sms
    to: ["+8613800000000", "+14155550100"]
    minSeverity: critical
  - id: ding
    type: dingtalk
    secret: renewal-guard/dingtalk-ops
    options: { atMobiles: ["+8613800000000"] }
`);

    // Assess
    expect(config.channels).toEqual([
      { id: 'oncall', type: 'sms', to: ['+8613800000000', '+14155550100'], minSeverity: 'critical', options: {} },
      {
        id: 'ding',
        type: 'dingtalk',
        to: [],
        minSeverity: 'info',
        secret: 'renewal-guard/dingtalk-ops',
        options: { atMobiles: ['+8613800000000'] },
      },
    ]);
  });

  it('warns, without failing, when there are no services to watch', () => {
    // Act
    const result = load('version: 1\n');

    // Assess
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([{ path: 'services', message: 'no services are listed; nothing will be watched' }]);
  });
});

describe('calendar resolution', () => {
  const twoServices = (calendar: string) => `
version: 1
calendar: ${calendar}
services:
  - { id: a, name: A, project: p, kind: contract, expiresOn: 2026-10-09, owners: [alice] }
  - { id: b, name: B, project: p, kind: contract, expiresOn: 2028-01-15, owners: [alice] }
  - { id: c, name: C, project: p, kind: prepaid, owners: [alice] }
`;

  it('asks for the year before the earliest expiry through the year after the latest', () => {
    // Prepare
    const calendar = fakeCalendar();

    // Act
    expectValid(twoServices('US'), calendar);

    // Assess
    expect(calendar.calls).toEqual([['US', [2025, 2026, 2027, 2028, 2029]]]);
  });

  it('asks for no years when no service has a date', () => {
    // Prepare
    const calendar = fakeCalendar();

    // Act
    expectValid(
      'version: 1\ncalendar: CN\nservices: [{ id: a, name: A, project: p, kind: prepaid, owners: [x] }]\n',
      calendar,
    );

    // Assess
    expect(calendar.calls).toEqual([['CN', []]]);
  });

  it('warns once for each year reminders land in that the calendar has no official data for', () => {
    // Act
    const result = load(twoServices('CN'));

    // Assess
    expect(result.ok).toBe(true);
    expect(formatProblems(result.warnings)).toBe(
      [
        'calendar: CN has no official holiday data for 2027; weekends alone are used there',
        'calendar: CN has no official holiday data for 2028; weekends alone are used there',
      ].join('\n'),
    );
  });

  it('never warns about missing data for the weekends calendar', () => {
    // Prepare
    const weekendsWithoutData = {
      ...fakeCalendar(),
      resolveCalendar: (spec: string) => ({ spec, coveredYears: [], holidays: [], workdays: [] }),
    };

    // Act
    const result = load(twoServices('weekends'), weekendsWithoutData);

    // Assess
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('reports a calendar the resolver cannot produce as a problem instead of throwing', () => {
    // Prepare
    const failing = {
      ...fakeCalendar(),
      resolveCalendar: () => {
        throw new Error('holiday table is corrupt');
      },
    };

    // Act
    const result = load(twoServices('CN'), failing);

    // Assess
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'calendar', message: 'CN could not be resolved: holiday table is corrupt' }],
      warnings: [],
    });
  });

  it('works with the real calendar module: official CN data, a provisional-year warning where it ends', () => {
    // Act: a February 2027 expiry has its 60-day tier in 2026 (covered) and the rest in 2027 (not)
    const result = load(contractExample.replace('expiresOn: 2026-10-09', 'expiresOn: 2027-02-10'), {
      resolveCalendar: calendarData,
      isSupportedCalendar,
    });

    // Assess
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.calendar.spec).toBe('CN');
    expect(result.config.calendar.holidays).toContain('2026-10-01');
    expect(result.warnings).toEqual([
      noOwnerSender(1),
      {
        path: 'calendar',
        message:
          'CN has no official holiday data for 2027; it is provisional: the festivals are estimated and treated as ' +
          'non-working (2027-01-01/2027-01-03, 2027-02-04/2027-02-13, 2027-04-03/2027-04-05, 2027-05-01/2027-05-05, ' +
          '2027-06-09, 2027-09-15, 2027-10-01/2027-10-07), so reminders move earlier, never later. Once the official ' +
          'schedule is out, declare it: calendar: { base: CN, holidays: [...], workdays: [...], coveredYears: [2027] }',
      },
    ]);
  });
});

describe('uncovered calendar years', () => {
  it('warns about the first three one by one and sums up the rest in one line, so a typo like 2126 does not flood', () => {
    // Prepare: next to a 2026 expiry, one mistyped a century ahead leaves 2027 to 2126 without official CN data
    const text = `version: 1
calendar: CN
services:
  - { id: live-rtc, name: Live, project: p, kind: subscription, expiresOn: 2026-10-09, owners: [Alice] }
  - { id: voice, name: Voice, project: p, kind: subscription, expiresOn: 2126-10-09, owners: [Bob] }
`;

    // Act
    const result = load(text, { resolveCalendar: calendarData, isSupportedCalendar });

    // Assess
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const calendarWarnings = result.warnings.filter((w) => w.path === 'calendar').map((w) => w.message);
    expect(calendarWarnings.map((m) => m.slice(0, 42))).toEqual([
      'CN has no official holiday data for 2027; ',
      'CN has no official holiday data for 2028; ',
      'CN has no official holiday data for 2029; ',
      'CN has no official holiday data for 2030-2',
    ]);
    expect(calendarWarnings[3]).toBe(
      'CN has no official holiday data for 2030-2126 either (97 more years): they are treated as the years above; ' +
        'if a date reaches that far by mistake, correct it, else declare them under calendar: { coveredYears }',
    );
  });
});

describe('a document with many problems', () => {
  it('reports all of them at once, section by section, and returns no config', () => {
    // Prepare
    const text = `
version: 2
timeZone: Asia/Shangai
checkTime: "25:00"
calendar: Mars
reminderDays: [60, -1, 7.5, 7, 7]
digest: { weekday: FUNDAY, time: "10:00" }
accounts:
  - id: agora-main
    vendor: agora
    credentials: 5c1e7f6d9b3a4e2f8a0b1c2d3e4f5a6b
  - id: agora-main
    vendor: zoom
    credentials: { key: abc }
services:
  - id: live-rtc
    name: Live app RTC
    project: live-app
    account: agora-mian
    kind: subscription
    expiresOn: 2026-02-30
    autoRenew: "yes"
    owners: []
    criticality: urgent
    channels: [ops, pager]
  - id: live-rtc
    name: Chat
    project: live-app
    kind: package
    owners: [bob]
    expireOn: 2026-12-01
channels:
  - id: ops
    type: email
    to: [ops@example, finance@example.com]
  - id: chat
    type: slack
    secret: https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX
`;

    // Act
    const result = load(text);

    // Assess
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('config');
    if (result.ok) return;
    expect(formatProblems(result.problems).split('\n')).toEqual([
      'version: 2 is not supported; use version: 1',
      'timeZone: "Asia/Shangai" is not an IANA time zone',
      'checkTime: "25:00" is not a time (expected HH:MM, 00:00 to 23:59)',
      'calendar: "Mars" is not a supported calendar (e.g. CN, US, weekends)',
      'reminderDays[1]: -1 is not a whole number of days from 0 to 3650',
      'reminderDays[2]: 7.5 is not a whole number of days from 0 to 3650',
      'reminderDays[4]: 7 is listed twice (also at reminderDays[3]); keep one',
      'digest.weekday: "FUNDAY" is not a weekday; expected one of MON, TUE, WED, THU, FRI, SAT, SUN',
      "accounts[0].credentials: looks like a credential value, not a secret name; store it in Secrets Manager and give the secret's name (e.g. renewal-guard/agora-main)",
      'accounts[1].id: "agora-main" is used by accounts[0] too',
      'accounts[1].vendor: "zoom" is not a supported vendor; expected one of agora, tencent, alibaba, twilio, huawei, vonage, http-json, manual',
      'accounts[1].credentials: give the name of a secret holding the credentials, not the credentials themselves',
      'services[0].account: "agora-mian" is not an account id (known: agora-main)',
      'services[0].expiresOn: "2026-02-30" is not a calendar date (expected YYYY-MM-DD)',
      'services[0].autoRenew: expected true or false, got "yes"',
      'services[0].owners: empty; name at least one responsible person, e.g. [alice@example.com]',
      'services[0].criticality: "urgent" is not a criticality; expected one of core, standard, experimental',
      'services[0].channels[1]: "pager" is not a channel id (known: ops, chat)',
      'services[1].expireOn: unknown field; did you mean expiresOn?',
      'services[1].id: "live-rtc" is used by services[0] too',
      'services[1].expiresOn: required for kind package; give the day it lapses as YYYY-MM-DD',
      'channels[0].to[0]: "ops@example" is not an email address',
      "channels[1].secret: looks like a credential value, not a secret name; store it in Secrets Manager and give the secret's name (e.g. renewal-guard/chat)",
    ]);
  });

  it('validates the same parsed document to the same result every time', () => {
    // Prepare
    const doc = parseConfigText(contractExample, 'renewal-guard.yaml');

    // Act
    const first = validateConfig(doc, fakeCalendar());
    const second = validateConfig(doc, fakeCalendar());

    // Assess
    expect(second).toEqual(first);
  });
});
