/** A report over a realistic registry: several projects, every severity, CJK names, account history. */
import { addDays } from '../../lambda/core/dates';
import type { GuardConfig } from '../../lambda/core/model';
import { buildReportData, type BalanceHistoryPoint, type ReportData } from '../../lambda/report';
import { guardConfig } from '../app/cycle-fixtures';

/** 2026-09-30 09:30 in Shanghai. */
export const REPORT_NOW = new Date('2026-09-30T09:30:00+08:00');

const owners = (...names: string[]) => names.map((n) => `${n}@example.com`);

export function reportConfig(): GuardConfig {
  return guardConfig({
    accounts: [
      {
        id: 'agora-main',
        vendor: 'agora',
        credentials: 'renewal-guard/agora-main',
        balance: { minAmount: 500, minRunwayDays: 21 },
      },
      { id: 'trtc-cn', vendor: 'tencent', credentials: 'renewal-guard/trtc-cn', balance: { minRunwayDays: 10 } },
      { id: 'contracts', vendor: 'manual' },
    ],
    services: [
      {
        id: 'live-rtc',
        name: 'Live app RTC',
        project: 'live-app',
        account: 'agora-main',
        kind: 'subscription',
        expiresOn: '2026-10-09',
        owners: owners('alice'),
        criticality: 'core',
        reminderDays: [60, 30, 15, 7, 1],
      },
      {
        id: 'live-cdn',
        name: 'Live CDN bandwidth pack',
        project: 'live-app',
        kind: 'package',
        expiresOn: '2026-12-20',
        owners: owners('alice', 'carol'),
        autoRenew: true,
      },
      {
        id: 'live-recording',
        name: 'Cloud recording',
        project: 'live-app',
        account: 'agora-main',
        kind: 'postpaid',
        owners: owners('alice'),
      },
      {
        id: 'voice-room',
        name: '语音房 实时音视频',
        project: '语音社交',
        account: 'trtc-cn',
        kind: 'package',
        expiresOn: '2026-10-20',
        owners: owners('bob'),
        reminderDays: [30, 15, 7, 1],
      },
      {
        id: 'voice-im',
        name: '即时通信 IM 旗舰版',
        project: '语音社交',
        account: 'trtc-cn',
        kind: 'subscription',
        expiresOn: '2026-10-01',
        owners: owners('bob'),
      },
      {
        id: 'edu-classroom',
        name: 'Classroom SDK support',
        project: 'edu',
        kind: 'sdk-support',
        expiresOn: '2026-09-25',
        owners: owners('dan'),
        criticality: 'core',
      },
      {
        id: 'edu-whiteboard',
        name: 'Interactive whiteboard',
        project: 'edu',
        kind: 'contract',
        expiresOn: '2027-03-31',
        owners: owners('dan', 'erin'),
        criticality: 'experimental',
      },
      {
        id: 'xss',
        name: '<script>alert("x")</script><img src=x onerror=alert(1)>',
        project: 'edu',
        kind: 'contract',
        expiresOn: '2026-11-15',
        owners: owners('mallory'),
      },
    ],
  });
}

/** 40 days of a balance drawn down by ~35 a day, topped up once. */
export function agoraHistory(): BalanceHistoryPoint[] {
  const points: BalanceHistoryPoint[] = [];
  let balance = 1450;
  for (let i = 39; i >= 0; i--) {
    const spend = 30 + ((i * 7) % 11);
    balance -= spend;
    if (i === 25) balance += 600;
    points.push({ date: addDays('2026-09-30', -i), balance: Math.round(balance * 100) / 100, spend });
  }
  return points;
}

export function sampleReport(): ReportData {
  const config = reportConfig();
  return buildReportData({
    config,
    services: config.services,
    now: REPORT_NOW,
    accountFacts: new Map([
      [
        'agora-main',
        {
          // 18.7 days of runway against a 21-day minimum: the low-balance episode the alerts opened
          state: {
            accountId: 'agora-main',
            consecutiveFailures: 0,
            currency: 'USD',
            lowBalanceSince: '2026-09-28',
            history: agoraHistory(),
          },
        },
      ],
      [
        'trtc-cn',
        { current: { status: 'failed' as const, error: 'AuthFailure.SignatureExpire: the request signature expired' } },
      ],
    ]),
  });
}
