import { OPS, PHONE, service } from './fixtures';
import type { AccountState } from '../../../lambda/core/accounts';
import type { Alert, GuardConfig } from '../../../lambda/core/model';
import {
  buildDigest,
  digestAlert,
  isDigestDue,
  latestDigestSlot,
  renderDigestText,
  summarizeDigest,
} from '../../../lambda/core/policy';

const config: GuardConfig = {
  version: 1,
  timeZone: 'Asia/Shanghai',
  checkTime: '09:30',
  calendar: { spec: 'weekends', coveredYears: [], holidays: [], workdays: [] },
  reminderDays: [60, 30, 15, 7, 1],
  digest: { weekday: 'MON', time: '10:00' },
  accounts: [
    { id: 'agora-main', vendor: 'agora', credentials: 'renewal-guard/agora-main', options: {} },
    { id: 'trtc', vendor: 'tencent', credentials: 'renewal-guard/trtc', options: {} },
  ],
  services: [],
  channels: [OPS, PHONE],
};

const services = [
  service({ id: 'live-rtc', name: 'Live app RTC', expiresOn: '2026-10-09', ownersConfirmedOn: '2026-09-01' }),
  service({ id: 'live-cdn', name: 'Live CDN', expiresOn: '2027-03-01', ownersConfirmedOn: '2026-01-02' }),
  service({
    id: 'voice-room',
    name: 'Voice room package',
    project: 'voice',
    account: 'trtc',
    kind: 'prepaid',
    expiresOn: undefined,
    owners: ['bob@example.com'],
  }),
];

const states: AccountState[] = [
  {
    accountId: 'agora-main',
    consecutiveFailures: 0,
    currency: 'USD',
    history: [
      { date: '2026-10-03', balance: 1000 },
      { date: '2026-10-04', balance: 900 },
      { date: '2026-10-05', balance: 800 },
    ],
  },
  { accountId: 'trtc', consecutiveFailures: 3, lastError: 'HTTP 401 AuthFailure', history: [] },
];

const alert = (key: string, fields: Partial<Alert>): Alert => ({
  key,
  kind: 'expiry',
  severity: 'critical',
  date: '2026-09-30',
  owners: [],
  channels: ['ops'],
  message: '',
  ...fields,
});

const fired: Alert[] = [
  alert('live-rtc:expiry:2026-10-09:30', {
    serviceId: 'live-rtc',
    expiresOn: '2026-10-09',
    severity: 'info',
    date: '2026-09-09',
  }),
  alert('live-rtc:expiry:2026-10-09:7', { serviceId: 'live-rtc', expiresOn: '2026-10-09', date: '2026-09-30' }),
  alert('live-rtc:expiry:2026-10-09:7:escalated', {
    serviceId: 'live-rtc',
    expiresOn: '2026-10-09',
    date: '2026-10-01',
  }),
  alert('live-cdn:expiry:2026-03-01:1', { serviceId: 'live-cdn', expiresOn: '2026-03-01', severity: 'emergency' }),
  alert('trtc:blind-spot:2026-10-03T01:30:00.000Z', { accountId: 'trtc', kind: 'blind-spot', severity: 'warning' }),
  alert('agora-main:spend-spike:2026-10-02', { accountId: 'agora-main', kind: 'spend-spike', severity: 'warning' }),
];

function digest() {
  return buildDigest(
    {
      now: new Date('2026-10-05T10:00:00+08:00'),
      today: '2026-10-05',
      services,
      accountStates: states,
      firedAlerts: fired,
      acknowledgements: [{ key: 'agora-main:spend-spike:2026-10-02' }],
    },
    config,
  );
}

describe('the weekly digest', () => {
  it('groups services by project, worst first, with days left, runway, owners and what is unacknowledged', () => {
    // Act
    const result = digest();

    // Assess
    expect(result.key).toBe('_guard:digest:2026-10-05');
    expect(result.projects).toEqual([
      {
        project: 'live-app',
        worst: 'critical',
        services: [
          {
            serviceId: 'live-rtc',
            name: 'Live app RTC',
            kind: 'subscription',
            criticality: 'core',
            status: 'critical',
            expiresOn: '2026-10-09',
            daysLeft: 4,
            accountId: 'agora-main',
            runwayDays: 8,
            owners: ['alice@example.com'],
            contacts: 'fresh',
            // the escalation stands for its episode; the info tier and the renewed cdn date do not count
            unacknowledged: ['live-rtc:expiry:2026-10-09:7'],
          },
          {
            serviceId: 'live-cdn',
            name: 'Live CDN',
            kind: 'subscription',
            criticality: 'core',
            status: 'ok',
            expiresOn: '2027-03-01',
            daysLeft: 147,
            accountId: 'agora-main',
            runwayDays: 8,
            owners: ['alice@example.com'],
            contacts: 'stale',
            unacknowledged: [],
          },
        ],
      },
      {
        project: 'voice',
        worst: 'undated',
        services: [
          {
            serviceId: 'voice-room',
            name: 'Voice room package',
            kind: 'prepaid',
            criticality: 'core',
            status: 'undated',
            accountId: 'trtc',
            owners: ['bob@example.com'],
            contacts: 'unconfirmed',
            unacknowledged: [],
          },
        ],
      },
    ]);
    expect(result.accounts).toEqual([
      {
        accountId: 'agora-main',
        vendor: 'agora',
        status: 'ok',
        balance: { amount: 800, currency: 'USD' },
        dailySpend: 100,
        runwayDays: 8,
        unacknowledged: [],
      },
      {
        accountId: 'trtc',
        vendor: 'tencent',
        status: 'failing',
        lastError: 'HTTP 401 AuthFailure',
        unacknowledged: ['trtc:blind-spot:2026-10-03T01:30:00.000Z'],
      },
    ]);
  });

  it('renders as plain English text', () => {
    expect(renderDigestText(digest())).toBe(
      [
        'RenewalGuard weekly digest for 2026-10-05 (Asia/Shanghai)',
        '3 services in 2 projects: 0 expired, 1 within 7 days, 0 due soon, 1 ok, 1 without a date. ' +
          '2 alerts unacknowledged. Accounts: 0 low, 1 failing. Owners to confirm: 2.',
        '',
        'Project live-app',
        '- Live app RTC — live-rtc [critical]; expires 2026-10-09 (4 days left); account agora-main, runway 8 days; ' +
          'owners alice@example.com; unacknowledged: live-rtc:expiry:2026-10-09:7',
        '- Live CDN — live-cdn [ok]; expires 2027-03-01 (147 days left); account agora-main, runway 8 days; ' +
          'owners alice@example.com (confirm: stale)',
        '',
        'Project voice',
        '- Voice room package — voice-room [undated]; account trtc; owners bob@example.com (never confirmed)',
        '',
        'Accounts',
        '- agora-main (agora) [ok]; 800 USD; runway 8 days',
        '- trtc (tencent) [failing]; last error: HTTP 401 AuthFailure; unacknowledged: trtc:blind-spot:2026-10-03T01:30:00.000Z',
      ].join('\n'),
    );
  });

  it('travels as an info alert to every channel that takes info, once per day it is built for', () => {
    const sent = digestAlert(digest(), config);
    expect(sent).toMatchObject({
      key: '_guard:digest:2026-10-05',
      kind: 'digest',
      severity: 'info',
      channels: ['ops'],
    });
    // the totals as text; the rest as bounded facts each channel renders in its own language
    expect(sent.message).toBe(renderDigestText(digest()).split('\n').slice(0, 2).join('\n'));
    expect(sent.digest).toEqual(summarizeDigest(digest()));
  });
});

describe('the digest schedule', () => {
  const newYork = { timeZone: 'America/New_York', digest: { weekday: 'MON' as const, time: '10:00' } };

  it('is due at the first cycle at or after Monday 10:00, and not again until the next Monday', () => {
    const shanghai = { timeZone: 'Asia/Shanghai', digest: config.digest };
    const mondayMorning = new Date('2026-10-05T09:30:00+08:00');
    const tuesday = new Date('2026-10-06T09:30:00+08:00');
    expect(isDigestDue(mondayMorning, shanghai, new Date('2026-09-29T09:30:00+08:00'))).toBe(false);
    expect(isDigestDue(tuesday, shanghai, new Date('2026-09-29T09:30:00+08:00'))).toBe(true);
    expect(isDigestDue(new Date('2026-10-12T09:30:00+08:00'), shanghai, tuesday)).toBe(false);
  });

  it('follows the wall clock across the 2026-03-08 and 2026-11-02 Mondays in America/New_York', () => {
    expect(latestDigestSlot(new Date('2026-03-09T15:00:00Z'), newYork)?.toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(latestDigestSlot(new Date('2026-03-09T13:59:00Z'), newYork)?.toISOString()).toBe('2026-03-02T15:00:00.000Z');
    expect(latestDigestSlot(new Date('2026-11-02T15:00:00Z'), newYork)?.toISOString()).toBe('2026-11-02T15:00:00.000Z');
  });

  it('is never due without a digest schedule, and due at once when none was ever sent', () => {
    expect(isDigestDue(new Date('2026-10-06T00:00:00Z'), { timeZone: 'UTC' })).toBe(false);
    expect(isDigestDue(new Date('2026-10-06T00:00:00Z'), newYork)).toBe(true);
  });
});
