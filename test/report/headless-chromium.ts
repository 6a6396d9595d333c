/**
 * Renders a local HTML file in headless Chromium (the Debian `chromium` package), taking a screenshot
 * and the DOM after load in one run. The flags keep Chromium off the network: this runs on closed CI.
 */
import { execFile } from 'child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

export const CHROMIUM_INSTALL_HINT =
  'Chromium is needed for the report screenshot test and was not found (looked for `chromium` on PATH and ' +
  '/usr/bin/chromium). Install it: apt-get update && apt-get install -y --no-install-recommends chromium ' +
  '(.ci/run does this on CI).';

/** The Chromium executable, or undefined when none is installed. */
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
        { timeout: 30_000, maxBuffer: 32 * 1024 * 1024 },
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
