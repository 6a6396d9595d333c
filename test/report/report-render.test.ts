/**
 * The acceptance test of the report: rendered by a real browser, its timeline and runway chart are
 * drawn (their regions of the screenshot hold many pixels in the severity colours) and every service
 * appears in the rendered DOM, in the timeline and in the table.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  findChromium,
  fontConfigWithout,
  fontFilesFor,
  renderInChromium,
  type ChromiumRender,
} from './headless-chromium';
import { sampleReport } from './report-fixtures';
import { renderReport } from '../../lambda/report';
import { TONE_COLOURS } from '../../lambda/report/palette';
import { BROWSER_SETUP_TIMEOUT_MS, CJK_FONT_FAMILY, ensureBrowser } from '../support/browser-setup';
import { readPng, type DecodedPng } from '../support/png-reader';

const WINDOW = { width: 1280, height: 2000 };
const SEVERITY_TONES = ['info', 'warning', 'critical', 'emergency', 'ok'] as const;

type Box = [left: number, top: number, width: number, height: number];
interface Geometry {
  readonly timeline: Box[];
  readonly runway: Box[];
  /** The boxes of the first GLYPH_COUNT characters of the glyph probe's service name in the table. */
  readonly glyphs: Box[];
}

/** The service whose Chinese name is checked for glyphs, and how many of its characters. */
const GLYPH_SERVICE = 'voice-room';
const GLYPH_COUNT = 3;

/**
 * Measures the charts' boxes after layout and leaves them in an attribute of <html>, for --dump-dom. The
 * report itself has no script; this copy gets one so the test knows where to look in the screenshot.
 */
const MEASURE = `<script>(function () {
  function box(e) { var r = e.getBoundingClientRect(); return [Math.round(r.left + scrollX), Math.round(r.top + scrollY), Math.round(r.width), Math.round(r.height)]; }
  function all(selector) { return Array.prototype.map.call(document.querySelectorAll(selector), box); }
  function glyphs() {
    var row = Array.prototype.filter.call(document.querySelectorAll('tbody tr'), function (tr) {
      var id = tr.querySelector('.id'); return id && id.textContent.split(' ')[0] === '${GLYPH_SERVICE}'; })[0];
    var text = row && row.querySelector('.name').firstChild;
    var boxes = [];
    for (var i = 0; text && i < ${GLYPH_COUNT}; i++) {
      var range = document.createRange(); range.setStart(text, i); range.setEnd(text, i + 1); boxes.push(box(range));
    }
    return boxes;
  }
  document.documentElement.setAttribute('data-geometry', JSON.stringify({ timeline: all('svg.timeline'), runway: all('svg.runway'), glyphs: glyphs() }));
})();</script>`;

interface Rendered extends ChromiumRender {
  readonly image: DecodedPng;
  readonly geometry: Geometry;
}

async function render(
  chromium: string,
  html: string,
  dir: string,
  name: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Rendered> {
  const file = path.join(dir, `${name}.html`);
  fs.writeFileSync(file, html.replace('</body>', `${MEASURE}</body>`));
  const result = await renderInChromium(chromium, file, WINDOW, env);
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

/** A glyph's ink: which pixels of its box are dark (the text colour on the row's light background). */
function inkOf(image: DecodedPng, [left, top, width, height]: Box): { ink: Uint8Array; width: number; count: number } {
  const ink = new Uint8Array(width * height);
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = ((top + y) * image.width + left + x) * 4;
      const luminance = 0.299 * image.rgba[i]! + 0.587 * image.rgba[i + 1]! + 0.114 * image.rgba[i + 2]!;
      if (luminance < 180) {
        ink[y * width + x] = 1;
        count++;
      }
    }
  }
  return { ink, width, count };
}

/**
 * How the glyphs of a name differ: the smallest ink of any glyph, and the smallest difference between any
 * two (pixels inked in one and not the other, over the pixels inked in either; 0 when identical). Real
 * glyphs of different characters differ; the boxes of a font without them are all the same box.
 */
function glyphDifference(image: DecodedPng, boxes: readonly Box[]): { leastInk: number; leastDifference: number } {
  const glyphs = boxes.map((box) => ({ box, ...inkOf(image, box) }));
  let leastDifference = Number.POSITIVE_INFINITY;
  for (let a = 0; a < glyphs.length; a++) {
    for (let b = a + 1; b < glyphs.length; b++) {
      const [ga, gb] = [glyphs[a]!, glyphs[b]!];
      const width = Math.max(ga.box[2], gb.box[2]);
      const height = Math.max(ga.box[3], gb.box[3]);
      let either = 0;
      let differ = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const ia = x < ga.box[2] && y < ga.box[3] ? ga.ink[y * ga.width + x]! : 0;
          const ib = x < gb.box[2] && y < gb.box[3] ? gb.ink[y * gb.width + x]! : 0;
          if (ia || ib) either++;
          if (ia !== ib) differ++;
        }
      }
      leastDifference = Math.min(leastDifference, either === 0 ? 0 : differ / either);
    }
  }
  return { leastInk: Math.min(...glyphs.map((g) => g.count)), leastDifference };
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
  const glyphName = data.services.find((s) => s.id === GLYPH_SERVICE)!.name;
  let report: Rendered;
  let blank: Rendered;
  /** The same page in a browser whose fonts draw none of the name's characters: the reported bug. */
  let noCjkFont: Rendered;
  let fontsLeftWithoutCjk: string[];

  beforeAll(async () => {
    const chromium = await ensureBrowser();
    const dir = tempDir();
    try {
      report = await render(chromium, html, dir, 'report');
      blank = await render(chromium, withoutCharts(html), dir, 'blank');
      const fontConfig = fontConfigWithout(glyphName.slice(0, GLYPH_COUNT), dir);
      fontsLeftWithoutCjk = fontFilesFor(glyphName.slice(0, GLYPH_COUNT), fontConfig);
      noCjkFont = await render(chromium, html, dir, 'no-cjk-font', { FONTCONFIG_FILE: fontConfig });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, BROWSER_SETUP_TIMEOUT_MS + 60_000);

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

    // Assess: agora-main is in warning (18.7 days of runway against a 21-day minimum)
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

  it('draws Chinese service names as glyphs, in a font the page names', () => {
    // Prepare
    expect(glyphName.slice(0, GLYPH_COUNT)).toBe('语音房');
    expect(report.geometry.glyphs).toHaveLength(GLYPH_COUNT);

    // Act
    const glyphs = glyphDifference(report.image, report.geometry.glyphs);

    // Assess: each character inked, and no two alike (empty boxes would all be the same box)
    expect(html).toContain(`"${CJK_FONT_FAMILY}"`);
    expect(glyphs.leastInk).toBeGreaterThan(20);
    expect(glyphs.leastDifference).toBeGreaterThan(0.3);
  });

  it('would fail in a browser without a CJK font, which draws the name as identical boxes', () => {
    // Prepare: the control browser really has no font for the name's characters
    expect(fontsLeftWithoutCjk).toEqual([]);
    expect(noCjkFont.geometry.glyphs).toHaveLength(GLYPH_COUNT);

    // Act
    const boxes = glyphDifference(noCjkFont.image, noCjkFont.geometry.glyphs);

    // Assess: ink (the boxes' outlines), but three times the same shape: the check above fails here
    expect(noCjkFont.geometry.timeline).toEqual(report.geometry.timeline);
    expect(boxes.leastInk).toBeGreaterThan(0);
    expect(boxes.leastDifference).toBeLessThan(0.05);
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

  it('finds nothing where none is installed (the test setup then installs it, or fails saying why)', () => {
    expect(findChromium('/nonexistent', '/nonexistent/chromium')).toBeUndefined();
  });
});
