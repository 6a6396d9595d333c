/**
 * The renewal timeline: one row per service, grouped by project, time across. Each row's bar runs from
 * today to the expiry and changes colour at each reminder tier (info → warning → critical), so how
 * urgent a service is, and how soon it gets worse, reads at a glance; the tiers are diamonds, the expiry
 * a dot labelled with the days left.
 */
import { esc, px, textWidth, truncate } from './html';
import { GRID, INK, TONE_COLOURS } from './palette';
import type { ReportData, ReportService, Tone } from './report-data';
import { REPORT_EN, type ReportText } from './report-text';
import { addDays, daysBetween } from '../core/dates';
import type { IsoDate } from '../core/model';

export const TIMELINE_WIDTH = 1120;
const LABEL_WIDTH = 250;
const RIGHT_PAD = 170;
const AXIS_HEIGHT = 50;
const PROJECT_HEIGHT = 30;
const ROW_HEIGHT = 28;
const BOTTOM_PAD = 14;
const FONT = 13;

interface Scale {
  readonly x: (date: IsoDate) => number;
  readonly start: number;
  readonly end: number;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export function renderTimeline(data: ReportData, t: ReportText = REPORT_EN): string {
  const to = addDays(data.from, data.days);
  const start = LABEL_WIDTH;
  const end = TIMELINE_WIDTH - RIGHT_PAD;
  const scale: Scale = {
    from: data.from,
    to,
    start,
    end,
    x: (date) => start + (daysBetween(data.from, date) / data.days) * (end - start),
  };
  const projects = groupByProject(data.services);
  const height = AXIS_HEIGHT + projects.length * PROJECT_HEIGHT + data.services.length * ROW_HEIGHT + BOTTOM_PAD;

  const body: string[] = [];
  let y = AXIS_HEIGHT;
  projects.forEach(([project, services], i) => {
    const groupHeight = PROJECT_HEIGHT + services.length * ROW_HEIGHT;
    if (i % 2 === 0) body.push(rect(0, y, TIMELINE_WIDTH, groupHeight, '#f8fafc'));
    body.push(
      `<text x="12" y="${px(y + 20)}" class="project">${esc(truncate(project, LABEL_WIDTH - 24, 14))}` +
        `<tspan class="muted" dx="8">${services.length}</tspan></text>`,
    );
    y += PROJECT_HEIGHT;
    for (const service of services) {
      body.push(serviceRow(service, y, scale, data.today, t));
      y += ROW_HEIGHT;
    }
  });

  return (
    `<svg class="timeline" role="img" aria-label="${esc(t.timeline.aria(data.from, to))}" ` +
    `viewBox="0 0 ${TIMELINE_WIDTH} ${height}" width="${TIMELINE_WIDTH}" height="${height}" ` +
    `xmlns="http://www.w3.org/2000/svg">` +
    axis(scale, height, t) +
    body.join('') +
    todayLine(scale, data.today, height, t) +
    `</svg>`
  );
}

function groupByProject(services: readonly ReportService[]): Array<[string, ReportService[]]> {
  // services arrive most urgent first, so projects appear in order of their most urgent service
  const groups = new Map<string, ReportService[]>();
  for (const s of services) {
    const group = groups.get(s.project);
    if (group) group.push(s);
    else groups.set(s.project, [s]);
  }
  return [...groups];
}

function axis(scale: Scale, height: number, t: ReportText): string {
  const parts: string[] = [];
  let labelledYear: string | undefined;
  for (let d = firstOfNextMonth(scale.from); d <= scale.to; d = firstOfNextMonth(d)) {
    const x = scale.x(d);
    const year = d.slice(0, 4);
    const withYear = labelledYear === undefined || year !== labelledYear;
    labelledYear = year;
    parts.push(line(x, AXIS_HEIGHT - 24, x, height - BOTTOM_PAD, GRID));
    parts.push(`<text x="${px(x + 5)}" y="${AXIS_HEIGHT - 30}" class="axis">${esc(t.monthLabel(d, withYear))}</text>`);
  }
  parts.push(line(scale.start, AXIS_HEIGHT - 1, scale.end, AXIS_HEIGHT - 1, GRID));
  return parts.join('');
}

function todayLine(scale: Scale, today: IsoDate, height: number, t: ReportText): string {
  if (today < scale.from || today > scale.to) return '';
  const x = scale.x(today);
  const label = t.timeline.today(t.shortDate(today));
  const w = textWidth(label, 12) + 14;
  const left = Math.min(Math.max(x - w / 2, scale.start), TIMELINE_WIDTH - w - 2);
  return (
    `<line x1="${px(x)}" y1="${AXIS_HEIGHT - 6}" x2="${px(x)}" y2="${height - BOTTOM_PAD}" stroke="${INK}" ` +
    `stroke-width="1.5" stroke-dasharray="4 3"/>` +
    `<rect x="${px(left)}" y="${AXIS_HEIGHT - 22}" width="${px(w)}" height="18" rx="9" fill="${INK}"/>` +
    `<text x="${px(left + w / 2)}" y="${AXIS_HEIGHT - 9}" text-anchor="middle" class="today">${esc(label)}</text>`
  );
}

function serviceRow(service: ReportService, top: number, scale: Scale, today: IsoDate, t: ReportText): string {
  const mid = top + ROW_HEIGHT / 2;
  const name = truncate(service.name, LABEL_WIDTH - 40, FONT);
  const parts = [
    `<text x="26" y="${px(mid + 4.5)}" class="service"><title>${esc(`${service.name} (${service.id})`)}</title>` +
      `${esc(name)}</text>`,
  ];
  const clamp = (x: number) => Math.min(Math.max(x, scale.start), scale.end);
  const fromX = clamp(scale.x(today < scale.from ? scale.from : today));
  if (service.expiresOn === undefined || service.daysLeft === undefined) {
    parts.push(
      `<text x="${px(fromX + 10)}" y="${px(mid + 4.5)}" class="muted">${esc(t.timeline.noExpiry(t.kinds[service.kind]))}</text>`,
    );
    return `<g class="row">${parts.join('')}</g>`;
  }

  const expiryX = clamp(scale.x(service.expiresOn));
  if (service.daysLeft > 0) parts.push(...segments(service, fromX, expiryX, mid, scale, today));
  // the days it has been lapsed, in the emergency colour: the most important thing on the page
  else if (expiryX < fromX) parts.push(rect(expiryX, mid - 4, fromX - expiryX, 8, TONE_COLOURS.emergency, 0.35));
  for (const tier of service.tiers) {
    if (tier.date < scale.from || tier.date > scale.to) continue;
    const x = scale.x(tier.date);
    // reminders already sent are hollow: history, not something still to come
    const past = tier.date < today;
    const colour = TONE_COLOURS[tier.severity];
    parts.push(
      `<path d="M${px(x)} ${px(mid - 6)}l6 6-6 6-6-6z" fill="${past ? '#fff' : colour}" ` +
        `stroke="${past ? colour : '#fff'}" stroke-width="1.5"><title>${esc(
          t.timeline.tierTitle(tier.tier, tier.severity, tier.date),
        )}</title></path>`,
    );
  }
  const beyond = service.expiresOn > scale.to;
  const before = service.expiresOn < scale.from;
  const colour = TONE_COLOURS[service.tone];
  parts.push(
    `<circle cx="${px(expiryX)}" cy="${px(mid)}" r="${beyond || before ? 4 : 7}" fill="${colour}" stroke="#fff" ` +
      `stroke-width="2"><title>${esc(t.timeline.expiresTitle(service.name, service.expiresOn))}</title></circle>`,
  );
  // an expired service's label goes after the lapsed stretch, clear of the today line
  const labelX = service.daysLeft <= 0 ? Math.max(expiryX, fromX) : expiryX;
  parts.push(daysLabel(service, labelX, mid, colour, beyond, t));
  return `<g class="row">${parts.join('')}</g>`;
}

/** The bar from today to the expiry, coloured by the tier in force on each stretch. */
function segments(service: ReportService, fromX: number, expiryX: number, mid: number, scale: Scale, today: IsoDate) {
  const stops: Array<{ x: number; tone: Tone }> = [{ x: fromX, tone: 'ok' }];
  for (const tier of service.tiers) {
    const x = tier.date <= today ? fromX : Math.min(scale.x(tier.date), scale.end);
    if (x >= expiryX) continue;
    // a tier already reached colours the bar from today; later tiers take over where they are due
    if (stops[stops.length - 1]!.x === x) stops[stops.length - 1] = { x, tone: tier.severity };
    else stops.push({ x, tone: tier.severity });
  }
  const parts: string[] = [];
  stops.forEach((stop, i) => {
    const next = i + 1 < stops.length ? stops[i + 1]!.x : expiryX;
    if (next - stop.x < 0.5) return;
    parts.push(rect(stop.x, mid - 4, next - stop.x, 8, TONE_COLOURS[stop.tone], stop.tone === 'ok' ? 0.55 : 0.9));
  });
  return parts;
}

function daysLabel(
  service: ReportService,
  x: number,
  mid: number,
  colour: string,
  beyond: boolean,
  t: ReportText,
): string {
  const days = t.shortDaysLeft(service.daysLeft!);
  const date = t.shortDate(service.expiresOn!, beyond);
  const text = beyond ? `${days} · ${date} \u203a` : `${days} · ${date}`;
  const width = textWidth(text, 12);
  const right = x + 12 + width <= TIMELINE_WIDTH - 4;
  const at = right ? x + 12 : x - 12;
  return (
    `<text x="${px(at)}" y="${px(mid + 4)}" class="days"${right ? '' : ' text-anchor="end"'}>` +
    `<tspan style="fill:${colour}" font-weight="700">${esc(days)}</tspan>` +
    `<tspan class="muted"> · ${esc(date)}${beyond ? ' \u203a' : ''}</tspan></text>`
  );
}

function firstOfNextMonth(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12
    ? `${String(y + 1).padStart(4, '0')}-01-01`
    : `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

function rect(x: number, y: number, w: number, h: number, fill: string, opacity = 1): string {
  return (
    `<rect x="${px(x)}" y="${px(y)}" width="${px(w)}" height="${px(h)}" fill="${fill}"` +
    `${h <= 8 ? ' rx="4"' : ''}${opacity < 1 ? ` fill-opacity="${opacity}"` : ''}/>`
  );
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string): string {
  return `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" stroke="${stroke}"/>`;
}
