/**
 * DingTalk custom robot, `markdown` message.
 *
 * Shape per DingTalk's custom robot docs (open.dingtalk.com/document/robots/custom-robot-access, message
 * types): `{ msgtype: 'markdown', markdown: { title, text }, at: { atMobiles, isAtAll } }`. `title` is what
 * the conversation list shows; a mobile in `atMobiles` is only highlighted when `@<mobile>` also appears
 * in `text`. Each robot takes at most 20 messages a minute (enforced by delivery, not here).
 */
import { booleanOption, stringListOption } from './channel-options';
import { fitView } from './fit-view';
import type { FormatInput } from './format-input';
import type { AlertView } from '../messages/alert-view';
import { buildAlertView, messageLink } from '../messages/alert-view';
import { escapeMarkdown } from '../text/escape';
import { truncateBytes, truncateChars, utf8Length } from '../text/truncate';

export interface DingTalkMarkdownMessage {
  readonly msgtype: 'markdown';
  readonly markdown: { readonly title: string; readonly text: string };
  readonly at: { readonly atMobiles: readonly string[]; readonly isAtAll: boolean };
}

/**
 * DingTalk documents no size for markdown text. Ours: at most 4,000 UTF-8 bytes (WeCom's documented
 * budget, rounded down), so a reminder stays one screen; titles at most 64 characters, as the
 * conversation list cuts them anyway.
 */
export const DINGTALK_LIMITS = { titleChars: 64, textBytes: 4000 } as const;

export function formatDingTalk(input: FormatInput): DingTalkMarkdownMessage {
  const view = buildAlertView(input, escapeMarkdown);
  const atMobiles = stringListOption(input.channel, 'atMobiles');
  const isAtAll = booleanOption(input.channel, 'atAll');
  const mentions = [...atMobiles.map((m) => `@${m}`), ...(isAtAll ? ['@all'] : [])].join(' ');
  const text = fitView(view, (v) => render(v, mentions), utf8Length, DINGTALK_LIMITS.textBytes);
  return {
    msgtype: 'markdown',
    markdown: {
      title: truncateChars(view.headline, DINGTALK_LIMITS.titleChars),
      text: truncateBytes(text, DINGTALK_LIMITS.textBytes),
    },
    at: { atMobiles, isAtAll },
  };
}

function render(view: AlertView, mentions: string): string {
  const blocks = [`#### ${view.headline}`];
  if (view.facts.length > 0) blocks.push(view.facts.map((f) => `- **${f.label}**${view.colon}${f.value}`).join('\n'));
  blocks.push(`**${view.labels.whatToDo}**${view.colon}${view.action}`);
  // two trailing spaces make a markdown line break, so a digest keeps its lines
  if (view.details) blocks.push(`> ${view.details.replace(/\n/g, '  \n> ')}`);
  const link = messageLink(view);
  if (link) blocks.push(`[${link.label}](${link.url})`);
  if (mentions) blocks.push(mentions);
  blocks.push(`###### ${view.footer}`);
  return blocks.join('\n\n');
}
