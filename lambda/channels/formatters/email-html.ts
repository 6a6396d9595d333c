/**
 * The HTML part of an email that goes to one person (a service's owner), beside the plain text part of
 * `formatEmail`: the same view, the same words, in the same order. Every piece of text is escaped as
 * HTML after `inert` (buildAlertView's default), so a name or an owner holding `<a href=…>` or a
 * markdown link shows as that text; the only link is the guard's own acknowledge (or report) link.
 */
import type { FormatInput } from './format-input';
import { esc as escapeHtml } from '../../report/html';
import { buildAlertView, messageLink } from '../messages/alert-view';

/** Only the guard's own https links (or http to the local machine, for tests) become anchors. */
function isLinkable(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(u.hostname));
  } catch {
    return false;
  }
}

export function formatEmailHtml(input: FormatInput): string {
  const view = buildAlertView(input);
  const lang = input.channel.language ?? input.language ?? 'en';
  const rows = view.facts
    .map((f) => `<tr><th align="left">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`)
    .join('');
  const link = messageLink(view);
  const parts = [
    `<!DOCTYPE html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(view.headline)}</title></head><body>`,
    `<h1>${escapeHtml(view.headline)}</h1>`,
    rows === '' ? '' : `<table>${rows}</table>`,
    `<p><strong>${escapeHtml(view.labels.whatToDo)}</strong>${escapeHtml(view.colon)}${escapeHtml(view.action)}</p>`,
    view.details === undefined
      ? ''
      : `<p><strong>${escapeHtml(view.labels.details)}</strong>${escapeHtml(view.colon)}${escapeHtml(view.details).replace(/\n/g, '<br>')}</p>`,
    link === undefined
      ? ''
      : isLinkable(link.url)
        ? `<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`
        : `<p>${escapeHtml(link.label)}${escapeHtml(view.colon)}${escapeHtml(link.url)}</p>`,
    `<hr><p><small>${escapeHtml(view.footer)}</small></p>`,
    '</body></html>',
  ];
  return parts.join('');
}
