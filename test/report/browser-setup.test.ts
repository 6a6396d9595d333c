/**
 * The visual tests' browser comes from the test setup: what is missing is installed when that is possible
 * and permitted, and otherwise the tests fail with the reason and the command that fixes it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  acquireLock,
  BROWSER_PACKAGES,
  hasFontFamily,
  INSTALL_COMMAND,
  NO_APT_ENV,
  planBrowser,
  type BrowserFacts,
} from '../support/browser-setup';

const READY: BrowserFacts = {
  chromium: '/usr/bin/chromium',
  cjkFont: true,
  aptGet: '/usr/bin/apt-get',
  root: true,
  aptAllowed: true,
};

describe('planning the browser of the visual tests', () => {
  it('uses an installed Chromium when the CJK font is there too', () => {
    expect(planBrowser(READY)).toEqual({ action: 'use', chromium: '/usr/bin/chromium' });
  });

  it('installs Chromium and the CJK font with apt-get when both are missing and root may install', () => {
    const { chromium: _, ...noChromium } = READY;
    expect(planBrowser({ ...noChromium, cjkFont: false })).toEqual({
      action: 'install',
      packages: ['chromium', 'fonts-noto-cjk'],
    });
  });

  it('installs fontconfig too where fc-list is missing, since fonts are looked up with it', () => {
    expect(planBrowser({ ...READY, cjkFont: false, fontconfig: false })).toEqual({
      action: 'install',
      packages: ['fonts-noto-cjk', 'fontconfig'],
    });
  });

  it('installs only what is missing', () => {
    expect(planBrowser({ ...READY, cjkFont: false })).toEqual({ action: 'install', packages: ['fonts-noto-cjk'] });
    const { chromium: _, ...noChromium } = READY;
    expect(planBrowser(noChromium)).toEqual({ action: 'install', packages: ['chromium'] });
  });

  it('fails with the reason when not root, naming what is missing and how to install it', () => {
    const { chromium: _, ...noChromium } = READY;
    const plan = planBrowser({ ...noChromium, root: false });
    expect(plan.action).toBe('fail');
    const reason = plan.action === 'fail' ? plan.reason : '';
    expect(reason).toContain('need chromium');
    expect(reason).toContain('only root may install');
    expect(reason).toContain(
      'as root, install it: apt-get update && apt-get install -y --no-install-recommends chromium',
    );
  });

  it('fails with the reason on a machine without apt-get', () => {
    const { aptGet: _, ...noApt } = READY;
    const plan = planBrowser({ ...noApt, cjkFont: false });
    expect(plan).toEqual({ action: 'fail', reason: expect.stringContaining('has no apt-get') });
    expect(plan.action === 'fail' && plan.reason).toContain('fontconfig has no "Noto Sans CJK SC"');
  });

  it(`fails with the reason when ${NO_APT_ENV} forbids installing, even as root`, () => {
    const { chromium: _, ...noChromium } = READY;
    expect(planBrowser({ ...noChromium, aptAllowed: false })).toEqual({
      action: 'fail',
      reason: expect.stringContaining(`${NO_APT_ENV} forbids installing`),
    });
  });

  it('names the Debian packages the README and CI rely on', () => {
    expect(BROWSER_PACKAGES).toEqual({ chromium: 'chromium', cjkFont: 'fonts-noto-cjk', fontconfig: 'fontconfig' });
    expect(INSTALL_COMMAND).toBe(
      'apt-get update && apt-get install -y --no-install-recommends chromium fonts-noto-cjk',
    );
  });

  it('does not take a family fontconfig lacks for an installed one', () => {
    expect(hasFontFamily('No Such Font Family 0xdeadbeef')).toBe(false);
  });
});

describe('the install lock', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-lock-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets one holder in at a time: a second waits until the first releases', async () => {
    // Prepare
    const file = path.join(dir, 'install.lock');
    const order: string[] = [];
    const releaseFirst = await acquireLock(file, 5_000, 20);
    expect(fs.readFileSync(file, 'utf8')).toBe(String(process.pid));

    // Act
    const second = acquireLock(file, 5_000, 20).then((release) => {
      order.push('second acquired');
      release();
    });
    await new Promise((r) => setTimeout(r, 150));
    order.push('first releases');
    releaseFirst();
    await second;

    // Assess
    expect(order).toEqual(['first releases', 'second acquired']);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('takes over a lock left by a process that is gone', async () => {
    // Prepare: a pid that no process has (beyond the kernel's pid_max)
    const file = path.join(dir, 'install.lock');
    fs.writeFileSync(file, '99999999');

    // Act
    const release = await acquireLock(file, 1_000, 20);

    // Assess
    expect(fs.readFileSync(file, 'utf8')).toBe(String(process.pid));
    release();
  });

  it('gives up naming the holder when a live process keeps the lock past the wait', async () => {
    const file = path.join(dir, 'install.lock');
    fs.writeFileSync(file, String(process.ppid));
    await expect(acquireLock(file, 100, 20)).rejects.toThrow(`held by process ${process.ppid}`);
  });
});
