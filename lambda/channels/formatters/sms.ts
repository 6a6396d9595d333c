/**
 * SMS text, for SNS SMS subscriptions. At most two segments (see sms-encoding): 306 GSM characters, or
 * 134 once any character needs UCS-2 — which every Chinese message does. What does not fit is dropped
 * in order of least use on a phone screen: the acknowledge link, the owners, the project; then the
 * headline itself is cut, by the rule of the text's own encoding.
 */
import type { FormatInput } from './format-input';
import { buildAlertView, channelLanguage, messageLink } from '../messages/alert-view';
import { messagesFor } from '../messages/messages';
import { inert } from '../text/escape';
import { smsCost, smsEncoding } from '../text/sms-encoding';
import { truncateChars } from '../text/truncate';

export const SMS_MAX_SEGMENTS = 2;

export function formatSms(input: FormatInput): string {
  const view = buildAlertView(input);
  const link = messageLink(view);
  const language = channelLanguage(input);
  const m = messagesFor(language);
  const { alert } = input;
  const zh = language === 'zh-CN';
  const end = zh ? '。' : '. ';
  const head = `RenewalGuard ${view.headline}${alert.expiresOn ? (zh ? `（${alert.expiresOn}）` : ` (${alert.expiresOn})`) : ''}`;
  // a digest's text message is its totals; the rest of it is for screens larger than a phone's
  const totals = alert.kind === 'digest' && alert.digest ? m.digest.totals(alert.digest.totals) : undefined;
  const optional = [
    totals,
    alert.project ? `${m.labels.project}${m.colon}${inert(alert.project)}` : undefined,
    alert.owners.length > 0
      ? `${m.labels.owners}${m.colon}${alert.owners.map((o) => inert(o)).join(m.listSeparator)}`
      : undefined,
    link ? `${link.label}${m.colon}${link.url}` : undefined,
  ];
  for (let keep = optional.length; keep >= 0; keep--) {
    const parts = [head, ...optional.slice(0, keep).filter((p): p is string => p !== undefined)];
    const text = parts.join(end).trim();
    if (smsCost(text).segments <= SMS_MAX_SEGMENTS) return text;
  }
  return fitHeadline(head);
}

/** The headline alone, cut to two segments of its own encoding. */
function fitHeadline(head: string): string {
  if (smsEncoding(head) === 'ucs2') return truncateChars(head, 2 * 67);
  // `…` is not a GSM character: it would turn the whole text into UCS-2, so GSM text ends in "...".
  let text = truncateChars(head, 2 * 153, '...');
  while (smsCost(text).segments > SMS_MAX_SEGMENTS) text = truncateChars(text, text.length - 1, '...');
  return text;
}
