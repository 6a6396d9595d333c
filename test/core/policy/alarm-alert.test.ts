/**
 * A CloudWatch alarm notification as an `alarm` alert (core/policy/alarm-alert.ts) and who the operators
 * are (src/shared/operator-channels.ts).
 */
import { alarmAlert, parseAlarmNotification } from '../../../lambda/core/policy/alarm-alert';
import { parseAlertKey } from '../../../lambda/core/policy/policy-keys';
import { operatorChannels } from '../../../src/shared/operator-channels';

const NOTIFICATION = {
  AlarmName: 'Stack-Guard-PollerErrors',
  AlarmDescription: 'The daily check failed in the last hour.',
  AWSAccountId: '111111111111',
  NewStateValue: 'ALARM',
  NewStateReason: 'Threshold Crossed: 1 datapoint [1.0] was greater than or equal to the threshold (1.0).',
  StateChangeTime: '2026-09-30T05:00:00.123+0000',
  Region: 'Asia Pacific (Singapore)',
  OldStateValue: 'OK',
  Trigger: { MetricName: 'Errors', Namespace: 'AWS/Lambda' },
};

describe('a CloudWatch alarm notification', () => {
  it('is recognized by its AlarmName and state; an alert of the poller, or anything else, is not', () => {
    expect(parseAlarmNotification(NOTIFICATION)).toBe(NOTIFICATION);
    expect(parseAlarmNotification({ key: 'live-rtc:expiry:2026-10-09:7', kind: 'expiry' })).toBeUndefined();
    expect(parseAlarmNotification({ ...NOTIFICATION, NewStateValue: 'BROKEN' })).toBeUndefined();
    expect(parseAlarmNotification({ ...NOTIFICATION, AlarmName: '' })).toBeUndefined();
    expect(parseAlarmNotification('ALARM')).toBeUndefined();
    expect(parseAlarmNotification(null)).toBeUndefined();
  });

  it('becomes a critical alarm alert for the operators, keyed by alarm, state and instant', () => {
    const alert = alarmAlert(NOTIFICATION, ['ops', 'robot'], '2026-09-30T05:00:02.000Z');

    expect(alert).toEqual({
      key: '_guard:alarm:Stack-Guard-PollerErrors:alarm:2026-09-30T05:00:00.123Z',
      kind: 'alarm',
      severity: 'critical',
      date: '2026-09-30',
      owners: [],
      channels: ['ops', 'robot'],
      message:
        'Stack-Guard-PollerErrors is ALARM. Threshold Crossed: 1 datapoint [1.0] was greater than or equal to ' +
        'the threshold (1.0). The daily check failed in the last hour.',
      alarm: {
        name: 'Stack-Guard-PollerErrors',
        state: 'ALARM',
        previousState: 'OK',
        description: 'The daily check failed in the last hour.',
        reason: NOTIFICATION.NewStateReason,
        changedAt: '2026-09-30T05:00:00.123Z',
        region: 'Asia Pacific (Singapore)',
        accountId: '111111111111',
      },
    });
    expect(parseAlertKey(alert.key)).toMatchObject({ subject: '_guard', kind: 'alarm' });
  });

  it('is an info notice when the alarm is back to OK, and a warning with insufficient data', () => {
    expect(alarmAlert({ ...NOTIFICATION, NewStateValue: 'OK' }, [], 'x').severity).toBe('info');
    expect(alarmAlert({ ...NOTIFICATION, NewStateValue: 'INSUFFICIENT_DATA' }, [], 'x').severity).toBe('warning');
  });

  it('takes the instant SNS received it when CloudWatch gave none, and keeps any alarm name a valid key', () => {
    const alert = alarmAlert(
      { AlarmName: 'my alarm/with:odd chars', NewStateValue: 'ALARM' },
      [],
      '2026-09-30T05:00:02.000Z',
    );

    expect(alert.key).toBe('_guard:alarm:my_alarm_with_odd_chars:alarm:2026-09-30T05:00:02.000Z');
    expect(parseAlertKey(alert.key)).toBeDefined();
  });
});

describe('the operators', () => {
  const ch = (id: string, operators?: boolean) => ({ id, ...(operators !== undefined && { operators }) });

  it('are every channel when none is marked, so that under the defaults an alarm reaches someone', () => {
    expect(operatorChannels([ch('ops'), ch('pager')]).map((c) => c.id)).toEqual(['ops', 'pager']);
  });

  it('are the channels marked operators: true when any is', () => {
    expect(operatorChannels([ch('ops'), ch('pager', true), ch('team', false)]).map((c) => c.id)).toEqual(['pager']);
  });

  it('leave out a channel marked operators: false when none is marked true', () => {
    expect(operatorChannels([ch('ops'), ch('finance', false)]).map((c) => c.id)).toEqual(['ops']);
  });
});
