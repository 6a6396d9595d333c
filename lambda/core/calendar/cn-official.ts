/**
 * The People's Republic of China's official public-holiday schedules, as data.
 *
 * Each year's dates come from that year's 国务院办公厅关于 YYYY 年部分节假日安排的通知, which the State
 * Council General Office publishes in the autumn before. Only the days a notice lists as 放假 are
 * holidays (weekend days inside a block included); only the days it lists as 上班 are make-up workdays.
 * Days a notice merely encourages employers to give (2024's 除夕) stay working days.
 *
 * Adding a year: copy the notice's blocks and 上班 days below, cite it, and extend the tests in
 * test/core/calendar/cn-official.test.ts (block totals and weekday checks catch most typos).
 */
import { addDays, compareDates } from '../dates';
import type { CalendarData, IsoDate } from '../model';

export interface CnOfficialYear {
  readonly year: number;
  /** The notice the dates were copied from. */
  readonly notice: string;
  /** Holiday blocks, first and last day inclusive. */
  readonly holidays: ReadonlyArray<readonly [IsoDate, IsoDate]>;
  /** Weekend days declared working (调休上班日). */
  readonly workdays: readonly IsoDate[];
}

export const CN_OFFICIAL_SCHEDULE: readonly CnOfficialYear[] = [
  {
    // 国办发明电〔2023〕7号, 2023-10-25; State Council Gazette 2023 No. 31, People's Daily 2023-10-26 p. 6.
    year: 2024,
    notice: '国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25)',
    holidays: [
      ['2024-01-01', '2024-01-01'], // 元旦, joined to the weekend
      ['2024-02-10', '2024-02-17'], // 春节, 8 days
      ['2024-04-04', '2024-04-06'], // 清明节
      ['2024-05-01', '2024-05-05'], // 劳动节
      ['2024-06-10', '2024-06-10'], // 端午节, joined to the weekend
      ['2024-09-15', '2024-09-17'], // 中秋节
      ['2024-10-01', '2024-10-07'], // 国庆节
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  {
    // 国办发明电〔2024〕12号, 2024-11-12 (Xinhua); the first schedule under the holiday rules revised in
    // 2024-11 (春节 and 劳动节 one day longer). Matches NateScarlet/holiday-cn 2025.ics.
    year: 2025,
    notice: '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12)',
    holidays: [
      ['2025-01-01', '2025-01-01'], // 元旦, a Wednesday: that day only, no swap
      ['2025-01-28', '2025-02-04'], // 春节, 除夕 to 正月初七, 8 days
      ['2025-04-04', '2025-04-06'], // 清明节
      ['2025-05-01', '2025-05-05'], // 劳动节
      ['2025-05-31', '2025-06-02'], // 端午节
      ['2025-10-01', '2025-10-08'], // 国庆节 and 中秋节 together, 8 days
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    // Published 2025-11-04 (Xinhua, carried by gmw.cn the same day). 中秋节 (09-25..27) is a block of its own
    // this year; 国庆节 is 10-01..07 with 09-20 (Sun) and 10-10 (Sat) worked. Cross-checked against the
    // working-day list in awfe/ChinaWorkingDay 2026.json.
    year: 2026,
    notice: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
    holidays: [
      ['2026-01-01', '2026-01-03'], // 元旦
      ['2026-02-15', '2026-02-23'], // 春节, 腊月二十八 to 正月初七, 9 days
      ['2026-04-04', '2026-04-06'], // 清明节
      ['2026-05-01', '2026-05-05'], // 劳动节
      ['2026-06-19', '2026-06-21'], // 端午节
      ['2026-09-25', '2026-09-27'], // 中秋节
      ['2026-10-01', '2026-10-07'], // 国庆节
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  // 2027: no notice had been published when this table was last checked (2026-11-21).
];

function expand([first, last]: readonly [IsoDate, IsoDate]): IsoDate[] {
  const days: IsoDate[] = [];
  for (let day = first; compareDates(day, last) <= 0; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The whole official table as calendar data; authoritative exactly for the years it lists. */
export const CN_OFFICIAL_CALENDAR: CalendarData = Object.freeze({
  spec: 'CN',
  coveredYears: Object.freeze(CN_OFFICIAL_SCHEDULE.map((y) => y.year)),
  holidays: Object.freeze(CN_OFFICIAL_SCHEDULE.flatMap((y) => y.holidays.flatMap(expand))),
  workdays: Object.freeze(CN_OFFICIAL_SCHEDULE.flatMap((y) => y.workdays)),
});
