/**
 * The small self-contained pages the acknowledge endpoint answers with: no scripts, no external
 * resources, one inline style (allowed by its hash in the content security policy).
 */
import { htmlResponse, type HttpResponse } from './http';
import type { PageText } from './page-text';
import type { AckAction } from '../../core/ack/ack-token';
import { ACK_TOKEN_PARAM } from '../../core/ack/ack-url';
import type { AlertKeySubject } from '../../core/ack/alert-key-subject';

export const PAGE_STYLE =
  'body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;' +
  'color:#1f2933;background:#f5f7fa}main{max-width:34rem;margin:12vh auto;padding:2rem;background:#fff;' +
  'border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.08)}h1{margin:0 0 1rem;font-size:1.4rem}' +
  '.ok h1{color:#18794e}.stop h1{color:#b42318}p{margin:.6rem 0}code{font:13px ui-monospace,Menlo,Consolas,monospace;' +
  'background:#eef2f6;padding:.1rem .35rem;border-radius:4px;word-break:break-all}.key{color:#52606d;font-size:.9rem}' +
  'button{margin-top:1rem;font:inherit;font-weight:600;color:#fff;background:#1f6feb;border:0;border-radius:8px;' +
  'padding:.6rem 1.4rem;cursor:pointer}button:hover{background:#1858c4}';

type Tone = 'ok' | 'ask' | 'stop';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(statusCode: number, text: PageText, tone: Tone, title: string, body: string): HttpResponse {
  const html =
    `<!doctype html><html lang="${text.lang}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${escapeHtml(title)}</title><style>${PAGE_STYLE}</style></head>` +
    `<body><main class="${tone}"><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return htmlResponse(statusCode, html, PAGE_STYLE);
}

function about(text: PageText, subject: AlertKeySubject): string {
  return (
    `<p>${escapeHtml(text.subject(subject))}</p>` +
    `<p class="key">${escapeHtml(text.keyLabel)} <code>${escapeHtml(subject.key)}</code></p>`
  );
}

/**
 * Asks before recording: mail scanners and chat unfurlers open links on their own, and a GET that
 * acknowledged would silence an emergency nobody read. The button posts the same token back.
 */
export function confirmPage(
  text: PageText,
  subject: AlertKeySubject,
  token: string,
  action: AckAction,
  snoozeDays?: number,
): HttpResponse {
  const snooze = action === 'snooze' && snoozeDays !== undefined;
  return page(
    200,
    text,
    'ask',
    snooze ? text.confirmSnoozeTitle : text.confirmTitle,
    about(text, subject) +
      `<p>${escapeHtml(snooze ? text.confirmSnooze(snoozeDays) : text.confirmAck)}</p>` +
      `<form method="post" action="ack"><input type="hidden" name="${ACK_TOKEN_PARAM}" value="${escapeHtml(token)}">` +
      `<button type="submit">${escapeHtml(snooze ? text.snoozeButton(snoozeDays) : text.ackButton)}</button></form>`,
  );
}

export function acknowledgedPage(text: PageText, subject: AlertKeySubject, until?: string): HttpResponse {
  return until === undefined
    ? page(200, text, 'ok', text.doneTitle, about(text, subject) + `<p>${escapeHtml(text.doneAck)}</p>`)
    : page(200, text, 'ok', text.snoozedTitle, about(text, subject) + `<p>${escapeHtml(text.snoozedUntil(until))}</p>`);
}

export function alreadyPage(text: PageText, subject: AlertKeySubject, at: string, until?: string): HttpResponse {
  const line = until === undefined ? text.alreadyAck(at) : text.alreadySnoozed(until);
  return page(200, text, 'ok', text.alreadyTitle, about(text, subject) + `<p>${escapeHtml(line)}</p>`);
}

/**
 * The same page for every bad token: which check failed stays in the log. `advice` is the route's own
 * word on what to do instead (the report route's differs from the acknowledge route's).
 */
export function forbiddenPage(text: PageText, advice: string = text.forbidden): HttpResponse {
  return page(403, text, 'stop', text.forbiddenTitle, `<p>${escapeHtml(advice)}</p>`);
}

export function notFoundPage(text: PageText): HttpResponse {
  return page(404, text, 'stop', text.notFoundTitle, `<p>${escapeHtml(text.notFound)}</p>`);
}

export function errorPage(text: PageText, message: string = text.error): HttpResponse {
  return page(500, text, 'stop', text.errorTitle, `<p>${escapeHtml(message)}</p>`);
}
