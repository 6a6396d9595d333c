import { previewReminders } from '../../../lambda/cli/commands/preview';
import {
  balanceAlertKey,
  blindSpotAlertKey,
  digestKey,
  escalatedKey,
  expiryAlertKey,
  MAX_ALERT_KEY_LENGTH,
  parseAlertKey,
  repeatKey,
  serviceAlertKey,
  spendAlertKey,
} from '../../../lambda/core/policy/policy-keys';
import { expiryAlertKey as expiryKeyOfReminders } from '../../../lambda/core/reminders/alert-key';
import { guardConfig } from '../../app/cycle-fixtures';

describe('alert keys: one place builds them and reads their syntax', () => {
  const built = [
    expiryAlertKey('live-rtc', '2026-10-09', 7),
    expiryAlertKey('live-rtc', '2026-10-09', 0),
    balanceAlertKey('agora-main', '2026-09-28', 'critical'),
    balanceAlertKey('agora-main', '2026-09-28', 'recovered'),
    blindSpotAlertKey('agora-main', '2026-09-29T01:30:00.000Z'),
    spendAlertKey('agora-main', 'spend-spike', '2026-09-29'),
    spendAlertKey('agora-main', 'spend-growth', '2026-08'),
    serviceAlertKey('live-rtc', 'auto-renew-risk', '2026-10-09', 'critical'),
    serviceAlertKey('live-rtc', 'contacts-stale', '2026-01-02', '2026-Q3'),
    serviceAlertKey('live-rtc', 'coverage-gap', '2026-10-09', '2026-10-12', 'warning'),
    serviceAlertKey('live-rtc', 'renewal-missed', '2026-10-09'),
    digestKey('2026-09-30'),
    escalatedKey(expiryAlertKey('live-rtc', '2026-10-09', 1)),
    repeatKey(expiryAlertKey('live-rtc', '2026-10-09', 0), '2026-10-10'),
  ];

  it.each(built)('reads %s, a key the guard builds', (key) => {
    expect(parseAlertKey(key)).toBeDefined();
  });

  it('reads the subject and the kind', () => {
    expect(parseAlertKey('live-rtc:expiry:2026-10-09:7')).toEqual({
      subject: 'live-rtc',
      kind: 'expiry',
      about: ['2026-10-09', '7'],
    });
  });

  it('is the same builder the reminders use', () => {
    expect(expiryKeyOfReminders).toBe(expiryAlertKey);
  });

  it.each([
    ['a newline', 'live-rtc:expiry:2026-10-09:7\nx'],
    ['a space', 'live-rtc:expiry:2026-10-09:7 '],
    ['an empty segment', 'live-rtc:expiry::7'],
    ['a trailing colon', 'live-rtc:expiry:2026-10-09:'],
    ['an unknown kind', 'live-rtc:expiri:2026-10-09:7'],
    ['no kind', 'live-rtc'],
    ['an upper-case subject', 'Live-RTC:expiry:2026-10-09:7'],
    ['a subject of 65 characters', `${'a'.repeat(65)}:expiry:2026-10-09:7`],
    ['a slash', 'live-rtc:expiry:2026/10/09:7'],
    ['a NUL', 'live-rtc:expiry:2026-10-09:7\u0000'],
    ['a right-to-left override', 'live-rtc:expiry:2026-10-09:\u202e7'],
    ['nothing', ''],
    ['too long', `live-rtc:expiry:${'9'.repeat(MAX_ALERT_KEY_LENGTH)}`],
  ])('refuses %s', (_, key) => {
    expect(parseAlertKey(key)).toBeUndefined();
  });
});

describe('every key the guard decides over a year parses', () => {
  it('holds for the expiry, policy and account alerts a year of previews foresees', () => {
    const config = guardConfig({
      services: [
        {
          id: 'live-rtc',
          name: 'RTC',
          project: 'live app 直播',
          kind: 'subscription',
          expiresOn: '2026-10-09',
          owners: ['a@example.com'],
          ownersConfirmedOn: '2025-01-01',
          replacedBy: 'next-rtc',
        },
        {
          id: 'next-rtc',
          name: 'RTC 2',
          project: 'live app 直播',
          kind: 'subscription',
          startsOn: '2026-11-01',
          expiresOn: '2027-10-09',
          owners: ['a@example.com'],
        },
      ],
    });

    const keys = previewReminders(config, '2026-01-01', 365).map((item) => item.key);

    expect([...new Set(keys.map((key) => key.split(':')[1]))]).toEqual(
      expect.arrayContaining(['expiry', 'contacts-stale', 'coverage-gap']),
    );
    expect(keys.filter((key) => parseAlertKey(key) === undefined)).toEqual([]);
  });
});
