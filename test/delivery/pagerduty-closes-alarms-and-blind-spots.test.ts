/**
 * PagerDuty hears the end of what it was told: one of the guard's alarms back to OK resolves the incident
 * its ALARM opened (one incident per alarm, whatever the instants), and a blind spot cleared resolves the
 * blind spot's incident, with the same dedup_key.
 */
import type { ChannelConfig } from '../../lambda/core/model';
import { alarmAlert } from '../../lambda/core/policy/alarm-alert';
import { render } from '../../lambda/delivery/render';

const pager: ChannelConfig & { type: 'pagerduty' } = {
  id: 'oncall',
  type: 'pagerduty',
  to: [],
  minSeverity: 'emergency',
  secret: 'renewal-guard/pagerduty',
  options: {},
};
const notification = (state: 'ALARM' | 'OK', at: string) => ({
  AlarmName: 'Stack-Guard-DeadMansSwitch',
  NewStateValue: state,
  StateChangeTime: at,
  AlarmDescription: 'No daily check in 26 hours.',
});

describe('PagerDuty and the guard', () => {
  it('triggers on an alarm and resolves the same incident when it is back to OK', () => {
    const alarm = alarmAlert(notification('ALARM', '2026-09-30T05:00:00.000+0000'), ['oncall'], 'x');
    const ok = alarmAlert(notification('OK', '2026-09-30T09:00:00.000+0000'), ['oncall'], 'x');

    const [trigger] = render(alarm, pager, 'en');
    const events = render(ok, pager, 'en');

    expect(trigger).toMatchObject({
      event_action: 'trigger',
      dedup_key: '_guard:alarm:Stack-Guard-DeadMansSwitch',
      payload: { severity: 'error' }, // PagerDuty's word for critical
    });
    expect(events).toEqual([{ event_action: 'resolve', dedup_key: '_guard:alarm:Stack-Guard-DeadMansSwitch' }]);
  });

  it('resolves a blind spot when its account reads again, instead of opening an incident for the notice', () => {
    const blindSpot = 'twilio-main:blind-spot:2026-09-29T01:30:00.000Z';
    const cleared = {
      key: `${blindSpot}:cleared`,
      kind: 'blind-spot' as const,
      severity: 'info' as const,
      accountId: 'twilio-main',
      date: '2026-10-01',
      owners: [],
      channels: ['oncall'],
      message: 'twilio account twilio-main can be read again.',
      resolves: [blindSpot],
    };

    expect(render(cleared, pager, 'en', { resolves: [blindSpot] })).toEqual([
      { event_action: 'resolve', dedup_key: blindSpot },
    ]);
  });
});
