/**
 * Email text for SNS email subscriptions. SNS wants a subject of UTF-8 text, without line breaks or
 * control characters, under 100 characters (SNS Publish reference); the body is plain text.
 */
import type { FormatInput } from './format-input';
import { buildAlertView, messageLink } from '../messages/alert-view';
import { truncateChars } from '../text/truncate';

export interface EmailMessage {
  readonly subject: string;
  readonly text: string;
}

export const EMAIL_LIMITS = { subjectChars: 99 } as const;

export function formatEmail(input: FormatInput): EmailMessage {
  const view = buildAlertView(input);
  // eslint-disable-next-line no-control-regex
  const subject = truncateChars(view.headline.replace(/[\u0000-\u001f\u007f]+/g, ' '), EMAIL_LIMITS.subjectChars);
  const facts = view.facts.map((f) => `${f.label}${view.colon}${f.value}`);
  const lines = [
    view.headline,
    '',
    ...(facts.length > 0 ? [...facts, ''] : []),
    `${view.labels.whatToDo}${view.colon}${view.action}`,
  ];
  if (view.details) lines.push('', `${view.labels.details}${view.colon}${view.details}`);
  const link = messageLink(view);
  if (link) lines.push('', `${link.label}${view.colon}${link.url}`);
  lines.push('', '--', view.footer);
  return { subject, text: lines.join('\n') };
}
