/**
 * Renders a local HTML file in headless Chromium (the Debian `chromium` package), taking a screenshot
 * and the DOM after load in one run. The flags keep Chromium off the network: this runs on closed CI.
 */
import { execFile, execFileSync } from 'child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * The Chromium executable, or undefined when none is installed. Tests get theirs through
 * `ensureBrowser()` (test/support/browser-setup.ts), which installs it when missing.
 */
export function findChromium(searchPath = process.env.PATH ?? '', fallback = '/usr/bin/chromium'): string | undefined {
  const onPath = searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, 'chromium'));
  const candidates = [...onPath, fallback];
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export interface ChromiumRender {
  readonly png: Buffer;
  /** The DOM serialised after the load event (scripts have run). */
  readonly dom: string;
}

export async function renderInChromium(
  chromium: string,
  htmlFile: string,
  window: { width: number; height: number },
  /** Extra environment for the browser, e.g. FONTCONFIG_FILE from `fontConfigWithout`. */
  env: NodeJS.ProcessEnv = {},
): Promise<ChromiumRender> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-chromium-'));
  const png = path.join(work, 'screenshot.png');
  try {
    const dom = await new Promise<string>((resolve, reject) => {
      execFile(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--hide-scrollbars',
          `--user-data-dir=${path.join(work, 'profile')}`,
          `--screenshot=${png}`,
          '--dump-dom',
          `--window-size=${window.width},${window.height}`,
          `file://${htmlFile}`,
        ],
        { timeout: 30_000, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, ...env } },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`chromium failed: ${error.message}\n${stderr.slice(-2000)}`));
          else resolve(stdout);
        },
      );
    });
    return { png: readFileSync(png), dom };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * A fontconfig file for a browser "without extra fonts": the system's configuration with every font file
 * that draws any of `text`'s characters rejected. Pass it as FONTCONFIG_FILE; `fontFilesFor(text, file)`
 * then lists none. Written into `dir`.
 */
export function fontConfigWithout(text: string, dir: string): string {
  const files = fontFilesFor(text);
  const file = path.join(dir, 'fonts.conf');
  const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  writeFileSync(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      `  <cachedir>${xml(path.join(dir, 'fontconfig-cache'))}</cachedir>`,
      `  <selectfont><rejectfont>${files.map((f) => `<glob>${xml(f)}</glob>`).join('')}</rejectfont></selectfont>`,
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return file;
}

/** The font files fontconfig has that draw any character of `text` (under `configFile` when given). */
export function fontFilesFor(text: string, configFile?: string): string[] {
  const files = new Set<string>();
  // whitespace is in every font: rejecting its fonts would leave the browser none
  for (const char of new Set(text.replace(/\s/g, ''))) {
    const out = execFileSync('fc-list', [`:charset=${char.codePointAt(0)!.toString(16)}`, 'file'], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, ...(configFile && { FONTCONFIG_FILE: configFile }) },
    });
    for (const line of out.split('\n')) {
      const f = line.replace(/:\s*$/, '').trim();
      if (f) files.add(f);
    }
  }
  return [...files].sort();
}
