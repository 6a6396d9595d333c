import type { AlertKeySubject } from '../../core/ack/alert-key-subject';
import type { Language } from '../../core/model';

/** Every word the acknowledge pages say, per language. */
export interface PageText {
  readonly lang: string;
  readonly subject: (subject: AlertKeySubject) => string;
  readonly confirmTitle: string;
  readonly confirmSnoozeTitle: string;
  readonly confirmAck: string;
  readonly confirmSnooze: (days: number) => string;
  readonly ackButton: string;
  readonly snoozeButton: (days: number) => string;
  readonly doneTitle: string;
  readonly doneAck: string;
  readonly snoozedTitle: string;
  readonly snoozedUntil: (when: string) => string;
  readonly alreadyTitle: string;
  readonly alreadyAck: (when: string) => string;
  readonly alreadySnoozed: (until: string) => string;
  readonly keyLabel: string;
  readonly forbiddenTitle: string;
  readonly forbidden: string;
  /** The report route's advice on a bad link. */
  readonly reportForbidden: string;
  readonly notFoundTitle: string;
  readonly notFound: string;
  readonly errorTitle: string;
  readonly error: string;
  readonly reportError: string;
}

const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

const EN: PageText = {
  lang: 'en',
  subject: (s) => {
    const name = s.service
      ? `${s.service.name} (project ${s.service.project})`
      : s.account
        ? `Account ${s.account.id}`
        : 'An alert';
    if (s.expiresOn === undefined || s.tier === undefined) return `${name}: ${s.kind ?? 'alert'} alert.`;
    if (s.tier === 0) return `${name}: the reminder on its expiry day, ${s.expiresOn}.`;
    return `${name}: the reminder ${days(s.tier)} before its expiry on ${s.expiresOn}.`;
  },
  confirmTitle: 'Acknowledge this reminder?',
  confirmSnoozeTitle: 'Snooze this reminder?',
  confirmAck:
    'Acknowledging stops the repeats and escalations of this reminder. The next reminder still comes, and a renewal clears this one.',
  confirmSnooze: (n) => `Snoozing pauses the repeats and escalations of this reminder for ${days(n)}.`,
  ackButton: 'Acknowledge',
  snoozeButton: (n) => `Snooze for ${days(n)}`,
  doneTitle: 'Acknowledged',
  doneAck: 'Its repeats and escalations stop. The next reminder still comes, and a renewal clears this one.',
  snoozedTitle: 'Snoozed',
  snoozedUntil: (when) => `Its repeats and escalations pause until ${when}.`,
  alreadyTitle: 'Already acknowledged',
  alreadyAck: (when) => `This reminder was acknowledged at ${when}. Nothing changed.`,
  alreadySnoozed: (until) => `This reminder is snoozed until ${until}. Nothing changed.`,
  keyLabel: 'Alert key:',
  forbiddenTitle: 'This link does not work',
  forbidden:
    'The link is not valid, or it has expired. Use the link in a newer message, or run renewal-guard ack with the alert key.',
  reportForbidden:
    'The link is not valid, or it has expired. Use the link in a newer digest, or run renewal-guard report.',
  notFoundTitle: 'Not found',
  notFound: 'There is nothing here.',
  errorTitle: 'Something went wrong',
  error: 'The acknowledgement could not be recorded. Try again in a minute.',
  reportError: 'The report could not be read. Try again in a minute.',
};

const ZH_CN: PageText = {
  lang: 'zh-CN',
  subject: (s) => {
    const name = s.service
      ? `${s.service.name}（项目 ${s.service.project}）`
      : s.account
        ? `账号 ${s.account.id}`
        : '告警';
    if (s.expiresOn === undefined || s.tier === undefined) return `${name}：${s.kind ?? ''}告警。`;
    if (s.tier === 0) return `${name}：到期日 ${s.expiresOn} 当天的提醒。`;
    return `${name}：到期日 ${s.expiresOn} 前 ${s.tier} 天的提醒。`;
  },
  confirmTitle: '确认收到这条提醒？',
  confirmSnoozeTitle: '暂停这条提醒？',
  confirmAck: '确认后，这条提醒不再重复，也不再升级。下一档提醒仍会照常发送；续费后本次确认自动失效。',
  confirmSnooze: (n) => `暂停后，这条提醒在 ${n} 天内不再重复，也不再升级。`,
  ackButton: '确认收到',
  snoozeButton: (n) => `暂停 ${n} 天`,
  doneTitle: '已确认收到',
  doneAck: '这条提醒不再重复，也不再升级。下一档提醒仍会照常发送；续费后本次确认自动失效。',
  snoozedTitle: '已暂停',
  snoozedUntil: (when) => `这条提醒的重复和升级暂停至 ${when}。`,
  alreadyTitle: '此前已确认',
  alreadyAck: (when) => `这条提醒已于 ${when} 确认收到，无需重复操作。`,
  alreadySnoozed: (until) => `这条提醒已暂停至 ${until}，无需重复操作。`,
  keyLabel: '告警键：',
  forbiddenTitle: '链接无效',
  forbidden: '链接无效或已过期。请使用较新消息中的链接，或使用 renewal-guard ack 命令加告警键确认。',
  reportForbidden: '链接无效或已过期。请使用较新摘要中的链接，或运行 renewal-guard report 命令。',
  notFoundTitle: '页面不存在',
  notFound: '这里没有内容。',
  errorTitle: '出错了',
  error: '暂时无法记录确认，请稍后重试。',
  reportError: '暂时无法读取报告，请稍后重试。',
};

export function pageTextFor(language: Language | undefined): PageText {
  return language === 'zh-CN' ? ZH_CN : EN;
}
