/**
 * WeCom (企业微信) group robot, `markdown` message.
 *
 * Shape per WeCom's group robot docs (群机器人配置说明, developer.work.weixin.qq.com/document/path/91770):
 * `{ msgtype: 'markdown', markdown: { content } }`, where content is "at most 4096 bytes, UTF-8" — the
 * robot answers errcode 40058 beyond it. Colour is limited to the documented `info`, `comment` and
 * `warning` font colours. Each robot takes at most 20 messages a minute (enforced by delivery).
 */
import { fitView } from './fit-view';
import type { FormatInput } from './format-input';
import type { Severity } from '../../core/model';
import type { AlertView } from '../messages/alert-view';
import { buildAlertView, messageLink } from '../messages/alert-view';
import { escapeMarkdown } from '../text/escape';
import { truncateBytes, utf8Length } from '../text/truncate';

export interface WeComMarkdownMessage {
  readonly msgtype: 'markdown';
  readonly markdown: { readonly content: string };
}

export const WECOM_LIMITS = { contentBytes: 4096 } as const;

const COLOURS: Readonly<Record<Severity, string>> = {
  info: 'info',
  warning: 'warning',
  critical: 'warning',
  emergency: 'warning',
};

export function formatWeCom(input: FormatInput): WeComMarkdownMessage {
  const content = fitView(buildAlertView(input, escapeMarkdown), render, utf8Length, WECOM_LIMITS.contentBytes);
  return { msgtype: 'markdown', markdown: { content: truncateBytes(content, WECOM_LIMITS.contentBytes) } };
}

function render(view: AlertView): string {
  const lines = [
    `**<font color="${COLOURS[view.severity]}">${view.severityLabel}</font> ${view.title}**`,
    ...view.facts.map((f) => `> ${f.label}${view.colon}<font color="comment">${f.value}</font>`),
    `**${view.labels.whatToDo}**${view.colon}${view.action}`,
  ];
  if (view.details) lines.push(`${view.labels.details}${view.colon}\n${view.details}`);
  const link = messageLink(view);
  if (link) lines.push(`[${link.label}](${link.url})`);
  lines.push(`<font color="comment">${view.footer}</font>`);
  return lines.join('\n');
}
