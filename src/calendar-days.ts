/**
 * Days a document adds to its working-day calendar: the mapping form of `calendar` in the config document
 * (`calendar: { base, holidays, workdays, coveredYears }`). Use it to declare a year's official schedule
 * before a release carries it (CN 2027 once the State Council publishes it), or a company's own days off.
 *
 * Dates are `YYYY-MM-DD` in the guard's `timeZone`; a holiday may be an inclusive range
 * `YYYY-MM-DD/YYYY-MM-DD`. Checked at synth like the config file: real dates, ranges in order and at most
 * a year long, no day both a holiday and a workday, every covered year with at least one holiday.
 *
 * @example
 * const cn2027: CalendarDays = {
 *   holidays: ['2027-01-01', '2027-02-05/2027-02-13'],
 *   workdays: ['2027-02-20'],
 *   coveredYears: [2027],
 * };
 */
export interface CalendarDays {
  /**
   * Non-working days added: dates, or inclusive ranges `YYYY-MM-DD/YYYY-MM-DD`.
   *
   * @default - none
   */
  readonly holidays?: string[];

  /**
   * Working days added, such as make-up workdays (CN 调休) on a weekend.
   *
   * @default - none
   */
  readonly workdays?: string[];

  /**
   * Years `holidays` and `workdays` describe completely: used as official data, so a CN year listed here
   * is no longer provisional (estimated).
   *
   * @default - none: the lists only add days
   */
  readonly coveredYears?: number[];
}
