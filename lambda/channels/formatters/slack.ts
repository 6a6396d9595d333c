/**
 * Slack incoming webhook, Block Kit.
 *
 * Shape and limits per Slack's Block Kit reference (docs.slack.dev/reference/block-kit/blocks): a
 * `header` holds plain text of at most 150 characters; a `section`'s text at most 3,000 and its `fields`
 * at most 10 items of 2,000; a button's text at most 75 and its `url` at most 3,000; a message at most
 * 50 blocks. `text` is the notification fallback. mrkdwn needs `&`, `<` and `>` escaped, so text is cut
 * before escaping and measured after.
 */
import type { FormatInput } from './format-input';
import type { AlertView } from '../messages/alert-view';
import { buildAlertView, messageLink } from '../messages/alert-view';
import { escapeMrkdwn } from '../text/escape';
import { truncateChars, truncateRendered } from '../text/truncate';

export interface SlackMessage {
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
}

export type SlackBlock = Readonly<Record<string, unknown>> & { readonly type: string };

export const SLACK_LIMITS = {
  headerChars: 150,
  sectionTextChars: 3000,
  fieldChars: 2000,
  fields: 10,
  buttonTextChars: 75,
  urlChars: 3000,
  blocks: 50,
  fallbackChars: 3000,
} as const;

export { escapeMrkdwn };

export function formatSlack(input: FormatInput): SlackMessage {
  return render(buildAlertView(input));
}

function render(view: AlertView): SlackMessage {
  const mrkdwn = (raw: string, max: number) => ({
    type: 'mrkdwn',
    text: truncateRendered(raw, max, escapeMrkdwn),
  });
  const labelled = (label: string, value: string, max: number) => ({
    type: 'mrkdwn',
    text: `*${escapeMrkdwn(label)}*\n${truncateRendered(value, max - label.length - 3, escapeMrkdwn)}`,
  });

  const blocks: SlackBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncateChars(view.headline, SLACK_LIMITS.headerChars), emoji: true },
    },
  ];
  // a section's fields must hold at least one item
  if (view.facts.length > 0) {
    blocks.push({
      type: 'section',
      fields: view.facts.slice(0, SLACK_LIMITS.fields).map((f) => labelled(f.label, f.value, SLACK_LIMITS.fieldChars)),
    });
  }
  blocks.push({ type: 'section', text: labelled(view.labels.whatToDo, view.action, SLACK_LIMITS.sectionTextChars) });
  if (view.details) {
    blocks.push({ type: 'section', text: labelled(view.labels.details, view.details, SLACK_LIMITS.sectionTextChars) });
  }
  // A link cannot be shortened without breaking it; one too long for a button is left out.
  const link = messageLink(view);
  if (link && link.url.length <= SLACK_LIMITS.urlChars) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: link.id,
          style: 'primary',
          text: { type: 'plain_text', text: truncateChars(link.label, SLACK_LIMITS.buttonTextChars) },
          url: link.url,
        },
      ],
    });
  }
  blocks.push({ type: 'context', elements: [mrkdwn(view.footer, SLACK_LIMITS.sectionTextChars)] });
  // the fallback `text` is mrkdwn too (Slack parses it unless `mrkdwn: false`); the header is plain_text
  return { text: truncateRendered(view.headline, SLACK_LIMITS.fallbackChars, escapeMrkdwn), blocks };
}
