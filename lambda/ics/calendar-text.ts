import { messagesFor } from '../channels/messages/messages';
import type { Language, ServiceKind, Severity } from '../core/model';

/** Every word the calendar writes, per language (the same wording as the chat messages). */
export interface CalendarText {
  readonly calendarName: string;
  readonly summary: (name: string) => string;
  readonly expiresOn: (name: string, id: string, date: string) => string;
  readonly project: (project: string) => string;
  readonly owners: (owners: readonly string[]) => string;
  /** In the words of the service's kind (a contract, a package, a bill...), as the messages say it. */
  readonly whatToDo: (autoRenew: boolean, expiresOn: string, kind: ServiceKind) => string;
  readonly remindersAt: (time: string, timeZone: string) => string;
  readonly reminder: (date: string, tier: number, severity: Severity, key: string) => string;
  readonly acknowledgeWith: string;
  /** The text of one alarm: what the guard's reminder of that day says, in short. */
  readonly alarm: (severity: Severity, name: string, daysLeft: number, expiresOn: string, key: string) => string;
}

const EN_SEVERITY: Record<Severity, string> = {
  info: 'Info',
  warning: 'Warning',
  critical: 'Critical',
  emergency: 'Emergency',
};
const ZH_SEVERITY: Record<Severity, string> = { info: '提示', warning: '警告', critical: '严重', emergency: '紧急' };
const days = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

const EN: CalendarText = {
  calendarName: 'RenewalGuard: expiries',
  summary: (name) => `${name} expires`,
  expiresOn: (name, id, date) => `${name} (${id}) expires on ${date}.`,
  project: (project) => `Project: ${project}`,
  owners: (owners) => `Owners: ${owners.join(', ')}`,
  whatToDo: (autoRenew, expiresOn, kind) =>
    autoRenew
      ? 'What to do: auto-renewal is on; confirm the payment method and balance will cover it.'
      : `What to do: ${messagesFor('en').kindActions[kind].before(expiresOn)}`,
  remindersAt: (time, timeZone) => `Reminders (at ${time} ${timeZone}):`,
  reminder: (date, tier, severity, key) =>
    `- ${date}: ${tier === 0 ? 'expiry day' : `${days(tier)} before`}, ${EN_SEVERITY[severity].toLowerCase()}, alert key ${key}`,
  acknowledgeWith: 'Acknowledge a reminder with: renewal-guard ack <alert key>',
  alarm: (severity, name, daysLeft, expiresOn, key) => {
    const when =
      daysLeft === 0 ? 'expires today' : daysLeft === 1 ? 'expires tomorrow' : `expires in ${days(daysLeft)}`;
    return `[${EN_SEVERITY[severity]}] ${name} ${when} (${expiresOn}). Alert key: ${key}`;
  },
};

const ZH_CN: CalendarText = {
  calendarName: 'RenewalGuard 到期提醒',
  summary: (name) => `${name} 到期`,
  expiresOn: (name, id, date) => `${name}（${id}）将于 ${date} 到期。`,
  project: (project) => `项目：${project}`,
  owners: (owners) => `负责人：${owners.join('、')}`,
  whatToDo: (autoRenew, expiresOn, kind) =>
    autoRenew
      ? '处理建议：已开启自动续费，请确认支付方式和余额足以完成自动续费。'
      : `处理建议：${messagesFor('zh-CN').kindActions[kind].before(expiresOn)}`,
  remindersAt: (time, timeZone) => `提醒（${timeZone} ${time}）：`,
  reminder: (date, tier, severity, key) =>
    `- ${date}：${tier === 0 ? '到期当天' : `提前 ${tier} 天`}，${ZH_SEVERITY[severity]}，告警键 ${key}`,
  acknowledgeWith: '确认收到某条提醒：renewal-guard ack <告警键>',
  alarm: (severity, name, daysLeft, expiresOn, key) => {
    const when = daysLeft === 0 ? '今天到期' : daysLeft === 1 ? '明天到期' : `将于 ${daysLeft} 天后到期`;
    return `【${ZH_SEVERITY[severity]}】${name} ${when}（${expiresOn}）。告警键：${key}`;
  },
};

export function calendarTextFor(language: Language | undefined): CalendarText {
  return language === 'zh-CN' ? ZH_CN : EN;
}
