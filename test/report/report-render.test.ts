/**
 * The acceptance test of the report: rendered by a real browser, its timeline and runway chart are
 * drawn (their regions of the screenshot hold many pixels in the severity colours) and every service
 * appears in the rendered DOM, in the timeline and in the table.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CHROMIUM_INSTALL_HINT, findChromium, renderInChromium, type ChromiumRender } from './headless-chromium';
import { sampleReport } from './report-fixtures';
import { renderReport } from '../../lambda/report';
import { TONE_COLOURS } from '../../lambda/report/palette';
import { readPng, type DecodedPng } from '../support/png-reader';

const WINDOW = { width: 1280, height: 2000 };
const SEVERITY_TONES = ['info', 'warning', 'critical', 'emergency', 'ok'] as const;

type Box = [left: number, top: number, width: number, height: number];
interface Geometry {
  readonly timeline: Box[];
  readonly runway: Box[];
}

/**
 * Measures the charts' boxes after layout and leaves them in an attribute of <html>, for --dump-dom. The
 * report itself has no script; this copy gets one so the test knows where to look in the screenshot.
 */
const MEASURE = `<script>(function () {
  function box(e) { var r = e.getBoundingClientRect(); return [Math.round(r.left + scrollX), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)]; }
  function all(selector) { return Array.prototype.map.call(document.querySelectorAll(selector), box); }
  document.documentElement.setAttribute('data-geometry', JSON.stringify({ timeline: all('svg.timeline'), runway: all('svg.runway') }));
})();</script>`;

interface Rendered extends ChromiumRender {
  readonly image: DecodedPng;
  readonly geometry: Geometry;
}

async function render(chromium: string, html: string, dir: string, name: string): Promise<Rendered> {
  const file = path.join(dir, `${name}.html`);
  fs.writeFileSync(file, html.replace('</body>', `${MEASURE}</body>`));
  const result = await renderInChromium(chromium, file, WINDOW);
  const attribute = /<html[^>]* data-geometry="([^"]*)"/.exec(result.dom);
  if (!attribute) throw new Error(`the page was not measured; DOM starts: ${result.dom.slice(0, 300)}`);
  const geometry = JSON.parse(attribute[1]!.replace(/&quot;/g, '"')) as Geometry;
  return { ...result, image: readPng(result.png), geometry };
}

/** Pixels of a box, counted by the severity colour they are close to (anti-aliased edges excepted). */
function severityPixels(image: DecodedPng, [left, top, width, height]: Box) {
  // flat numbers, not tuples: this loop visits half a million pixels
  const palette = Int32Array.from(SEVERITY_TONES.flatMap((tone) => hexToRgb(TONE_COLOURS[tone])));
  const counts = SEVERITY_TONES.map(() => 0);
  let painted = 0;
  let total = 0;
  const { rgba } = image;
  const [x0, x1, y0, y1] = [
    Math.max(left, 0),
    Math.min(left + width, image.width),
    Math.max(top, 0),
    Math.min(top + height, image.height),
  ];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      const r = rgba[i]!;
      const g = rgba[i + 1]!;
      const b = rgba[i + 2]!;
      total++;
      if (r < 240 || g < 240 || b < 240) painted++;
      for (let p = 0; p < palette.length; p += 3) {
        // no Math.abs here: under jest it is a cross-realm call, a hundred times slower than this
        const dr = palette[p]! - r;
        const dg = palette[p + 1]! - g;
        const db = palette[p + 2]! - b;
        if ((dr < 0 ? -dr : dr) + (dg < 0 ? -dg : dg) + (db < 0 ? -db : db) <= 60) {
          counts[p / 3]!++;
          break;
        }
      }
    }
  }
  const byTone = Object.fromEntries(SEVERITY_TONES.map((tone, i) => [tone, counts[i]!])) as Record<
    (typeof SEVERITY_TONES)[number],
    number
  >;
  return { counts: byTone, inSeverityColours: counts.reduce((a, b) => a + b, 0), painted, total };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-report-'));
}

function hexToRgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** The page with the charts' boxes kept and their drawing removed. */
function withoutCharts(html: string): string {
  return html.replace(/(<svg class="(?:timeline|runway)"[^>]*>).*?<\/svg>/gs, '$1</svg>');
}

/** A name as the DOM serialiser writes text: only &, < and > escaped. */
function domText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

describe('the report in headless Chromium', () => {
  const data = sampleReport();
  const html = renderReport(data);
  let report: Rendered;
  let blank: Rendered;

  beforeAll(async () => {
    const chromium = findChromium();
    if (!chromium) throw new Error(CHROMIUM_INSTALL_HINT);
    const dir = tempDir();
    report = await render(chromium, html, dir, 'report');
    blank = await render(chromium, withoutCharts(html), dir, 'blank');
    fs.rmSync(dir, { recursive: true, force: true });
  }, 40_000);

  it('takes a screenshot at the window size', () => {
    expect([report.image.width, report.image.height]).toEqual([WINDOW.width, WINDOW.height]);
  });

  it('draws the timeline: its region holds many pixels in every severity colour in use', () => {
    // Prepare
    expect(report.geometry.timeline).toHaveLength(1);
    const box = report.geometry.timeline[0]!;

    // Act
    const pixels = severityPixels(report.image, box);

    // Assess
    expect(box[2]).toBeGreaterThan(1000);
    expect(pixels.inSeverityColours).toBeGreaterThan(3000);
    for (const tone of ['info', 'warning', 'critical', 'emergency'] as const) {
      expect([tone, pixels.counts[tone]! > 150]).toEqual([tone, true]);
    }
  });

  it('draws the runway chart: its region holds the balance line and the projection', () => {
    // Prepare
    expect(report.geometry.runway).toHaveLength(1);
    const box = report.geometry.runway[0]!;

    // Act
    const pixels = severityPixels(report.image, box);

    // Assess: agora-main is in warning (18 days of runway against a 14-day minimum)
    expect(pixels.counts.warning).toBeGreaterThan(500);
    expect(pixels.painted / pixels.total).toBeGreaterThan(0.1);
  });

  it('would fail on a page whose charts are empty', () => {
    // Act
    const timeline = severityPixels(blank.image, blank.geometry.timeline[0]!);
    const runway = severityPixels(blank.image, blank.geometry.runway[0]!);

    // Assess: the same boxes, laid out, hold nothing that passes the checks above
    expect(blank.geometry.timeline[0]).toEqual(report.geometry.timeline[0]);
    expect(timeline.inSeverityColours).toBeLessThan(100);
    expect(runway.counts.warning).toBeLessThan(50);
    expect(runway.painted / runway.total).toBeLessThan(0.02);
  });

  it('shows every service in the rendered timeline and table', () => {
    // Prepare
    const timeline = /<svg class="timeline".*?<\/svg>/s.exec(report.dom)![0];
    const table = /<tbody>.*?<\/tbody>/s.exec(report.dom)![0];

    // Assess
    expect(data.services).toHaveLength(8);
    for (const service of data.services) {
      expect(timeline).toContain(`<title>${domText(`${service.name} (${service.id})`)}</title>`);
      expect(table).toContain(`<div class="name">${domText(service.name)}</div>`);
    }
  });

  it('runs no markup from a service name: the only script is the test probe', () => {
    expect(report.dom.match(/<script/g)).toHaveLength(1);
    expect(report.dom).not.toMatch(/<img/);
  });
});

describe('finding Chromium', () => {
  it('finds a chromium executable on the PATH before the Debian location', () => {
    // Prepare
    const dir = tempDir();
    const file = path.join(dir, 'chromium');
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });

    // Act
    const found = findChromium(`/nonexistent${path.delimiter}${dir}`, '/nonexistent/chromium');
    fs.rmSync(dir, { recursive: true, force: true });

    // Assess
    expect(found).toBe(file);
  });

  it('finds nothing where none is installed, which fails the render test with how to install it', () => {
    expect(findChromium('/nonexistent', '/nonexistent/chromium')).toBeUndefined();
    expect(CHROMIUM_INSTALL_HINT).toContain('apt-get install -y --no-install-recommends chromium');
  });
});
