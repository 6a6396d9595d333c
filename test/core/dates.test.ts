import {
  addDays,
  compareDates,
  DateInputError,
  dayOfWeek,
  daysBetween,
  formatOffsetDateTime,
  isCalendarDate,
  isTimeOfDay,
  isValidTimeZone,
  isWeekend,
  localDate,
  localTime,
  yearOf,
  zonedDateTimeToInstant,
} from '../../lambda/core/dates';

describe('calendar date recognition', () => {
  it.each(['2026-09-30', '2028-02-29', '2000-02-29', '0001-01-01', '9999-12-31', '2026-12-31'])(
    'accepts %s as a calendar date',
    (s) => {
      expect(isCalendarDate(s)).toBe(true);
    },
  );

  it.each([
    ['a day past the end of February', '2026-02-30'],
    ['month 13', '2026-13-01'],
    ['month 00', '2026-00-10'],
    ['day 00', '2026-01-00'],
    ['29 February in a common year', '2025-02-29'],
    ['29 February in a century that is not a leap year', '2100-02-29'],
    ['31 April', '2026-04-31'],
    ['unpadded parts', '2026-9-1'],
    ['a date-time', '2026-09-30T00:00:00Z'],
    ['surrounding spaces', ' 2026-09-30'],
    ['slashes', '2026/09/30'],
    ['the empty string', ''],
  ])('rejects %s', (_, s) => {
    expect(isCalendarDate(s)).toBe(false);
  });

  it.each([[20260930], [null], [undefined], [new Date(0)]])('rejects the non-string %p', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('time of day recognition', () => {
  it.each(['00:00', '09:30', '23:59'])('accepts %s', (s) => {
    expect(isTimeOfDay(s)).toBe(true);
  });

  it.each(['24:00', '9:30', '09:60', '09:30:00', '0930', '', ' 09:30'])('rejects %p', (s) => {
    expect(isTimeOfDay(s)).toBe(false);
  });

  it('rejects a number', () => {
    expect(isTimeOfDay(930)).toBe(false);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-09-30', 9)).toBe('2026-10-09');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-10-09', -60)).toBe('2026-08-10');
    expect(addDays('2026-10-09', 0)).toBe('2026-10-09');
  });

  it('is not shifted by a DST change in any zone, because it never goes through local time', () => {
    // Prepare: 2026-03-08 is the US spring-forward day, 2026-11-01 the fall-back day.
    // Act / Assess
    expect(addDays('2026-03-07', 1)).toBe('2026-03-08');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-10-25', '2026-11-08')).toBe(14);
  });

  it('keeps years below 100 where they are, unlike Date.UTC', () => {
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(daysBetween('0001-01-01', '1970-01-01')).toBe(719_162);
  });

  it('counts days from one date to another, negative when the second is earlier', () => {
    expect(daysBetween('2026-09-30', '2026-10-09')).toBe(9);
    expect(daysBetween('2026-10-09', '2026-09-30')).toBe(-9);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });

  it('names the day of the week, 0 for Sunday to 6 for Saturday, before and after 1970', () => {
    expect(dayOfWeek('2026-09-20')).toBe(0);
    expect(dayOfWeek('2026-09-30')).toBe(3);
    expect(dayOfWeek('2026-10-10')).toBe(6);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(dayOfWeek('2000-01-01')).toBe(6);
  });

  it('treats Saturday and Sunday as the weekend', () => {
    expect(['2026-10-09', '2026-10-10', '2026-10-11', '2026-10-12'].map(isWeekend)).toEqual([false, true, true, false]);
  });

  it('reads the year of a date', () => {
    expect(yearOf('2026-09-30')).toBe(2026);
    expect(yearOf('0042-01-01')).toBe(42);
  });

  it('orders dates chronologically, so it can sort', () => {
    expect(compareDates('2026-09-30', '2026-10-01')).toBe(-1);
    expect(compareDates('2026-10-01', '2026-10-01')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2026-10-09', '2025-12-31', '2026-01-15'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-01-15',
      '2026-10-09',
    ]);
  });

  it('rejects a date that is not a calendar date, naming it', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(new DateInputError('"2026-02-30" is not a calendar date'));
    expect(() => daysBetween('2026-09-30', '2026-9-1')).toThrow('"2026-9-1" is not a calendar date');
    expect(() => dayOfWeek('')).toThrow('"" is not a calendar date');
    expect(() => isWeekend('2025-02-29')).toThrow('"2025-02-29" is not a calendar date');
    expect(() => yearOf('2026-13-01')).toThrow('"2026-13-01" is not a calendar date');
    expect(() => compareDates('2026-10-01', 'tomorrow')).toThrow('"tomorrow" is not a calendar date');
  });

  it('rejects a fractional or non-finite day count', () => {
    expect(() => addDays('2026-09-30', 1.5)).toThrow('1.5 is not a whole number of days');
    expect(() => addDays('2026-09-30', NaN)).toThrow('NaN is not a whole number of days');
  });

  it('refuses to step outside the four-digit years', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow('year 10000 is outside 0000..9999');
  });

  it('marks its errors as not retryable', () => {
    // Act
    let caught: unknown;
    try {
      addDays('2026-02-30', 1);
    } catch (e) {
      caught = e;
    }
    // Assess
    expect(caught).toBeInstanceOf(DateInputError);
    expect(caught).toMatchObject({ name: 'DateInputError', retryable: false });
  });
});

describe('time zone names', () => {
  it.each(['UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Etc/GMT+8', 'Asia/Calcutta'])(
    'accepts the IANA name %s',
    (tz) => {
      expect(isValidTimeZone(tz)).toBe(true);
    },
  );

  it.each([
    ['the empty string', ''],
    ['an unknown name', 'Mars/Base'],
    ['an offset', '+08:00'],
    ['a negative offset', '-05:00'],
    ['a compact offset', '+0800'],
    ['a wrongly capitalised name', 'asia/shanghai'],
    ['lower-case utc', 'utc'],
    ['a misspelt name', 'America/NewYork'],
  ])('rejects %s', (_, tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });
});

describe('local date and time of an instant', () => {
  it('reads the date and wall time in the given zone, not the machine zone', () => {
    // Prepare: 16:00Z is midnight of the next day in Shanghai.
    const instant = new Date('2026-09-30T16:00:00Z');
    // Act / Assess
    expect(localDate(instant, 'Asia/Shanghai')).toBe('2026-10-01');
    expect(localTime(instant, 'Asia/Shanghai')).toBe('00:00');
    expect(localDate(instant, 'UTC')).toBe('2026-09-30');
    expect(localTime(instant, 'UTC')).toBe('16:00');
    expect(localDate(instant, 'America/New_York')).toBe('2026-09-30');
    expect(localTime(instant, 'America/New_York')).toBe('12:00');
  });

  it('drops seconds from the wall time rather than rounding them', () => {
    expect(localTime(new Date('2026-09-30T01:29:59.999Z'), 'Asia/Shanghai')).toBe('09:29');
  });

  it('follows DST: the same UTC time reads an hour apart in winter and summer', () => {
    expect(localTime(new Date('2026-01-15T14:00:00Z'), 'America/New_York')).toBe('09:00');
    expect(localTime(new Date('2026-07-15T14:00:00Z'), 'America/New_York')).toBe('10:00');
  });

  it('rejects an invalid instant and an unknown zone', () => {
    expect(() => localDate(new Date(NaN), 'UTC')).toThrow(new DateInputError('the instant is not a valid Date'));
    expect(() => localTime(new Date(0), 'Mars/Base')).toThrow('"Mars/Base" is not an IANA time zone');
    expect(() => localDate(new Date(0), '+08:00')).toThrow('"+08:00" is not an IANA time zone');
  });
});

describe('wall time to instant', () => {
  it('converts a plain wall time in a zone without DST', () => {
    expect(zonedDateTimeToInstant('2026-09-30', '09:30', 'Asia/Shanghai').toISOString()).toBe(
      '2026-09-30T01:30:00.000Z',
    );
    expect(zonedDateTimeToInstant('2026-10-01', '00:00', 'Asia/Shanghai').toISOString()).toBe(
      '2026-09-30T16:00:00.000Z',
    );
  });

  it('converts a wall time in UTC to itself', () => {
    expect(zonedDateTimeToInstant('2026-09-30', '09:30', 'UTC').toISOString()).toBe('2026-09-30T09:30:00.000Z');
  });

  it('uses the offset in force on the day, on either side of a DST change', () => {
    expect(zonedDateTimeToInstant('2026-03-07', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-03-07T14:00:00.000Z',
    );
    expect(zonedDateTimeToInstant('2026-03-09', '09:00', 'America/New_York').toISOString()).toBe(
      '2026-03-09T13:00:00.000Z',
    );
  });

  it('moves a wall time skipped by spring-forward to the first instant after the gap', () => {
    // Prepare: in New York on 2026-03-08 the clocks jump from 02:00 EST to 03:00 EDT (07:00Z).
    // Act
    const instant = zonedDateTimeToInstant('2026-03-08', '02:30', 'America/New_York');
    // Assess
    expect(instant.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(localTime(instant, 'America/New_York')).toBe('03:00');
  });

  it('takes the earlier of the two instants of a wall time repeated by fall-back', () => {
    // Prepare: on 2026-11-01 New York reads 01:30 at 05:30Z (EDT) and again at 06:30Z (EST).
    // Act
    const instant = zonedDateTimeToInstant('2026-11-01', '01:30', 'America/New_York');
    // Assess
    expect(instant.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(formatOffsetDateTime(instant, 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
  });

  it('handles a half-hour DST shift and a skipped calendar day', () => {
    // Lord Howe Island springs forward by 30 minutes at 02:00; Samoa skipped 2011-12-30 entirely.
    expect(formatOffsetDateTime(zonedDateTimeToInstant('2026-10-04', '02:15', 'Australia/Lord_Howe'), 'UTC')).toBe(
      '2026-10-03T15:30:00+00:00',
    );
    expect(formatOffsetDateTime(zonedDateTimeToInstant('2011-12-30', '12:00', 'Pacific/Apia'), 'Pacific/Apia')).toBe(
      '2011-12-31T00:00:00+14:00',
    );
  });

  it('rejects a bad date, time or zone, naming it', () => {
    expect(() => zonedDateTimeToInstant('2026-02-30', '09:30', 'UTC')).toThrow('"2026-02-30" is not a calendar date');
    expect(() => zonedDateTimeToInstant('2026-09-30', '24:00', 'UTC')).toThrow('"24:00" is not a time of day (HH:MM)');
    expect(() => zonedDateTimeToInstant('2026-09-30', '09:30', 'Mars/Base')).toThrow(
      '"Mars/Base" is not an IANA time zone',
    );
  });
});

describe('ISO-8601 with the zone offset', () => {
  it('writes the contract example for Asia/Shanghai', () => {
    expect(formatOffsetDateTime(new Date('2026-09-30T01:30:00Z'), 'Asia/Shanghai')).toBe('2026-09-30T09:30:00+08:00');
  });

  it('writes UTC as +00:00 and drops milliseconds', () => {
    expect(formatOffsetDateTime(new Date('2026-09-30T09:30:05.999Z'), 'UTC')).toBe('2026-09-30T09:30:05+00:00');
  });

  it('writes negative and half-hour offsets, following DST', () => {
    expect(formatOffsetDateTime(new Date('2026-01-15T14:00:00Z'), 'America/New_York')).toBe(
      '2026-01-15T09:00:00-05:00',
    );
    expect(formatOffsetDateTime(new Date('2026-07-15T14:00:00Z'), 'America/New_York')).toBe(
      '2026-07-15T10:00:00-04:00',
    );
    expect(formatOffsetDateTime(new Date('2026-03-01T12:00:00Z'), 'America/St_Johns')).toBe(
      '2026-03-01T08:30:00-03:30',
    );
    expect(formatOffsetDateTime(new Date('2026-03-01T12:00:00Z'), 'Asia/Kathmandu')).toBe('2026-03-01T17:45:00+05:45');
  });

  it('keeps the seconds of a historic local-mean-time offset so the wall time still matches', () => {
    expect(formatOffsetDateTime(new Date('1900-01-01T00:00:00Z'), 'Asia/Shanghai')).toBe(
      '1900-01-01T08:05:43+08:05:43',
    );
  });

  it('round-trips with zonedDateTimeToInstant', () => {
    // Prepare
    const instant = zonedDateTimeToInstant('2026-10-10', '09:30', 'Europe/Berlin');
    // Act / Assess
    expect(formatOffsetDateTime(instant, 'Europe/Berlin')).toBe('2026-10-10T09:30:00+02:00');
  });

  it('rejects an invalid instant', () => {
    expect(() => formatOffsetDateTime(new Date('not a date'), 'UTC')).toThrow('the instant is not a valid Date');
  });
});
