import { alertEvent } from '../../../lambda/aws/event-bus-publisher';
import type { Alert } from '../../../lambda/core/model';
import { followTriggers, isResolvingNotice, resolvedKeys } from '../../../lambda/core/policy/resolutions';
import { sampleService } from '../../support/model-fixtures';

const notice = (key: string, kind: Alert['kind'], channels: string[] = []): Alert => ({
  key,
  kind,
  severity: 'info',
  date: '2026-11-18',
  owners: [],
  channels,
  message: 'resolved',
});

describe('resolving notices', () => {
  it('closes the old expiry date of a renewal: every tier, the expiry day, and that date’s other alerts', () => {
    // Prepare
    const service = { ...sampleService(), id: 'live-rtc', reminderDays: [30, 7, 1] };

    // Act
    const keys = resolvedKeys(notice('live-rtc:renewal-confirmed:2026-11-18', 'renewal-confirmed'), service);

    // Assess
    expect(keys).toEqual([
      'live-rtc:expiry:2026-11-18:30',
      'live-rtc:expiry:2026-11-18:7',
      'live-rtc:expiry:2026-11-18:1',
      'live-rtc:expiry:2026-11-18:0',
      'live-rtc:expired-in-use:2026-11-18',
      'live-rtc:renewal-missed:2026-11-18',
      'live-rtc:auto-renew-risk:2026-11-18:info',
      'live-rtc:auto-renew-risk:2026-11-18:warning',
      'live-rtc:auto-renew-risk:2026-11-18:critical',
      'live-rtc:auto-renew-risk:2026-11-18:emergency',
    ]);
  });

  it('closes a low-balance episode at every severity, and a cleared blind spot its blind spot', () => {
    expect(resolvedKeys(notice('agora-main:balance:2026-09-28:recovered', 'balance'))).toEqual([
      'agora-main:balance:2026-09-28:info',
      'agora-main:balance:2026-09-28:warning',
      'agora-main:balance:2026-09-28:critical',
      'agora-main:balance:2026-09-28:emergency',
    ]);
    expect(resolvedKeys(notice('agora-main:blind-spot:2026-09-30T01:30:00.000Z:cleared', 'blind-spot'))).toEqual([
      'agora-main:blind-spot:2026-09-30T01:30:00.000Z',
    ]);
  });

  it('tells notices from the alerts they close', () => {
    expect(isResolvingNotice(notice('agora-main:balance:2026-09-28:warning', 'balance'))).toBe(false);
    expect(isResolvingNotice(notice('agora-main:blind-spot:2026-09-30T01:30:00.000Z', 'blind-spot'))).toBe(false);
    expect(resolvedKeys(notice('agora-main:balance:2026-09-28:warning', 'balance'))).toEqual([]);
  });

  it('routes a notice to its own channels and every channel its triggers reached, in the configured order', () => {
    // Act
    const routed = followTriggers(
      notice('agora-main:balance:2026-09-28:recovered', 'balance', ['chat']),
      ['agora-main:balance:2026-09-28:emergency'],
      [{ channels: ['pager', 'chat'] }, { channels: ['oncall-sms'] }],
      ['oncall-sms', 'chat', 'pager', 'email'],
    );

    // Assess
    expect(routed.channels).toEqual(['oncall-sms', 'chat', 'pager']);
    expect(routed.resolves).toEqual(['agora-main:balance:2026-09-28:emergency']);
  });

  it('tells EventBridge what a notice resolves, in its detail', () => {
    // Prepare
    const routed = followTriggers(notice('live-rtc:renewal-confirmed:2026-11-18', 'renewal-confirmed'), ['k1'], [], []);

    // Act
    const event = alertEvent(routed, 'bus');

    // Assess
    expect(event.DetailType).toBe('Renewal Confirmed');
    expect(JSON.parse(event.Detail)).toMatchObject({ key: 'live-rtc:renewal-confirmed:2026-11-18', resolves: ['k1'] });
  });
});
