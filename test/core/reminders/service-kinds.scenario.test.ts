/**
 * Kinds that mean what they say (issue 16, point 3): a contract with a notice period is decided before
 * the period starts; an SDK version reaches its end of support and is upgraded, not renewed.
 */
import { EMPTY_LEDGER } from '../../../lambda/app/cycle-ledger';
import { loadGuardConfig } from '../../../lambda/app/load-config';
import { previewReminders } from '../../../lambda/cli/commands/preview';
import { WorkingCalendar } from '../../../lambda/core/calendar/working-calendar';
import type { GuardConfig } from '../../../lambda/core/model';
import { decideCycleAlerts } from '../../../lambda/core/policy';
import { dueExpiryReminder, indexChannels } from '../../../lambda/core/reminders';

function guard(service: Record<string, unknown>): GuardConfig {
  const result = loadGuardConfig({
    document: {
      version: 1,
      timeZone: 'Asia/Shanghai',
      calendar: 'weekends',
      reminderDays: [60, 30, 7, 1],
      services: [{ id: 'cdn', name: 'CDN contract', project: 'web', owners: ['dora@example.com'], ...service }],
      channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
    },
  });
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.config;
}

const problems = (service: Record<string, unknown>) => {
  const result = loadGuardConfig({
    document: {
      version: 1,
      services: [{ id: 's', name: 'S', project: 'p', owners: ['a@example.com'], ...service }],
    },
  });
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('a contract with noticeDays', () => {
  // expires Friday 2027-03-26; 30 days of notice: decided by Wednesday 2027-02-24
  const config = guard({ kind: 'contract', expiresOn: '2027-03-26', noticeDays: 30, autoRenew: true });

  it('counts its tiers to the decision date, then only the expiry tiers inside the notice period remain', () => {
    const items = previewReminders(config, '2026-12-01', 130).map((i) => [
      i.date,
      i.kind,
      i.tier,
      i.daysLeft,
      i.severity,
    ]);

    expect(items).toEqual([
      // 60 days before 02-24 is Saturday 2026-12-26: moved to the Friday before
      ['2026-12-25', 'contract-decision', 60, 61, 'info'],
      // 30 days before is Monday 2027-01-25
      ['2027-01-25', 'contract-decision', 30, 30, 'info'],
      ['2027-02-17', 'contract-decision', 7, 7, 'critical'],
      ['2027-02-23', 'contract-decision', 1, 1, 'emergency'],
      ['2027-02-24', 'contract-decision', 0, 0, 'emergency'],
      // the 60- and 30-day expiry tiers fall before the decision: covered by it, not sent again
      ['2027-03-19', 'expiry', 7, 7, 'critical'],
      ['2027-03-25', 'expiry', 1, 1, 'emergency'],
      ['2027-03-26', 'expiry', 0, 0, 'emergency'],
      // it auto-renews: an expiry that does not move is a missed renewal
      ['2027-03-27', 'renewal-missed', undefined, -1, 'emergency'],
    ]);
  });

  it('says what to decide, by when, and why then', () => {
    const calendar = new WorkingCalendar(config.calendar);
    const alert = dueExpiryReminder(config.services[0]!, '2027-02-17', {
      calendar,
      channels: indexChannels(config.channels),
    });

    expect(alert).toMatchObject({
      key: 'cdn:contract-decision:2027-02-24:7',
      kind: 'contract-decision',
      decideBy: '2027-02-24',
      expiresOn: '2027-03-26',
      daysLeft: 7,
      severity: 'critical',
      message:
        'CDN contract (cdn, project web): decide by 2027-02-24 (7 days left) whether to renew, renegotiate or end ' +
        'the contract: its 30-day notice period starts then, before it expires on 2027-03-26 (it renews on its own ' +
        'unless notice is given). Owners: dora@example.com.',
    });
  });

  it('on a first cycle after the decision date, catches up with the expiry, not the missed decision', () => {
    const calendar = new WorkingCalendar(config.calendar);
    const ctx = { calendar, channels: indexChannels(config.channels) };

    expect(dueExpiryReminder(config.services[0]!, '2027-03-01', ctx)).toBeUndefined();
    expect(dueExpiryReminder(config.services[0]!, '2027-03-20', ctx)).toMatchObject({ kind: 'expiry', tier: 7 });
  });

  it('is refused on another kind, and out of range, by its path', () => {
    expect(problems({ kind: 'subscription', expiresOn: '2027-01-01', noticeDays: 30 })).toEqual([
      'services[0].noticeDays: only for kind contract (this service is subscription): the days of notice before expiresOn',
    ]);
    expect(problems({ kind: 'contract', expiresOn: '2027-01-01', noticeDays: 0 })).toEqual([
      'services[0].noticeDays: 0 is out of range; give 1 to 3650 days',
    ]);
    expect(problems({ kind: 'contract', expiresOn: '2027-01-01', noticeDays: '30d' })).toEqual([
      'services[0].noticeDays: expected a whole number of days, got "30d"',
    ]);
  });
});

describe('an sdk-support service with version and endOfSupport', () => {
  const config = guard({ kind: 'sdk-support', name: 'Agora RTC SDK', version: '3.7.2', endOfSupport: '2027-01-29' });

  it('is dated by its end of support, and says "upgrade", not "renew"', () => {
    const items = previewReminders(config, '2027-01-20', 15);

    expect(config.services[0]).toMatchObject({ expiresOn: '2027-01-29', endOfSupport: '2027-01-29', version: '3.7.2' });
    expect(items.map((i) => [i.date, i.kind, i.tier, i.severity])).toEqual([
      // a first cycle catches up with the tier already due
      ['2027-01-20', 'expiry', 30, 'info'],
      ['2027-01-22', 'expiry', 7, 'critical'],
      ['2027-01-28', 'expiry', 1, 'emergency'],
      ['2027-01-29', 'expiry', 0, 'emergency'],
    ]);
    expect(items[1]!.message).toBe(
      'Support for Agora RTC SDK (cdn, project web) version 3.7.2 ends on 2027-01-29 (7 days left). ' +
        'Upgrade to a supported version, or extend its support, before then. Owners: dora@example.com.',
    );
    expect(items[3]!.message).toBe(
      'Support for Agora RTC SDK (cdn, project web) version 3.7.2 ends today (2027-01-29). ' +
        'Upgrade to a supported version now. Owners: dora@example.com.',
    );
    expect(items.every((i) => !/renew/i.test(i.message))).toBe(true);
  });

  it('refuses an endOfSupport that differs from expiresOn, and version on another kind', () => {
    expect(problems({ kind: 'sdk-support', expiresOn: '2027-01-01', endOfSupport: '2027-02-01' })).toEqual([
      'services[0].endOfSupport: 2027-02-01 differs from expiresOn 2027-01-01; for an SDK they are the same day, give one of them',
    ]);
    expect(problems({ kind: 'package', expiresOn: '2027-01-01', version: '1.0' })).toEqual([
      'services[0].version: only for kind sdk-support (this service is package): the SDK version whose support ends',
    ]);
    expect(problems({ kind: 'sdk-support' })).toEqual([
      'services[0].expiresOn: required for kind sdk-support; give the day it lapses as YYYY-MM-DD',
    ]);
  });
});

describe('a payment-method with paysFor', () => {
  const doc = {
    version: 1,
    timeZone: 'Asia/Shanghai',
    calendar: 'weekends',
    services: [
      {
        id: 'corp-card',
        name: 'Corporate Visa ··4242',
        project: 'finance',
        kind: 'payment-method',
        expiresOn: '2027-01-31',
        owners: ['fin@example.com'],
        paysFor: ['live-rtc', 'voice', 'by-hand'],
      },
      {
        id: 'live-rtc',
        name: 'Live app RTC',
        project: 'live-app',
        kind: 'subscription',
        expiresOn: '2027-03-15',
        autoRenew: true,
        owners: ['alice@example.com'],
      },
      {
        id: 'voice',
        name: 'Voice',
        project: 'voice',
        kind: 'subscription',
        expiresOn: '2027-01-20',
        autoRenew: true,
        owners: ['bob@example.com'],
      },
      {
        id: 'by-hand',
        name: 'By hand',
        project: 'voice',
        kind: 'subscription',
        expiresOn: '2027-03-15',
        owners: ['bob@example.com'],
      },
    ],
    channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
  };

  it('raises the auto-renewal risk of what renews after it expires, rising as it nears expiry', () => {
    const result = loadGuardConfig({ document: doc });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    const risks = previewReminders(result.config, '2026-11-20', 120).filter((i) => i.kind === 'auto-renew-risk');

    // voice renews before the card expires, by-hand does not renew itself: only live-rtc is at risk
    expect(risks.map((i) => [i.date, i.serviceId, i.severity, i.key])).toEqual([
      ['2026-12-02', 'live-rtc', 'info', 'live-rtc:auto-renew-risk:2027-03-15:corp-card:2027-01-31:info'],
      ['2027-01-01', 'live-rtc', 'warning', 'live-rtc:auto-renew-risk:2027-03-15:corp-card:2027-01-31:warning'],
      // 7 days before the card expires is Sunday 01-24: said on the Friday before
      ['2027-01-22', 'live-rtc', 'critical', 'live-rtc:auto-renew-risk:2027-03-15:corp-card:2027-01-31:critical'],
      // the card has expired and the renewal is a week away
      ['2027-03-08', 'live-rtc', 'emergency', 'live-rtc:auto-renew-risk:2027-03-15:corp-card:2027-01-31:emergency'],
    ]);
    expect(risks[1]!.message).toBe(
      'Live app RTC (live-rtc, project live-app) renews automatically on 2027-03-15, charged to Corporate Visa ··4242 ' +
        '(corp-card), which expires on 2027-01-31: the renewal will fail. Replace the payment method (then update its ' +
        'expiresOn) or move the service to another one before 2027-01-31. Owners: alice@example.com, fin@example.com.',
    );
  });

  it('is itself reminded to be replaced, naming what it pays for', () => {
    const result = loadGuardConfig({ document: doc });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));

    const own = previewReminders(result.config, '2027-01-20', 15).filter((i) => i.serviceId === 'corp-card');

    expect(own[0]!.message).toBe(
      'Payment method Corporate Visa ··4242 (corp-card, project finance) expires on 2027-01-31 (11 days left). The ' +
        'renewals charged to it (live-rtc, voice, by-hand) fail after that. Replace it, and move what it pays for, ' +
        'before then. Owners: fin@example.com.',
    );
  });

  it('refuses paysFor naming no service, itself, or on another kind', () => {
    expect(problems({ kind: 'payment-method', expiresOn: '2027-01-01', paysFor: ['nope', 's'] })).toEqual([
      'services[0].paysFor[0]: "nope" is not a service id (known: s)',
      'services[0].paysFor[1]: "s" is this payment method itself; name the services it pays for',
    ]);
    expect(problems({ kind: 'subscription', expiresOn: '2027-01-01', paysFor: ['s'] })).toEqual([
      'services[0].paysFor: only for kind payment-method (this service is subscription): the services charged to it',
    ]);
    expect(problems({ kind: 'payment-method' })).toEqual([
      'services[0].expiresOn: required for kind payment-method; give the day it lapses as YYYY-MM-DD',
    ]);
  });
});

describe('a daily cycle', () => {
  it('raises the payment-method risk like the preview says', () => {
    const result = loadGuardConfig({
      document: {
        version: 1,
        timeZone: 'Asia/Shanghai',
        calendar: 'weekends',
        services: [
          {
            id: 'card',
            name: 'Card',
            project: 'f',
            kind: 'payment-method',
            expiresOn: '2027-01-31',
            owners: ['f@example.com'],
            paysFor: ['rtc'],
          },
          {
            id: 'rtc',
            name: 'RTC',
            project: 'l',
            kind: 'subscription',
            expiresOn: '2027-03-15',
            autoRenew: true,
            owners: ['a@example.com'],
          },
        ],
        channels: [{ id: 'ops', type: 'email', to: ['ops@example.com'] }],
      },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const config = result.config;

    const alerts = decideCycleAlerts(
      {
        now: new Date('2027-01-22T01:30:00Z'),
        services: config.services,
        accounts: new Map(),
        accountAlerts: [],
        ledger: EMPTY_LEDGER,
      },
      config,
    );

    expect(alerts.filter((a) => a.kind === 'auto-renew-risk').map((a) => [a.serviceId, a.severity])).toEqual([
      ['rtc', 'critical'],
    ]);
  });
});
