/** A day of the week. The values are the ones the config document uses (`digest.weekday`). */
export enum Weekday {
  /** Monday. */
  MONDAY = 'MON',
  /** Tuesday. */
  TUESDAY = 'TUE',
  /** Wednesday. */
  WEDNESDAY = 'WED',
  /** Thursday. */
  THURSDAY = 'THU',
  /** Friday. */
  FRIDAY = 'FRI',
  /** Saturday. */
  SATURDAY = 'SAT',
  /** Sunday. */
  SUNDAY = 'SUN',
}
