/**
 * The owner-email story both the in-process pipeline test (owner-email.test.ts) and the bundled poller
 * test (handlers/bundled-owner-email.test.ts) tell: two services, one with three owners (two addresses
 * and a name), one with a single owner, as raw document entries for `guardConfig({ services })`.
 */
export const OWNER_EMAIL_FROM = 'renewal-guard@example.com';

export const OWNED_SERVICES = [
  {
    id: 'live-rtc',
    name: 'Live app RTC',
    project: 'live-app',
    account: 'contracts',
    kind: 'subscription',
    expiresOn: '2026-10-09',
    owners: ['alice@example.com', 'Carol Chen', 'dave@example.com'],
  },
  {
    id: 'voice-room',
    name: '语音房 TRTC package',
    project: 'voice',
    kind: 'package',
    expiresOn: '2026-10-20',
    owners: ['bob@example.com'],
  },
];
