import { renderMessage } from './message-renderers';
import { formatEmailHtml } from '../channels/formatters/email-html';
import type { AlertContext } from '../channels/formatters/format-input';
import type { Alert, ChannelConfig, Language } from '../core/model';

export interface OwnerEmailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Owner email renders as an email channel of its own, in the owners' language. */
const OWNER_CHANNEL = {
  id: 'owners',
  type: 'email',
  to: [],
  minSeverity: 'info',
  options: {},
} as const satisfies ChannelConfig;

/**
 * What an owner reads: the subject and text the one renderer gives an email channel (so owners and the
 * email channels read the same words), and the same view as HTML.
 */
export function renderOwnerEmail(alert: Alert, language: Language, context: AlertContext): OwnerEmailContent {
  const channel = { ...OWNER_CHANNEL, language } as ChannelConfig & { readonly type: 'email' };
  const [email] = renderMessage(alert, channel, language, context);
  return {
    subject: email!.subject,
    text: email!.text,
    html: formatEmailHtml({ ...context, alert, channel, language }),
  };
}
