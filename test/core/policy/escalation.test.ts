import { CHANNELS, CN, WEEKENDS, service } from './fixtures';
import type { WorkingCalendar } from '../../../lambda/core/calendar';
import type { Alert, EscalationPolicy, IsoDate } from '../../../lambda/core/model';
import {
  ackRoot,
  acknowledgedRoots,
  escalationsAndRepeats,
  isAcknowledged,
  withEscalationChannels,
  type AcknowledgementFact,
} from '../../../lambda/core/policy';
import { dueExpiryReminder, indexChannels } from '../../../lambda/core/reminders';

const escalation: EscalationPolicy = { critical: ['phone'], emergency: ['phone'] };
// a weekday-only team: 2026-10-15 is a Thursday
const live = service({ expiresOn: '2026-10-22', channels: ['ops'] });

function due(today: IsoDate, calendar: WorkingCalendar = WEEKENDS, s = live): Alert {
  return withEscalationChannels(dueExpiryReminder(s, today, { calendar, channels: CHANNELS })!, escalation, CHANNELS);
}

function ladder(
  alert: Alert,
  today: IsoDate,
  firedOn: Record<string, IsoDate>,
  acks: AcknowledgementFact[] = [],
  calendar: WorkingCalendar = WEEKENDS,
  policy: EscalationPolicy = escalation,
) {
  return escalationsAndRepeats(
    [alert],
    { firedOn: new Map(Object.entries(firedOn)), acknowledgements: acks },
    { now: new Date(`${today}T09:30:00+08:00`), today, calendar, channels: CHANNELS, escalation: policy },
  );
}

describe('the escalation ladder', () => {
  it('escalates a critical reminder left unacknowledged to the stronger channels on the next cycle', () => {
    // Prepare: the 7-day tier fired on Thursday 10-15; Friday's cycle still owes the same key
    const alert = due('2026-10-16');

    // Act
    const follow = ladder(alert, '2026-10-16', { [alert.key]: '2026-10-15' });

    // Assess
    expect(alert.key).toBe('live-rtc:expiry:2026-10-22:7');
    expect(follow).toEqual([
      {
        ...alert,
        key: 'live-rtc:expiry:2026-10-22:7:escalated',
        date: '2026-10-16',
        channels: ['phone'],
        followUp: 'escalation',
        message: `Escalated, not acknowledged since 2026-10-15: ${alert.message}`,
      },
    ]);
  });

  it('does not escalate on the day the alert first fired, nor once it is acknowledged', () => {
    const alert = due('2026-10-15');
    expect(ladder(alert, '2026-10-15', { [alert.key]: '2026-10-15' })).toEqual([]);
    expect(ladder(alert, '2026-10-16', { [alert.key]: '2026-10-15' }, [{ key: alert.key }])).toEqual([]);
  });

  it('counts an acknowledgement of the escalation itself, and a running snooze, but not a snooze that ran out', () => {
    const alert = due('2026-10-16');
    const fired = { [alert.key]: '2026-10-15' };
    expect(ladder(alert, '2026-10-16', fired, [{ key: `${alert.key}:escalated` }])).toEqual([]);
    expect(ladder(alert, '2026-10-16', fired, [{ key: alert.key, until: '2026-10-20T00:00:00Z' }])).toEqual([]);
    expect(ladder(alert, '2026-10-16', fired, [{ key: alert.key, until: '2026-10-16T00:00:00Z' }])).toHaveLength(1);
  });

  it('waits for a working day: a CN reminder sent before National Day is not escalated during it', () => {
    // Prepare: the 7-day tier of a 2026-10-09 expiry fired on 09-30
    const national = service({ expiresOn: '2026-10-09' });
    const alert = due('2026-10-02', CN, national);

    // Act / Assess: 10-02 is a holiday; by 10-08, the first working day, tier 1 has replaced tier 7
    expect(ladder(alert, '2026-10-02', { [alert.key]: '2026-09-30' }, [], CN)).toEqual([]);
    expect(due('2026-10-08', CN, national).key).toBe('live-rtc:expiry:2026-10-09:1');
  });

  it('has nothing to escalate to without escalation.critical channels', () => {
    const alert = due('2026-10-16');
    expect(ladder(alert, '2026-10-16', { [alert.key]: '2026-10-15' }, [], WEEKENDS, {})).toEqual([]);
  });

  it('repeats an emergency daily, to the emergency channels as well, until it is acknowledged', () => {
    // Prepare: expired on 10-22; tier 0 fired that day and is owed again every day after
    const day2 = due('2026-10-23');
    const day3 = due('2026-10-24');
    const fired = { [day2.key]: '2026-10-22' };

    // Act
    const repeat2 = ladder(day2, '2026-10-23', fired);
    const repeat3 = ladder(day3, '2026-10-24', fired);
    const acked = ladder(day3, '2026-10-24', fired, [{ key: 'live-rtc:expiry:2026-10-22:0:repeat:2026-10-23' }]);

    // Assess
    expect(day2.channels).toEqual(['ops', 'phone']);
    expect(repeat2.map((a) => [a.key, a.date, a.channels, a.followUp])).toEqual([
      ['live-rtc:expiry:2026-10-22:0:repeat:2026-10-23', '2026-10-23', ['ops', 'phone'], 'repeat'],
    ]);
    expect(repeat2[0]!.message).toBe(
      'Repeated daily until acknowledged (first sent 2026-10-22): Live app RTC (live-rtc, project live-app) expired on ' +
        '2026-10-22 (1 day ago). Renew it now or confirm it is no longer needed. Owners: alice@example.com.',
    );
    expect(repeat3.map((a) => a.key)).toEqual(['live-rtc:expiry:2026-10-22:0:repeat:2026-10-24']);
    expect(acked).toEqual([]);
  });

  it('sends one repeat a day per service: the emergency that says the most', () => {
    // Prepare: expired and still in use; both emergencies first fired on 10-23
    const expiry = due('2026-10-24');
    const inUse: Alert = { ...expiry, key: 'live-rtc:expired-in-use:2026-10-22', kind: 'expired-in-use' };
    const fired = { [expiry.key]: '2026-10-22', [inUse.key]: '2026-10-23' };

    // Act
    const repeats = escalationsAndRepeats(
      [expiry, inUse],
      { firedOn: new Map(Object.entries(fired)), acknowledgements: [] },
      {
        now: new Date('2026-10-24T01:30:00Z'),
        today: '2026-10-24',
        calendar: WEEKENDS,
        channels: CHANNELS,
        escalation,
      },
    );

    // Assess
    expect(repeats.map((a) => a.key)).toEqual(['live-rtc:expired-in-use:2026-10-22:repeat:2026-10-24']);
  });

  it('stops when the alert is no longer due: a renewal starts other keys', () => {
    const renewed = service({ expiresOn: '2027-10-22' });
    const stillDue = dueExpiryReminder(renewed, '2026-10-24', { calendar: WEEKENDS, channels: CHANNELS });
    expect(stillDue).toBeUndefined();
    expect(
      escalationsAndRepeats(
        [],
        { firedOn: new Map(), acknowledgements: [] },
        {
          now: new Date('2026-10-24T01:30:00Z'),
          today: '2026-10-24',
          calendar: WEEKENDS,
          channels: CHANNELS,
          escalation,
        },
      ),
    ).toEqual([]);
  });
});

describe('emergency channels', () => {
  it('adds the emergency channels to an emergency, and only to an emergency', () => {
    const critical = due('2026-10-16');
    expect(withEscalationChannels(critical, escalation, CHANNELS)).toBe(critical);
    expect(withEscalationChannels({ ...critical, severity: 'emergency' }, escalation, CHANNELS).channels).toEqual([
      'ops',
      'phone',
    ]);
  });

  it('leaves out escalation channels the deployment does not have', () => {
    const alert = { ...due('2026-10-16'), severity: 'emergency' as const };
    expect(withEscalationChannels(alert, { emergency: ['gone'] }, indexChannels([])).channels).toEqual(['ops']);
  });
});

describe('acknowledgement roots', () => {
  it('reads the episode of an alert from its key, its repeats and its escalation', () => {
    expect(
      [
        'live-rtc:expiry:2026-10-09:7',
        'live-rtc:expiry:2026-10-09:7:escalated',
        'live-rtc:expiry:2026-10-09:0:repeat:2026-10-11',
      ].map(ackRoot),
    ).toEqual(['live-rtc:expiry:2026-10-09:7', 'live-rtc:expiry:2026-10-09:7', 'live-rtc:expiry:2026-10-09:0']);
  });

  it('does not carry an acknowledgement over to the next tier or to a renewed expiry', () => {
    const silenced = acknowledgedRoots([{ key: 'live-rtc:expiry:2026-10-09:7' }], new Date('2026-10-01T00:00:00Z'));
    expect(isAcknowledged('live-rtc:expiry:2026-10-09:7:escalated', silenced)).toBe(true);
    expect(isAcknowledged('live-rtc:expiry:2026-10-09:1', silenced)).toBe(false);
    expect(isAcknowledged('live-rtc:expiry:2027-10-09:7', silenced)).toBe(false);
  });
});
