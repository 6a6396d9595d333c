/**
 * The report as /report serves it, drawn by a real browser under the content security policy it is
 * served with: the policy must block nothing the page needs. The header's policy goes into a
 * `<meta http-equiv>` (all but frame-ancestors, which a meta policy cannot carry), and the screenshot
 * must equal the one without any policy. The controls: with the style sheet's hash alone (the tone
 * colours' `style` attributes blocked), or with no inline style at all, the screenshot differs.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { functionUrlGet } from './link-events';
import { reportUrl, signAckToken } from '../../lambda/core/ack';
import { createAckAndCalendarHandler } from '../../lambda/handlers/ack-and-calendar/app';
import { guardConfig } from '../app/cycle-fixtures';
import { renderInChromium } from '../report/headless-chromium';
import { BROWSER_SETUP_TIMEOUT_MS, ensureBrowser } from '../support/browser-setup';
import { readPng } from '../support/png-reader';

const SIGNING_KEY = 'test-link-signing-key-0123456789abcdef';
const NOW = new Date('2026-09-30T01:30:00Z');
const BASE = 'https://abc123.lambda-url.ap-east-1.on.aws/';
const WINDOW = { width: 1280, height: 1400 };

let dir: string;
let chromium: string;
beforeAll(async () => {
  // installed by the test setup when missing (or the hook fails saying why)
  chromium = await ensureBrowser();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-report-csp-'));
}, BROWSER_SETUP_TIMEOUT_MS);
afterAll(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

async function served(): Promise<{ html: string; policy: string }> {
  const config = guardConfig();
  const handle = createAckAndCalendarHandler({
    config,
    // no registry contents: the declared services, as a first digest after deployment would show
    registry: {
      listServices: async () => [],
      listAccountStates: async () => [],
      acknowledge: async () => 'recorded',
      getAcknowledgement: async () => undefined,
    },
    secrets: { resolve: async () => ({ linkSigningKey: SIGNING_KEY }) },
    secretName: 'renewal-guard/links',
    clock: () => NOW,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const t = signAckToken(
    { key: '_guard:digest:2026-09-28', action: 'report', expiresAt: new Date('2026-10-14T00:00:00Z') },
    SIGNING_KEY,
  );
  const response = await handle(functionUrlGet(reportUrl(BASE, t), NOW));
  expect(response.statusCode).toBe(200);
  return { html: response.body, policy: response.headers['content-security-policy']! };
}

async function screenshot(browser: string, html: string, name: string) {
  const file = path.join(dir, `${name}.html`);
  fs.writeFileSync(file, html);
  return readPng((await renderInChromium(browser, file, WINDOW)).png);
}

function withPolicy(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy.replace(/"/g, '&quot;')}">`;
  return html.replace('<meta charset="utf-8">', `<meta charset="utf-8">${meta}`);
}

describe('the served report in a browser', () => {
  it('looks the same under its content security policy as without one', async () => {
    // Prepare
    const { html, policy } = await served();
    const metaPolicy = policy
      .split('; ')
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; ');

    // Act
    const sheetOnly = metaPolicy.replace(/ 'unsafe-hashes'[^;]*/, '');
    const [open, guarded, noAttributes, blocked] = await Promise.all([
      screenshot(chromium, html, 'open'),
      screenshot(chromium, withPolicy(html, metaPolicy), 'guarded'),
      screenshot(chromium, withPolicy(html, sheetOnly), 'sheet-only'),
      screenshot(chromium, withPolicy(html, "default-src 'none'; style-src 'none'"), 'blocked'),
    ]);

    // Assess
    expect(guarded.width).toBe(open.width);
    expect(Buffer.compare(Buffer.from(guarded.rgba), Buffer.from(open.rgba))).toBe(0);
    // the controls: had the policy blocked the attributes or the sheet, the comparison above would fail
    expect(sheetOnly).not.toContain('unsafe-hashes');
    expect(Buffer.compare(Buffer.from(noAttributes.rgba), Buffer.from(open.rgba))).not.toBe(0);
    expect(Buffer.compare(Buffer.from(blocked.rgba), Buffer.from(open.rgba))).not.toBe(0);
  }, 90_000);
});
