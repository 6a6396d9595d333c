import * as fc from 'fast-check';
import { localTime } from '../../../lambda/core/dates';
import type { QuietHours, Severity } from '../../../lambda/core/model';
import { deliveryInstant, isInQuietHours } from '../../../lambda/core/policy';

const night: QuietHours = { from: '22:00', to: '08:00' };
const shanghai = { timeZone: 'Asia/Shanghai', quietHours: night };
const newYork = (quietHours: QuietHours = night) => ({ timeZone: 'America/New_York', quietHours });
const warning = { severity: 'warning' as Severity };
const emergency = { severity: 'emergency' as Severity };

function at(iso: string): Date {
  return new Date(iso);
}

describe('quiet hours', () => {
  it('delivers at once outside quiet hours', () => {
    const now = at('2026-09-30T09:30:00+08:00');
    expect(deliveryInstant(warning, now, shanghai)).toBe(now);
  });

  it('delivers at once when no quiet hours are configured', () => {
    const now = at('2026-09-30T23:30:00+08:00');
    expect(deliveryInstant(warning, now, { timeZone: 'Asia/Shanghai' })).toBe(now);
  });

  it('holds a warning decided at 23:00 until 08:00 the next morning', () => {
    expect(deliveryInstant(warning, at('2026-09-30T23:00:00+08:00'), shanghai).toISOString()).toBe(
      '2026-10-01T00:00:00.000Z', // 08:00 +08:00
    );
  });

  it('holds a warning decided at 06:15 until 08:00 the same morning', () => {
    expect(deliveryInstant(warning, at('2026-09-30T06:15:00+08:00'), shanghai).toISOString()).toBe(
      '2026-09-30T00:00:00.000Z',
    );
  });

  it('lets an emergency through at once, quiet hours or not', () => {
    const now = at('2026-09-30T23:00:00+08:00');
    expect(deliveryInstant(emergency, now, shanghai)).toBe(now);
  });

  it('handles a window that does not cross midnight (a lunch break)', () => {
    const lunch = { timeZone: 'Asia/Shanghai', quietHours: { from: '12:00', to: '13:30' } };
    expect(deliveryInstant(warning, at('2026-09-30T12:10:00+08:00'), lunch).toISOString()).toBe(
      '2026-09-30T05:30:00.000Z',
    );
    expect(isInQuietHours(at('2026-09-30T13:30:00+08:00'), 'Asia/Shanghai', lunch.quietHours)).toBe(false);
  });

  describe('across daylight-saving changes in America/New_York', () => {
    it('ends the night at 08:00 EDT on 2026-03-08, the morning the clocks go forward (12:00Z, not 13:00Z)', () => {
      // Prepare: 23:00 EST on 03-07
      const now = at('2026-03-08T04:00:00Z');

      // Act / Assess
      expect(localTime(now, 'America/New_York')).toBe('23:00');
      expect(deliveryInstant(warning, now, newYork()).toISOString()).toBe('2026-03-08T12:00:00.000Z');
    });

    it('ends a window whose end the clock skips (02:30 on 2026-03-08) at the jump, 03:00 EDT', () => {
      // Prepare: 01:45 EST, quiet until 02:30, which never happens that night
      const now = at('2026-03-08T06:45:00Z');

      // Act / Assess
      expect(deliveryInstant(warning, now, newYork({ from: '22:00', to: '02:30' })).toISOString()).toBe(
        '2026-03-08T07:00:00.000Z',
      );
    });

    it('ends the night at 08:00 EST on 2026-11-01, the morning the clocks go back (13:00Z, not 12:00Z)', () => {
      // Prepare: 23:00 EDT on 10-31
      const now = at('2026-11-01T03:00:00Z');

      // Act / Assess
      expect(deliveryInstant(warning, now, newYork()).toISOString()).toBe('2026-11-01T13:00:00.000Z');
    });

    it('ends a window at 01:30 at whichever reading of 01:30 on 2026-11-01 is still ahead', () => {
      // Prepare: quiet 22:00–01:30; 01:10 happens twice, at 05:10Z (EDT) and at 06:10Z (EST)
      const quiet = newYork({ from: '22:00', to: '01:30' });

      // Act
      const firstPass = deliveryInstant(warning, at('2026-11-01T05:10:00Z'), quiet);
      const secondPass = deliveryInstant(warning, at('2026-11-01T06:10:00Z'), quiet);

      // Assess
      expect(firstPass.toISOString()).toBe('2026-11-01T05:30:00.000Z');
      expect(secondPass.toISOString()).toBe('2026-11-01T06:30:00.000Z');
    });
  });

  describe('in any zone (property)', () => {
    const zones = [
      'America/New_York',
      'Asia/Shanghai',
      'Europe/London',
      'Australia/Lord_Howe', // a 30-minute DST shift
      'Pacific/Chatham', // a +12:45 offset
      'America/Sao_Paulo',
      'UTC',
    ];
    const time = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const window = fc.tuple(time, time).filter(([from, to]) => from !== to);
    // Half the instants within a day and a half of a 2026 clock change of one of the zones, half anywhere
    // in 2025..2027, at minute precision.
    const changes = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04', '2026-09-27'];
    const nearChange = fc
      .tuple(fc.constantFrom(...changes), fc.integer({ min: -36 * 60, max: 36 * 60 }))
      .map(([day, m]) => new Date(Date.parse(`${day}T00:00:00Z`) + m * 60_000));
    const anywhere = fc
      .integer({ min: 0, max: 3 * 365 * 24 * 60 })
      .map((m) => new Date(Date.UTC(2025, 0, 1) + m * 60_000));
    const instant = fc.oneof(nearChange, anywhere);
    const severity = fc.constantFrom<Severity>('info', 'warning', 'critical', 'emergency');

    it('never delivers early, never inside the window (but for emergencies), and waits no longer than it must', () => {
      fc.assert(
        fc.property(fc.constantFrom(...zones), window, instant, severity, (timeZone, [from, to], now, sev) => {
          // Act
          const config = { timeZone, quietHours: { from, to } };
          const delivered = deliveryInstant({ severity: sev }, now, config);

          // Assess
          expect(delivered.getTime()).toBeGreaterThanOrEqual(now.getTime());
          if (sev === 'emergency') {
            expect(delivered).toBe(now);
            return;
          }
          expect(isInQuietHours(delivered, timeZone, config.quietHours)).toBe(false);
          // every whole minute strictly before delivery is still quiet (sampled: up to 24 points)
          const span = delivered.getTime() - now.getTime();
          expect(span).toBeLessThanOrEqual(25 * 3_600_000);
          for (let i = 0; i < 24 && span > 0; i++) {
            const probe = new Date(now.getTime() + Math.floor((span * i) / 24));
            expect(isInQuietHours(probe, timeZone, config.quietHours)).toBe(true);
          }
        }),
        { numRuns: 150, seed: 20261108 },
      );
    });
  });
});
