/** The language of the guard's messages (chat, email, SMS, the acknowledge page). The values are the ones the config document uses. */
export enum Language {
  /** English. */
  EN = 'en',
  /** Simplified Chinese. */
  ZH_CN = 'zh-CN',
}
