/** The instants Alibaba and Huawei write: refused when they name no real moment, never moved. */
import { readInstant } from '../../../lambda/vendors/cn-cloud/vendor-instant';
import { ShapeProblem } from '../../../lambda/vendors/http';

describe('readInstant', () => {
  it.each([
    ['2026-10-09T16:00:00Z', '2026-10-09T16:00:00.000Z'],
    ['2026-10-09T16:00+08:00', '2026-10-09T08:00:00.000Z'],
    [1791561600, '2026-10-09T16:00:00.000Z'], // epoch seconds
    [1791561600000, '2026-10-09T16:00:00.000Z'], // epoch milliseconds
  ])('reads %p', (value, iso) => {
    expect(readInstant(value, 'EndTime').toISOString()).toBe(iso);
  });

  it.each([
    ['2026-02-30T16:00:00Z', 'a day February does not have (JavaScript would make it 2 March)'],
    ['2026-13-01T00:00:00Z', 'a thirteenth month'],
    [1e18, 'nanoseconds, not seconds or milliseconds'],
    [1.7915616e15, 'microseconds'],
    ['2026-10-09', 'a date without a time and zone'],
    [-5, 'a negative epoch'],
  ] as [unknown, string][])('refuses %p (%s), naming the field', (value) => {
    expect(() => readInstant(value, 'EndTime')).toThrow(ShapeProblem);
    expect(() => readInstant(value, 'EndTime')).toThrow('EndTime is not an ISO 8601 instant or epoch time');
  });
});
