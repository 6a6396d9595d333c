import { isSupportedDate, parseInstant, SUPPORTED_YEARS } from '../../lambda/core/dates';

describe('instants typed by users are read strictly: refused, never rolled over', () => {
  it.each([
    ['2026-09-30T09:30:00+08:00', '2026-09-30T01:30:00.000Z'],
    ['2026-09-30T01:30Z', '2026-09-30T01:30:00.000Z'],
    ['2026-09-30T01:30:59.5Z', '2026-09-30T01:30:59.500Z'],
    ['2028-02-29T12:00:00-05:00', '2028-02-29T17:00:00.000Z'],
    ['2026-12-31T23:59:59+14:00', '2026-12-31T09:59:59.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['a day February does not have', '2026-02-30T09:30:00Z'],
    ['February 29 of a common year', '2026-02-29T09:30:00Z'],
    ['hour 24', '2026-09-30T24:00:00Z'],
    ['minute 60', '2026-09-30T09:60:00Z'],
    ['second 60', '2026-09-30T09:30:60Z'],
    ['month 13', '2026-13-01T09:30:00Z'],
    ['day 0', '2026-09-00T09:30:00Z'],
    ['an offset hour of 24', '2026-09-30T09:30:00+24:00'],
    ['an offset minute of 60', '2026-09-30T09:30:00+08:60'],
    ['no offset', '2026-09-30T09:30:00'],
    ['a date alone', '2026-09-30'],
    ['a space for the T', '2026-09-30 09:30:00Z'],
    ['a year before the supported range', '1999-12-31T23:00:00Z'],
    ['a year after it', '2200-01-01T00:00:00Z'],
    ['year zero', '0000-01-01T00:00:00Z'],
    ['a trailing newline', '2026-09-30T09:30:00Z\n'],
    ['an epoch number', '1790000000'],
    ['nothing', ''],
  ])('refuses %s (%s)', (_, text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  it('names its supported years, and dates at both ends are inside', () => {
    expect(SUPPORTED_YEARS).toEqual({ first: 2000, last: 2199 });
    expect(isSupportedDate('2000-01-01')).toBe(true);
    expect(isSupportedDate('2199-12-31')).toBe(true);
    expect(isSupportedDate('1999-12-31')).toBe(false);
    expect(isSupportedDate('2200-01-01')).toBe(false);
    expect(isSupportedDate('2026-02-29')).toBe(false);
  });
});
