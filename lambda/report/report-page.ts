/**
 * The report as one self-contained HTML page: inline CSS and inline SVG only, no script, font, image or
 * link to fetch, so it reads the same offline, attached to a mail, or opened from a file share.
 */
import { esc, formatAmount, formatThreshold } from './html';
import { GRID, INK, MUTED, TONE_COLOURS, TONE_TINTS } from './palette';
import type { ReportAccount, ReportData, ReportService, Tone } from './report-data';
import { discoverySection } from './report-discovery';
import { reportTextFor, type ReportText } from './report-text';
import { projectRunway } from './runway-projection';
import { renderRunway } from './runway-svg';
import { renderTimeline } from './timeline-svg';
import { addDays } from '../core/dates';
import type { Language } from '../core/model';

/**
 * Renders the whole page in `language` (the document's; English when absent). Pure: the same data gives
 * the same bytes.
 *
 * @example
 * fs.writeFileSync('report.html', renderReport(buildReportData({ config, services, now }), config.language));
 */
export function renderReport(data: ReportData, language?: Language): string {
  const t = reportTextFor(language);
  return [
    '<!DOCTYPE html>',
    `<html lang="${t.htmlLang}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(t.title(data.today))}</title>`,
    `<style>${CSS}</style></head><body><main>`,
    header(data, t),
    timelineSection(data, t),
    accountsSection(data, t),
    discoverySection(data.notInInventory, language),
    tableSection(data, t),
    `<footer>${t.footer(esc(data.generatedAt))}</footer>`,
    '</main></body></html>',
    '',
  ].join('\n');
}

function header(data: ReportData, t: ReportText): string {
  const count = (predicate: (s: ReportService) => boolean) => data.services.filter(predicate).length;
  const expired = count((s) => s.status === 'expired');
  const week = count((s) => s.daysLeft !== undefined && s.daysLeft > 0 && s.daysLeft <= 7);
  const month = count((s) => s.daysLeft !== undefined && s.daysLeft > 7 && s.daysLeft <= 30);
  const later = count((s) => s.daysLeft !== undefined && s.daysLeft > 30);
  const tiles: Array<[string, number, Tone]> = [
    [t.tiles.expired, expired, expired > 0 ? 'emergency' : 'none'],
    [t.tiles.week, week, week > 0 ? 'critical' : 'none'],
    [t.tiles.month, month, month > 0 ? 'warning' : 'none'],
    [t.tiles.later, later, 'ok'],
    [t.tiles.noDate, count((s) => s.status === 'no-expiry'), 'none'],
  ];
  return (
    `<header><div class="eyebrow">RenewalGuard</div><h1>${esc(t.heading)}</h1>` +
    `<p class="meta"><span>${esc(t.generated)} <b>${esc(data.generatedAt.slice(0, 16).replace('T', ' '))}</b> ` +
    `(UTC${esc(data.generatedAt.slice(19) || '+00:00')})</span><span>${esc(t.timeZone)} <b>${esc(data.timeZone)}</b></span>` +
    `<span>${esc(t.calendar)} <b>${esc(data.calendar)}</b></span>` +
    `<span>${esc(t.counts(data.services.length, data.accounts.length))}</span></p>` +
    '<div class="tiles">' +
    tiles
      .map(
        ([label, n, tone]) =>
          `<div class="tile" style="border-top-color:${TONE_COLOURS[tone]}"><div class="n"` +
          `${n > 0 && tone !== 'none' && tone !== 'ok' ? ` style="color:${TONE_COLOURS[tone]}"` : ''}>${n}</div>` +
          `<div class="l">${esc(label)}</div></div>`,
      )
      .join('') +
    '</div></header>'
  );
}

function timelineSection(data: ReportData, t: ReportText): string {
  const to = addDays(data.from, data.days);
  const legend = (['info', 'warning', 'critical', 'emergency', 'ok'] as const)
    .map((tone) => `<span><i style="background:${TONE_COLOURS[tone]}"></i>${esc(t.timeline.legend[tone])}</span>`)
    .join('');
  const body =
    data.services.length === 0
      ? `<p class="empty">${esc(t.timeline.empty)}</p>`
      : `<div class="scroll">${renderTimeline(data, t)}</div>`;
  return (
    `<section id="timeline"><div class="section-head"><h2>${esc(t.timeline.heading)}</h2>` +
    `<p class="muted">${esc(t.timeline.span(t.shortDate(data.from, true), t.shortDate(to, true)))}` +
    `${esc(t.timeline.explain)}</p></div>` +
    `<div class="legend">${legend}<span><b class="diamond"></b>${esc(t.timeline.tier)}</span>` +
    `<span><b class="dot"></b>${esc(t.timeline.expiry)}</span></div>` +
    body +
    '</section>'
  );
}

function accountsSection(data: ReportData, t: ReportText): string {
  if (data.accounts.length === 0) return '';
  return (
    `<section id="accounts"><div class="section-head"><h2>${esc(t.accounts.heading)}</h2>` +
    `<p class="muted">${esc(t.accounts.explain)}</p></div>` +
    `<div class="cards">${data.accounts.map((a) => accountCard(a, data, t)).join('')}</div></section>`
  );
}

function accountCard(account: ReportAccount, data: ReportData, t: ReportText): string {
  const history = account.history ?? [];
  const projection = history.length > 0 ? projectRunway(account.figures) : undefined;
  const title =
    `<div class="card-head"><div><h3>${esc(account.id)}</h3><div class="muted">${esc(account.vendor)}` +
    `${account.serviceIds.length > 0 ? ` · ${esc(account.serviceIds.join(', '))}` : ''}</div></div>`;
  if (!projection) {
    return `<div class="card account">${title}${badge(currentTone(account), currentLabel(account, t))}</div>${currentStatus(account, t)}</div>`;
  }
  const currency = account.currency ? ` ${esc(account.currency)}` : '';
  const facts = [
    `<span class="big" style="color:${TONE_COLOURS[projection.tone]}">${esc(formatAmount(projection.balance))}${currency}</span>`,
    `<span>${esc(t.accounts.on(t.shortDate(projection.asOf, true)))}</span>`,
    projection.dailySpend !== undefined
      ? `<span>${t.accounts.perDay(`${esc(formatAmount(projection.dailySpend))}${currency}`)}</span>`
      : '',
    projection.runwayDays !== undefined
      ? `<span>${t.accounts.runway(
          esc(projection.runwayDays),
          projection.runOutOn ? esc(t.shortDate(projection.runOutOn, true)) : undefined,
        )}</span>`
      : `<span>${esc(t.accounts.noSpend)}</span>`,
  ].join('');
  // a chart of the days that were read, and a word that the latest reading failed
  const failed =
    account.current?.status === 'failed'
      ? `<p class="failed">${t.accounts.lastPollFailed(account.current.error ? esc(account.current.error) : undefined)}; ` +
        `${esc(t.accounts.chartEnds)}</p>`
      : '';
  const label = account.figures?.status === 'failing' ? t.accounts.labels.notReadable : t.tones[projection.tone];
  return (
    `<div class="card account">${title}${badge(projection.tone, label)}</div>` +
    `<div class="facts">${facts}</div>${policyLine(account, t)}${failed}` +
    `<div class="chart">${renderRunway(account, history, projection, data.today, t)}</div></div>`
  );
}

function currentTone(account: ReportAccount): Tone {
  return account.current?.status === 'failed' ? 'warning' : 'none';
}

function currentLabel(account: ReportAccount, t: ReportText): string {
  if (account.current?.status === 'failed') return t.accounts.labels.notReadable;
  if (account.current?.status === 'ok') return t.accounts.labels.ok;
  return account.vendor === 'manual' ? t.accounts.labels.manual : t.accounts.labels.noHistory;
}

/** An account without history: what is known instead of an empty chart. */
function currentStatus(account: ReportAccount, t: ReportText): string {
  const current = account.current;
  const lines: string[] = [];
  if (current?.status === 'failed') {
    lines.push(`<p>${t.accounts.lastPollFailed(current.error ? esc(current.error) : undefined)}.</p>`);
  } else if (current?.balance !== undefined) {
    const currency = account.currency ? ` ${esc(account.currency)}` : '';
    lines.push(
      `<p><span class="big">${esc(formatAmount(current.balance))}${currency}</span>` +
        `${current.runwayDays !== undefined ? esc(t.accounts.runwayShort(String(Math.floor(current.runwayDays)))) : ''}` +
        `${current.asOf ? ` <span class="muted">${esc(t.accounts.asOf(current.asOf))}</span>` : ''}</p>`,
    );
  }
  lines.push(
    account.vendor === 'manual'
      ? `<p class="muted">${esc(t.accounts.manualExplain)}</p>`
      : `<p class="muted">${t.accounts.noHistoryExplain}</p>`,
  );
  return `<div class="status">${lines.join('')}${policyLine(account, t)}</div>`;
}

function policyLine(account: ReportAccount, t: ReportText): string {
  const p = account.policy;
  if (!p) return '';
  const rules = [
    p.minAmount !== undefined ? t.accounts.balanceUnder(formatThreshold(p.minAmount)) : '',
    p.minRunwayDays !== undefined ? t.accounts.runwayUnder(String(p.minRunwayDays)) : '',
    p.minFractionOfMonthlySpend !== undefined
      ? t.accounts.fractionUnder(String(Math.round(p.minFractionOfMonthlySpend * 100)))
      : '',
  ].filter(Boolean);
  return rules.length > 0 ? `<p class="policy">${esc(t.accounts.alertsOn(rules))}</p>` : '';
}

function tableSection(data: ReportData, t: ReportText): string {
  const rows = data.services
    .map(
      (s) =>
        `<tr><td>${esc(s.project)}</td><td><div class="name">${esc(s.name)}</div><div class="id">${esc(s.id)}` +
        `${s.autoRenew ? ` · ${esc(t.table.autoRenews)}` : ''}</div></td>` +
        `<td class="date">${esc(s.expiresOn ?? '—')}</td>` +
        `<td class="num">${s.daysLeft === undefined ? '—' : esc(t.daysLeft(s.daysLeft))}</td>` +
        `<td>${s.owners.map((o) => esc(o)).join('<br>')}</td><td>${esc(t.criticalities[s.criticality])}</td>` +
        `<td>${badge(s.tone, statusLabel(s, t))}</td></tr>`,
    )
    .join('');
  const [project, service, expiresOn, daysLeft, owners, criticality, status] = t.table.columns.map((c) => esc(c));
  return (
    `<section id="services"><div class="section-head"><h2>${esc(t.table.heading)}</h2>` +
    `<p class="muted">${esc(t.table.explain)}</p></div>` +
    `<table><thead><tr><th>${project}</th><th>${service}</th><th>${expiresOn}</th><th class="num">${daysLeft}</th>` +
    `<th>${owners}</th><th>${criticality}</th><th>${status}</th></tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function statusLabel(s: ReportService, t: ReportText): string {
  if (s.status === 'expired') return t.table.expired;
  if (s.status === 'no-expiry') return t.table.noExpiry;
  if (s.status === 'upcoming') return t.table.ok;
  return t.table.reminding(t.tones[s.tone]);
}

function badge(tone: Tone, label: string): string {
  return (
    `<span class="badge" style="background:${TONE_TINTS[tone]};color:${tone === 'none' ? MUTED : TONE_COLOURS[tone]}">` +
    `${esc(label)}</span>`
  );
}

const FONTS =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", ' +
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", ' +
  '"WenQuanYi Micro Hei", sans-serif';

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f1f5f9;color:${INK};font:14px/1.5 ${FONTS};-webkit-font-smoothing:antialiased}
main{max-width:1240px;margin:0 auto;padding:32px 40px 48px}
header{margin-bottom:24px}
.eyebrow{font-size:12px;font-weight:600;letter-spacing:.08em;text-transform:uppercase;color:${MUTED}}
h1{font-size:30px;line-height:1.2;margin:4px 0 8px;letter-spacing:-.01em}
h2{font-size:18px;margin:0}
h3{font-size:16px;margin:0}
.meta{display:flex;flex-wrap:wrap;gap:6px 20px;margin:0 0 18px;color:${MUTED}}
.meta b{color:${INK};font-weight:600}
.tiles{display:grid;grid-template-columns:repeat(5,1fr);gap:12px}
.tile{background:#fff;border-radius:10px;border-top:4px solid;padding:12px 16px;box-shadow:0 1px 2px rgba(15,23,42,.06)}
.tile .n{font-size:28px;font-weight:700;line-height:1.1}
.tile .l{color:${MUTED};font-size:13px}
section{background:#fff;border-radius:12px;padding:20px;margin-bottom:20px;box-shadow:0 1px 3px rgba(15,23,42,.08)}
.section-head{display:flex;align-items:baseline;gap:14px;flex-wrap:wrap;margin-bottom:10px}
.section-head p{margin:0}
.muted{color:${MUTED}}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;font-size:12.5px;color:${MUTED};margin-bottom:8px}
.legend span{display:inline-flex;align-items:center;gap:6px}
.legend i{display:inline-block;width:18px;height:8px;border-radius:4px}
.legend .diamond{display:inline-block;width:9px;height:9px;background:${MUTED};transform:rotate(45deg)}
.legend .dot{display:inline-block;width:11px;height:11px;border-radius:50%;background:${MUTED}}
.scroll{overflow-x:auto}
svg{display:block;max-width:100%;height:auto;font-family:inherit}
svg text{font-size:13px;fill:${INK}}
svg .project{font-size:14px;font-weight:700}
svg .muted{fill:${MUTED};font-weight:400}
svg .axis{font-size:11.5px;fill:${MUTED}}
svg .today{font-size:12px;font-weight:600;fill:#fff}
svg .days,svg .label{font-size:12px;font-weight:600}
svg .days,svg .label,svg .halo{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}
.cards{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:16px}
.card{border:1px solid ${GRID};border-radius:10px;padding:16px}
.card-head{display:flex;justify-content:space-between;align-items:flex-start;gap:12px;margin-bottom:8px}
.facts{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 14px;color:${MUTED}}
.facts b{color:${INK}}
.big{font-size:22px;font-weight:700;color:${INK}}
.policy{margin:4px 0 0;font-size:12.5px;color:${MUTED}}
.status p{margin:6px 0}
.failed{margin:6px 0 0;font-size:13px;color:${TONE_COLOURS.warning}}
.chart{margin-top:8px}
.badge{display:inline-block;padding:2px 10px;border-radius:999px;font-size:12px;font-weight:600;white-space:nowrap}
table{width:100%;border-collapse:collapse;font-size:13.5px}
th{text-align:left;font-size:12px;font-weight:600;color:${MUTED};text-transform:uppercase;letter-spacing:.04em;padding:8px 10px;border-bottom:2px solid ${GRID}}
td{padding:9px 10px;border-bottom:1px solid ${GRID};vertical-align:top}
tbody tr:nth-child(even){background:#f8fafc}
td .name{font-weight:600}
td .id{font-size:12px;color:${MUTED};font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.num,.date{white-space:nowrap}
th.num,td.num{text-align:right}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em;background:#f1f5f9;padding:1px 5px;border-radius:4px}
.empty{color:${MUTED}}
footer{color:${MUTED};font-size:12.5px;text-align:center;margin-top:8px}
@media (max-width:900px){.tiles{grid-template-columns:repeat(2,1fr)}.cards{grid-template-columns:1fr}main{padding:20px}}
@media print{body{background:#fff}section,.tile{box-shadow:none;border:1px solid ${GRID}}section{break-inside:avoid}}
`;
