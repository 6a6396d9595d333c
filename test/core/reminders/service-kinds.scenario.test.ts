/**
 * Kinds that mean what they say (issue 16, point 3): a contract with a notice period is decided before
 * the period starts; an SDK version reaches its end of support and is upgraded, not renewed.
 */
import { loadGuardConfig } from '../../../lambda/app/load-config';
import { previewReminders } from '../../../lambda/cli/commands/preview';
import { WorkingCalendar } from '../../../lambda/core/calendar/working-calendar';
import type { GuardConfig } from '../../../lambda/core/model';
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
