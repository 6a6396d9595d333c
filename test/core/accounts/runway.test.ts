import * as fc from 'fast-check';
import { averageDailySpend, runwayDays } from '../../../lambda/core/accounts';
import { addDays } from '../../../lambda/core/dates';

describe('average daily spend', () => {
  it("prefers the vendor's own daily spend", () => {
    const history = [
      { date: '2026-09-28', balance: 1000, spend: 40 },
      { date: '2026-09-29', balance: 960, spend: 60 },
    ];

    expect(averageDailySpend(history, '2026-09-30')).toBe(50);
  });

  it('derives spend from balance drops and ignores top-ups', () => {
    // 1000 → 900 (spent 100) → 1400 (top-up: +500, spent ≥ 0) → 1300 (spent 100) over 3 days
    const history = [
      { date: '2026-09-27', balance: 1000 },
      { date: '2026-09-28', balance: 900 },
      { date: '2026-09-29', balance: 1400 },
      { date: '2026-09-30', balance: 1300 },
    ];

    expect(averageDailySpend(history, '2026-09-30')).toBeCloseTo(200 / 3);
  });

  it('looks only at the trailing 14 days', () => {
    const history = [
      { date: '2026-09-01', balance: 5000, spend: 1000 },
      { date: '2026-09-29', balance: 960, spend: 10 },
    ];

    expect(averageDailySpend(history, '2026-09-30')).toBe(10);
  });

  it('cannot tell from a single day', () => {
    expect(averageDailySpend([{ date: '2026-09-30', balance: 100 }], '2026-09-30')).toBeUndefined();
  });
});

describe('runway', () => {
  it('is the balance over the daily spend, to a tenth of a day', () => {
    expect(runwayDays(812.5, 34.7)).toBe(23.4);
  });

  it('is zero for a used-up balance or arrears, and unknown when nothing is spent', () => {
    expect([runwayDays(0, 10), runwayDays(-25, 10), runwayDays(100, 0), runwayDays(100, undefined)]).toEqual([
      0,
      0,
      undefined,
      undefined,
    ]);
  });

  it('is never NaN or negative for any balance history', () => {
    const point = fc.record({
      offset: fc.integer({ min: 0, max: 30 }),
      balance: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(point, { maxLength: 20 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (points, balance) => {
          const history = [...new Map(points.map((p) => [p.offset, p])).values()]
            .sort((a, b) => a.offset - b.offset)
            .map((p) => ({ date: addDays('2026-09-01', p.offset), balance: p.balance }));
          const runway = runwayDays(balance, averageDailySpend(history, '2026-09-30'));
          expect(runway === undefined || (Number.isFinite(runway) && runway >= 0)).toBe(true);
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });
});
