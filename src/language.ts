/**
 * The language of everything the guard writes for people: chat, email and SMS messages, the weekly digest,
 * the report page, the acknowledge pages and calendar events. The values are the ones the config document uses.
 */
export enum Language {
  /** English. */
  EN = 'en',
  /** Simplified Chinese. */
  ZH_CN = 'zh-CN',
}
