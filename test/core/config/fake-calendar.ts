import type { ConfigValidationOptions } from '../../../lambda/core/config';
import type { CalendarData } from '../../../lambda/core/model';

/**
 * A stand-in for lambda/core/calendar: CN with official data for 2024-2026 only, US and weekends for
 * whatever is asked. Records each call so tests can pin the years the validator asks for.
 */
export function fakeCalendar(): ConfigValidationOptions & { readonly calls: [string, number[]][] } {
  const calls: [string, number[]][] = [];
  return {
    calls,
    isSupportedCalendar: (spec) => ['CN', 'US', 'weekends'].includes(spec),
    resolveCalendar: (spec, years): CalendarData => {
      calls.push([spec, [...years]]);
      if (spec === 'CN') {
        return { spec, coveredYears: [2024, 2025, 2026], holidays: ['2026-10-01'], workdays: ['2026-10-10'] };
      }
      return { spec, coveredYears: [...years], holidays: [], workdays: [] };
    },
  };
}
