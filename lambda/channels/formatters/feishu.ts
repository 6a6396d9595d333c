/**
 * Feishu / Lark custom bot, `interactive` (message card).
 *
 * Shape per the custom bot guide (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot) and the
 * message card reference: `{ msg_type: 'interactive', card: { config, header: { title, template }, elements } }`,
 * with the signed `timestamp` and `sign` added at the top level by delivery. The guide caps a request
 * body at 20 KB; `template` is one of the documented header colours.
 */
import { fitView, jsonBytes } from './fit-view';
import type { FormatInput } from './format-input';
import type { Severity } from '../../core/model';
import type { AlertView } from '../messages/alert-view';
import { buildAlertView, messageLink } from '../messages/alert-view';
import { escapeMarkdown } from '../text/escape';

export interface FeishuCardMessage {
  readonly msg_type: 'interactive';
  readonly card: {
    readonly config: { readonly wide_screen_mode: true };
    readonly header: {
      readonly template: string;
      readonly title: { readonly tag: 'plain_text'; readonly content: string };
    };
    readonly elements: readonly unknown[];
  };
}

/** 20 KB for the whole body, less room for the `timestamp` and `sign` delivery adds. */
export const FEISHU_LIMITS = { bodyBytes: 20 * 1024 - 256 } as const;

export const FEISHU_HEADER_TEMPLATES: Readonly<Record<Severity, string>> = {
  info: 'blue',
  warning: 'yellow',
  critical: 'orange',
  emergency: 'red',
};

export function formatFeishu(input: FormatInput): FeishuCardMessage {
  return fitView(buildAlertView(input, escapeMarkdown), render, jsonBytes, FEISHU_LIMITS.bodyBytes);
}

function render(view: AlertView): FeishuCardMessage {
  const md = (content: string) => ({ tag: 'lark_md', content });
  const elements: unknown[] = [];
  if (view.facts.length > 0) {
    elements.push({
      tag: 'div',
      fields: view.facts.map((f) => ({ is_short: true, text: md(`**${f.label}**\n${f.value}`) })),
    });
  }
  elements.push({ tag: 'div', text: md(`**${view.labels.whatToDo}**\n${view.action}`) });
  if (view.details) elements.push({ tag: 'div', text: md(`**${view.labels.details}**\n${view.details}`) });
  const link = messageLink(view);
  if (link) {
    elements.push({
      tag: 'action',
      actions: [{ tag: 'button', text: { tag: 'plain_text', content: link.label }, type: 'primary', url: link.url }],
    });
  }
  elements.push({ tag: 'note', elements: [{ tag: 'plain_text', content: view.footer }] });
  return {
    msg_type: 'interactive',
    card: {
      config: { wide_screen_mode: true },
      header: {
        template: FEISHU_HEADER_TEMPLATES[view.severity],
        title: { tag: 'plain_text', content: view.headline },
      },
      elements,
    },
  };
}
