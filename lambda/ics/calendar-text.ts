import type { ExpiryAlarm } from './expiry-alarms';
import { messagesFor } from '../channels/messages/messages';
import type { Language, ServiceKind, Severity } from '../core/model';

/** What the words of one reminder depend on. */
type Reminder = Pick<ExpiryAlarm, 'date' | 'tier' | 'severity' | 'key' | 'daysLeft' | 'decideBy'>;

/** Every word the calendar writes, per language (the same wording as the chat messages). */
export interface CalendarText {
  readonly calendarName: string;
  readonly summary: (name: string) => string;
  readonly expiresOn: (name: string, id: string, date: string) => string;
  readonly project: (project: string) => string;
  readonly owners: (owners: readonly string[]) => string;
  /**
   * In the words of the service's kind (a contract, a package, a bill...), as the messages say it; a
   * contract with a notice period is decided by `decideBy`, whether or not it renews on its own.
   */
  readonly whatToDo: (autoRenew: boolean, expiresOn: string, kind: ServiceKind, decideBy?: string) => string;
  readonly remindersAt: (time: string, timeZone: string) => string;
  /** One line of the event's reminder list; a contract's decision reminders count to their decision day. */
  readonly reminder: (reminder: Reminder) => string;
  readonly acknowledgeWith: string;
  /** The text of one alarm: what the guard's reminder of that day says, in short. */
  readonly alarm: (reminder: Reminder, name: string, expiresOn: string) => string;
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
  whatToDo: (autoRenew, expiresOn, kind, decideBy) =>
    decideBy !== undefined
      ? `What to do: ${messagesFor('en').actions.decideContract(decideBy)}`
      : autoRenew
        ? 'What to do: auto-renewal is on; confirm the payment method and balance will cover it.'
        : `What to do: ${messagesFor('en').kindActions[kind].before(expiresOn)}`,
  remindersAt: (time, timeZone) => `Reminders (at ${time} ${timeZone}):`,
  reminder: ({ date, tier, severity, key, decideBy }) => {
    const when =
      decideBy === undefined
        ? tier === 0
          ? 'expiry day'
          : `${days(tier)} before`
        : tier === 0
          ? 'decision day'
          : `${days(tier)} before the decision date ${decideBy}`;
    return `- ${date}: ${when}, ${EN_SEVERITY[severity].toLowerCase()}, alert key ${key}`;
  },
  acknowledgeWith: 'Acknowledge a reminder with: renewal-guard ack <alert key>',
  alarm: ({ severity, daysLeft, key, decideBy }, name, expiresOn) => {
    const label = `[${EN_SEVERITY[severity]}]`;
    if (decideBy !== undefined) {
      const when = daysLeft <= 0 ? `decide today (${decideBy})` : `decide by ${decideBy} (${days(daysLeft)} left)`;
      return `${label} ${name}: ${when} whether to renew, renegotiate or end the contract. Alert key: ${key}`;
    }
    const when =
      daysLeft === 0 ? 'expires today' : daysLeft === 1 ? 'expires tomorrow' : `expires in ${days(daysLeft)}`;
    return `${label} ${name} ${when} (${expiresOn}). Alert key: ${key}`;
  },
};

const ZH_CN: CalendarText = {
  calendarName: 'RenewalGuard 到期提醒',
  summary: (name) => `${name} 到期`,
  expiresOn: (name, id, date) => `${name}（${id}）将于 ${date} 到期。`,
  project: (project) => `项目：${project}`,
  owners: (owners) => `负责人：${owners.join('、')}`,
  whatToDo: (autoRenew, expiresOn, kind, decideBy) =>
    decideBy !== undefined
      ? `处理建议：${messagesFor('zh-CN').actions.decideContract(decideBy)}`
      : autoRenew
        ? '处理建议：已开启自动续费，请确认支付方式和余额足以完成自动续费。'
        : `处理建议：${messagesFor('zh-CN').kindActions[kind].before(expiresOn)}`,
  remindersAt: (time, timeZone) => `提醒（${timeZone} ${time}）：`,
  reminder: ({ date, tier, severity, key, decideBy }) => {
    const when =
      decideBy === undefined
        ? tier === 0
          ? '到期当天'
          : `提前 ${tier} 天`
        : tier === 0
          ? '决定截止日'
          : `决定截止日 ${decideBy} 前 ${tier} 天`;
    return `- ${date}：${when}，${ZH_SEVERITY[severity]}，告警键 ${key}`;
  },
  acknowledgeWith: '确认收到某条提醒：renewal-guard ack <告警键>',
  alarm: ({ severity, daysLeft, key, decideBy }, name, expiresOn) => {
    const label = `【${ZH_SEVERITY[severity]}】`;
    if (decideBy !== undefined) {
      const when = daysLeft <= 0 ? `今天（${decideBy}）须决定` : `请在 ${decideBy} 之前（还剩 ${daysLeft} 天）决定`;
      return `${label}${name}：${when}续约、重新商定还是终止合同。告警键：${key}`;
    }
    const when = daysLeft === 0 ? '今天到期' : daysLeft === 1 ? '明天到期' : `将于 ${daysLeft} 天后到期`;
    return `${label}${name} ${when}（${expiresOn}）。告警键：${key}`;
  },
};

export function calendarTextFor(language: Language | undefined): CalendarText {
  return language === 'zh-CN' ? ZH_CN : EN;
}
