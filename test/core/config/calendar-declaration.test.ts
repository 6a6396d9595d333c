import { WorkingCalendar } from '../../../lambda/core/calendar';
import { calendarData, isSupportedCalendar } from '../../../lambda/core/calendar/resolve-calendar';
import { loadConfig } from '../../../lambda/core/config';
import { placeTiers } from '../../../lambda/core/reminders';

const REAL = { resolveCalendar: calendarData, isSupportedCalendar };

function doc(calendar: string, expiresOn = '2027-02-15'): string {
  return `version: 1
calendar: ${calendar}
services:
  - id: live-rtc
    name: Live RTC
    project: live
    kind: subscription
    expiresOn: ${expiresOn}
    owners: [alice@example.com]
channels:
  - id: ops
    type: email
    to: [ops@example.com]
`;
}

function problems(calendar: string): string[] {
  const result = loadConfig(doc(calendar), 'guard.yaml', REAL);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('a calendar the document completes', () => {
  it('keeps the plain calendar: CN valid, as the base with nothing added', () => {
    const result = loadConfig(doc('CN'), 'guard.yaml', REAL);
    expect(result.ok && result.config.calendar.spec).toBe('CN');
  });

  it('moves a reminder due 2027-02-08 to the working day before a declared 2027 block, and the year is no longer provisional', () => {
    // Act
    const result = loadConfig(
      doc(`{ base: CN, holidays: [2027-01-01, 2027-02-05/2027-02-13], workdays: [2027-02-20], coveredYears: [2027] }`),
      'guard.yaml',
      REAL,
    );
    // Assess
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const calendar = new WorkingCalendar(result.config.calendar);
    expect(placeTiers('2027-02-15', [7], calendar)).toEqual([{ tier: 7, dueOn: '2027-02-08', date: '2027-02-04' }]);
    expect(calendar.isWorkingDay('2027-02-20')).toBe(true);
    expect(calendar.isProvisional('2027-02-04')).toBe(false);
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true); // the official table is still there
    expect(result.warnings.filter((w) => w.path === 'calendar')).toEqual([]);
  });

  it("adds a company's own days off to an official year without declaring the year complete", () => {
    const result = loadConfig(doc(`{ base: CN, holidays: [2026-12-24/2026-12-25] }`), 'guard.yaml', REAL);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const calendar = new WorkingCalendar(result.config.calendar);
    expect(calendar.precedingWorkingDay('2026-12-25')).toBe('2026-12-23');
    expect(calendar.isProvisionalYear(2027)).toBe(true);
  });

  it('completes a date-holidays region calendar too', () => {
    const result = loadConfig(doc(`{ base: DE-BY, holidays: [2026-12-24] }`, '2026-12-30'), 'guard.yaml', REAL);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const calendar = new WorkingCalendar(result.config.calendar);
    expect(calendar.data.spec).toBe('DE-BY');
    expect(calendar.isWorkingDay('2026-12-24')).toBe(false);
    expect(calendar.isWorkingDay('2026-06-04')).toBe(false);
  });

  it('reports every bad entry at its own path', () => {
    expect(
      problems(
        `{ base: cn, holidays: [2027-02-30, 2027-02-13/2027-02-05, 5, "2027-01-01/2027-01-02/2027-01-03", 2027-03-01],` +
          ` workdays: [2027-03-01], coveredYears: [2028, "2029"], extra: 1 }`,
      ),
    ).toEqual([
      'calendar.extra: unknown field; known fields are base, holidays, workdays, coveredYears',
      'calendar.base: "cn" is not a supported calendar (e.g. CN, US, weekends); did you mean CN?',
      'calendar.holidays[0]: "2027-02-30" is not a calendar date (expected YYYY-MM-DD)',
      'calendar.holidays[1]: range 2027-02-13/2027-02-05 ends before it starts; write the earlier date first',
      'calendar.holidays[2]: expected a date (YYYY-MM-DD) or a range (YYYY-MM-DD/YYYY-MM-DD), got 5',
      'calendar.holidays[3]: "2027-01-01/2027-01-02/2027-01-03" is not a date or a range (YYYY-MM-DD/YYYY-MM-DD)',
      'calendar.coveredYears[1]: expected a year such as 2027, got "2029"',
      'calendar.workdays[0]: 2027-03-01 is both a working day and a holiday (calendar.holidays[4]); keep one',
      'calendar.coveredYears[0]: 2028 is declared complete but calendar.holidays has no day in 2028; list its holidays, or remove the year',
    ]);
  });

  it('requires a base, and lists of dates', () => {
    expect(problems(`{ holidays: 2027-01-01 }`)).toEqual([
      'calendar.base: required; the calendar these days complete, e.g. CN, US, weekends',
      'calendar.holidays: expected a list of dates (YYYY-MM-DD) or ranges (YYYY-MM-DD/YYYY-MM-DD), got "2027-01-01"',
    ]);
  });

  it('refuses a range longer than a year, a typo of the year', () => {
    expect(problems(`{ base: CN, holidays: [2027-01-01/2028-01-05] }`)).toEqual([
      'calendar.holidays[0]: range 2027-01-01/2028-01-05 spans more than 366 days; check the years',
    ]);
  });
});
