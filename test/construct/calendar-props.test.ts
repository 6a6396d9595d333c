/** `calendar` and `calendarDays` as typed props: staged as the config's calendar mapping, checked by the shared loader. */
import { loadGuardConfig } from '../../lambda/app/load-config';
import { WorkingCalendar } from '../../lambda/core/calendar';
import { AlertChannel, RenewalGuardProps, ServiceKind } from '../../src';
import { propsDocument } from '../../src/private/props-document';

function props(extra: Partial<RenewalGuardProps>): RenewalGuardProps {
  return {
    services: [
      {
        serviceId: 'live-rtc',
        name: 'Live RTC',
        project: 'live',
        kind: ServiceKind.SUBSCRIPTION,
        expiresOn: '2027-02-15',
        owners: ['alice@example.com'],
      },
    ],
    channels: [AlertChannel.email({ channelId: 'ops', to: ['ops@example.com'] })],
    ...extra,
  };
}

describe('calendar typed props', () => {
  it('keeps calendar alone the plain spec', () => {
    expect(propsDocument(props({ calendar: 'US-CA' })).overrides.calendar).toBe('US-CA');
  });

  it('writes calendar with calendarDays as the config mapping, which completes the calendar like a file does', () => {
    // Act
    const doc = propsDocument(
      props({
        calendar: 'CN',
        calendarDays: { holidays: ['2027-02-05/2027-02-13'], workdays: ['2027-02-20'], coveredYears: [2027] },
      }),
    );
    const result = loadGuardConfig({ overrides: doc.overrides, today: '2026-12-06' });
    // Assess
    expect(doc.overrides.calendar).toEqual({
      base: 'CN',
      holidays: ['2027-02-05/2027-02-13'],
      workdays: ['2027-02-20'],
      coveredYears: [2027],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const calendar = new WorkingCalendar(result.config.calendar);
    expect(calendar.precedingWorkingDay('2027-02-08')).toBe('2027-02-04');
    expect(calendar.isProvisionalYear(2027)).toBe(false);
  });

  it('reports a bad typed day at the config path, and calendarDays without calendar', () => {
    const bad = loadGuardConfig({
      overrides: propsDocument(props({ calendar: 'CN', calendarDays: { workdays: ['2027-02-30'] } })).overrides,
      today: '2026-12-06',
    });
    expect(bad.ok ? [] : bad.problems).toEqual([
      { path: 'calendar.workdays[0]', message: '"2027-02-30" is not a calendar date (expected YYYY-MM-DD)' },
    ]);
    expect(propsDocument(props({ calendarDays: { holidays: ['2027-01-01'] } })).problems).toEqual([
      {
        path: 'props.calendarDays',
        message:
          "give calendar too (the calendar these days complete, e.g. CN); calendarDays replaces the file's calendar as a whole",
      },
    ]);
  });
});
