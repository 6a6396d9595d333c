import { parsedEvents } from './parse-ics';
import type { GuardConfig } from '../../lambda/core/model';
import { calendarEventCount, renderCalendar } from '../../lambda/ics';
import { guardConfig } from '../app/cycle-fixtures';

const NOW = new Date('2026-08-01T00:00:00Z');

/** A validated config whose services' expiries are then set as given: dates validation no longer lets in. */
function configWithExpiries(expiries: Record<string, string>): GuardConfig {
  const ids = Object.keys(expiries);
  const valid = guardConfig({
    services: ids.map((id) => ({
      id,
      name: `Service ${id}`,
      project: 'p',
      kind: 'subscription',
      expiresOn: '2026-10-20',
      owners: ['alice@example.com'],
    })),
  });
  return { ...valid, services: valid.services.map((s) => ({ ...s, expiresOn: expiries[s.id] })) };
}

describe('the expiry calendar at the edges of the calendar', () => {
  it.each([['9999-12-31'], ['0000-01-01'], ['0000-03-01']])(
    'still serves every other event when one expiry is %s, which it cannot express',
    (edge) => {
      const config = configWithExpiries({ edge, normal: '2026-10-20' });

      const ics = renderCalendar(config, { now: NOW });

      expect(parsedEvents(ics).map((e) => e.summary)).toEqual(['Service normal expires']);
      expect(calendarEventCount(config)).toBe(1);
    },
  );

  it('renders the last and first days of the supported years', () => {
    const config = configWithExpiries({ first: '2000-01-01', last: '2199-12-31' });

    const ics = renderCalendar(config, { now: NOW });

    expect(parsedEvents(ics).map((e) => e.summary)).toEqual(['Service first expires', 'Service last expires']);
    expect(ics).toContain('DTEND;VALUE=DATE:22000101\r\n');
  });
});
