/**
 * Microsoft Teams through a Workflows webhook ("When a Teams webhook request is received"), Adaptive Card.
 *
 * Shape per Microsoft's "Create and send messages" (learn.microsoft.com/microsoftteams/platform/
 * webhooks-and-connectors/how-to/connectors-using): Workflows accept Adaptive Cards only, posted as
 * `{ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null,
 * content: { $schema, type: 'AdaptiveCard', version, body, actions } }] }`. The card declares version 1.4, as
 * Workflows cards commonly do, but uses only elements of schema 1.0 (TextBlock, FactSet, Action.OpenUrl),
 * so an older client still renders all of it. Teams caps a message at 28 KB.
 */
import { fitView, jsonBytes } from './fit-view';
import type { FormatInput } from './format-input';
import type { Severity } from '../../core/model';
import type { AlertView } from '../messages/alert-view';
import { buildAlertView, messageLink } from '../messages/alert-view';
import { escapeMarkdown } from '../text/escape';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.4';

export const TEAMS_LIMITS = { messageBytes: 28 * 1024 } as const;

export interface TeamsMessage {
  readonly type: 'message';
  readonly attachments: readonly [
    {
      readonly contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
      readonly contentUrl: null;
      readonly content: {
        readonly $schema: string;
        readonly type: 'AdaptiveCard';
        readonly version: string;
        readonly body: readonly unknown[];
        readonly actions?: readonly unknown[];
        readonly msteams: { readonly width: 'Full' };
      };
    },
  ];
}

const COLOURS: Readonly<Record<Severity, string>> = {
  info: 'Accent',
  warning: 'Warning',
  critical: 'Attention',
  emergency: 'Attention',
};

export function formatTeams(input: FormatInput): TeamsMessage {
  return fitView(buildAlertView(input, escapeMarkdown), render, jsonBytes, TEAMS_LIMITS.messageBytes);
}

function render(view: AlertView): TeamsMessage {
  const link = messageLink(view);
  const body: unknown[] = [
    { type: 'TextBlock', text: view.severityLabel, weight: 'Bolder', color: COLOURS[view.severity], size: 'Small' },
    { type: 'TextBlock', text: view.title, weight: 'Bolder', size: 'Large', wrap: true },
  ];
  if (view.facts.length > 0) {
    body.push({ type: 'FactSet', facts: view.facts.map((f) => ({ title: f.label, value: f.value })) });
  }
  body.push({ type: 'TextBlock', text: `**${view.labels.whatToDo}**${view.colon}${view.action}`, wrap: true });
  if (view.details) body.push({ type: 'TextBlock', text: view.details, wrap: true, isSubtle: true });
  body.push({ type: 'TextBlock', text: view.footer, wrap: true, isSubtle: true, size: 'Small' });
  return {
    type: 'message',
    attachments: [
      {
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        contentUrl: null,
        content: {
          $schema: ADAPTIVE_CARD_SCHEMA,
          type: 'AdaptiveCard',
          version: ADAPTIVE_CARD_VERSION,
          body,
          ...(link && { actions: [{ type: 'Action.OpenUrl', title: link.label, url: link.url }] }),
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}
