/**
 * One account's runway chart: its balance over the days the registry remembers, and the projection at
 * the recent spend rate down to the day it runs out, with today and the policy's minimum marked.
 */
import { esc, formatThreshold, px, textWidth } from './html';
import { GRID, INK, MUTED, TONE_COLOURS } from './palette';
import type { BalanceHistoryPoint, ReportAccount } from './report-data';
import { REPORT_EN, type ReportText } from './report-text';
import type { RunwayProjection } from './runway-projection';
import { addDays, daysBetween } from '../core/dates';
import type { IsoDate } from '../core/model';

export const RUNWAY_WIDTH = 518;
export const RUNWAY_HEIGHT = 220;
const PLOT = { left: 58, right: 20, top: 26, bottom: 30 };
/** The projection is drawn at most this far past the last reading; a longer runway is only labelled. */
const MAX_PROJECTION_DAYS = 120;

export function renderRunway(
  account: ReportAccount,
  history: readonly BalanceHistoryPoint[],
  projection: RunwayProjection,
  today: IsoDate,
  t: ReportText = REPORT_EN,
): string {
  const first = history[0]!.date;
  const projectionEnd =
    projection.runOutOn && daysBetween(projection.asOf, projection.runOutOn) <= MAX_PROJECTION_DAYS
      ? projection.runOutOn
      : undefined;
  let last = projectionEnd ?? addDays(projection.asOf, projection.runwayDays === undefined ? 14 : MAX_PROJECTION_DAYS);
  if (today > last) last = today;
  // room after the run-out day, so its dot and label do not sit on the frame
  last = addDays(last, Math.max(3, Math.ceil(daysBetween(first, last) * 0.08)));
  const span = Math.max(daysBetween(first, last), 1);
  const maxBalance = Math.max(...history.map((p) => p.balance), account.policy?.minAmount ?? 0, 1);
  const ticks = niceTicks(maxBalance);
  const top = ticks[ticks.length - 1]!;

  const x0 = PLOT.left;
  const x1 = RUNWAY_WIDTH - PLOT.right;
  const y0 = RUNWAY_HEIGHT - PLOT.bottom;
  const y1 = PLOT.top;
  const x = (date: IsoDate) => x0 + (daysBetween(first, date) / span) * (x1 - x0);
  const y = (value: number) => y0 - (Math.max(value, 0) / top) * (y0 - y1);
  const colour = TONE_COLOURS[projection.tone];

  const parts: string[] = [];
  for (const tick of ticks) {
    parts.push(`<line x1="${x0}" y1="${px(y(tick))}" x2="${x1}" y2="${px(y(tick))}" stroke="${GRID}"/>`);
    parts.push(
      `<text x="${x0 - 8}" y="${px(y(tick) + 4)}" text-anchor="end" class="axis">${esc(compact(tick))}</text>`,
    );
  }
  parts.push(...monthTicks(first, last, x, y0, t));

  const points = history.map((p) => `${px(x(p.date))},${px(y(p.balance))}`);
  const lastPoint = history[history.length - 1]!;
  parts.push(
    `<path d="M${px(x(first))},${px(y0)}L${points.join('L')}L${px(x(lastPoint.date))},${px(y0)}Z" ` +
      `fill="${colour}" fill-opacity="0.16"/>`,
    `<polyline points="${points.join(' ')}" fill="none" stroke="${colour}" stroke-width="2.5" ` +
      `stroke-linejoin="round" stroke-linecap="round"/>`,
  );

  if (projection.runwayDays !== undefined && projection.runwayDays > 0) {
    const endDate = projectionEnd ?? last;
    const endValue = projectionEnd
      ? 0
      : projection.balance - (projection.dailySpend ?? 0) * daysBetween(projection.asOf, endDate);
    parts.push(
      `<line x1="${px(x(lastPoint.date))}" y1="${px(y(lastPoint.balance))}" x2="${px(x(endDate))}" ` +
        `y2="${px(y(endValue))}" stroke="${colour}" stroke-width="2" stroke-dasharray="6 4"/>`,
    );
    if (projectionEnd) {
      const label = t.accounts.runsOut(t.shortDate(projectionEnd));
      const lx = Math.min(x(projectionEnd), x1 - textWidth(label, 12) / 2);
      parts.push(
        `<circle cx="${px(x(projectionEnd))}" cy="${px(y0)}" r="5" fill="${colour}" stroke="#fff" stroke-width="2"/>`,
        `<text x="${px(lx)}" y="${px(y0 - 10)}" text-anchor="middle" class="label" style="fill:${colour}">${esc(label)}</text>`,
      );
    }
  }

  const minAmount = account.policy?.minAmount;
  if (minAmount !== undefined && minAmount > 0) {
    parts.push(
      `<line x1="${x0}" y1="${px(y(minAmount))}" x2="${x1}" y2="${px(y(minAmount))}" stroke="${MUTED}" ` +
        `stroke-dasharray="2 3"/>`,
      `<text x="${x1}" y="${px(y(minAmount) - 5)}" text-anchor="end" class="axis halo">${esc(t.accounts.minimum(formatThreshold(minAmount)))}</text>`,
    );
  }

  if (today >= first && today <= last) {
    parts.push(
      `<line x1="${px(x(today))}" y1="${y1 - 8}" x2="${px(x(today))}" y2="${y0}" stroke="${INK}" ` +
        `stroke-width="1.2" stroke-dasharray="3 3"/>`,
      `<text x="${px(x(today))}" y="${y1 - 12}" text-anchor="middle" class="axis">${esc(t.accounts.today)}</text>`,
    );
  }
  parts.push(`<line x1="${x0}" y1="${y0}" x2="${x1}" y2="${y0}" stroke="${MUTED}"/>`);

  return (
    `<svg class="runway" role="img" aria-label="${esc(t.accounts.aria(account.id))}" ` +
    `viewBox="0 0 ${RUNWAY_WIDTH} ${RUNWAY_HEIGHT}" width="${RUNWAY_WIDTH}" height="${RUNWAY_HEIGHT}" ` +
    `xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg>`
  );
}

function monthTicks(first: IsoDate, last: IsoDate, x: (d: IsoDate) => number, y0: number, t: ReportText): string[] {
  const parts: string[] = [];
  const weekly = daysBetween(first, last) <= 45;
  // short spans get weekly ticks (Mondays are not special here: every 7 days from the first reading)
  const dates: IsoDate[] = [];
  if (weekly) {
    for (let d = first; d <= last; d = addDays(d, 7)) dates.push(d);
  } else {
    for (let d = nextMonth(first); d <= last; d = nextMonth(d)) dates.push(d);
  }
  for (const d of dates) {
    const label = weekly ? t.shortDate(d) : t.monthLabel(d, d.endsWith('-01-01'));
    parts.push(`<line x1="${px(x(d))}" y1="${y0}" x2="${px(x(d))}" y2="${y0 + 5}" stroke="${MUTED}"/>`);
    parts.push(`<text x="${px(x(d))}" y="${y0 + 18}" text-anchor="middle" class="axis">${esc(label)}</text>`);
  }
  return parts;
}

function nextMonth(date: IsoDate): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** 0 and three or four round steps covering `max`. */
function niceTicks(max: number): number[] {
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough)!;
  const ticks: number[] = [];
  for (let t = 0; t < max + step * 0.15; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

function compact(value: number): string {
  if (value >= 1_000_000) return `${Math.round(value / 100_000) / 10}M`;
  if (value >= 10_000) return `${Math.round(value / 100) / 10}k`;
  return formatThreshold(value);
}
