/**
 * The browser of the visual tests, set up by the tests themselves: the README's `npm test` passes on a
 * fresh Debian machine with nothing installed by hand. Headless Chromium (Debian `chromium`) draws the
 * report, and Noto Sans CJK (Debian `fonts-noto-cjk`) draws its Chinese service names: without it they
 * are empty boxes.
 *
 * What is missing is installed with apt-get when that is possible and permitted (root, apt-get present,
 * RENEWAL_GUARD_NO_APT unset). Jest runs test files in parallel workers: a lock file lets one worker
 * install while the others wait, then look again. A browser that cannot be had fails the test with the
 * reason and the command that would fix it — never a skip.
 */
import { execFile, execFileSync } from 'child_process';
import { accessSync, closeSync, constants, openSync, readFileSync, unlinkSync, writeSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findChromium } from '../report/headless-chromium';

/** The font family the report's font stack names for Chinese text, as fontconfig knows it. */
export const CJK_FONT_FAMILY = 'Noto Sans CJK SC';

/** The Debian package that brings each thing the visual tests need (chromium brings fontconfig too). */
export const BROWSER_PACKAGES = { chromium: 'chromium', cjkFont: 'fonts-noto-cjk', fontconfig: 'fontconfig' } as const;

/** Set to 1 to forbid the tests from installing anything (they then fail, naming what to install). */
export const NO_APT_ENV = 'RENEWAL_GUARD_NO_APT';

/** The command that installs these Debian packages. */
export function installCommand(packages: readonly string[]): string {
  return `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/** Everything the visual tests need, on a machine with none of it. */
export const INSTALL_COMMAND = installCommand([BROWSER_PACKAGES.chromium, BROWSER_PACKAGES.cjkFont]);

/** What this machine has, as far as the visual tests are concerned. */
export interface BrowserFacts {
  /** The Chromium executable, if installed. */
  readonly chromium?: string;
  /** Whether fontconfig knows CJK_FONT_FAMILY. */
  readonly cjkFont: boolean;
  /** Whether fontconfig's `fc-list` is there (to look fonts up; the font test's control uses it too). */
  readonly fontconfig?: boolean;
  /** apt-get's path, if there is one. */
  readonly aptGet?: string;
  readonly root: boolean;
  /** False when NO_APT_ENV forbids installing. */
  readonly aptAllowed: boolean;
}

export type BrowserPlan =
  | { readonly action: 'use'; readonly chromium: string }
  | { readonly action: 'install'; readonly packages: readonly string[] }
  | { readonly action: 'fail'; readonly reason: string };

/** What to do about the facts: use the browser, install the missing packages, or fail saying why. */
export function planBrowser(facts: BrowserFacts): BrowserPlan {
  const missing = [
    ...(facts.chromium ? [] : [BROWSER_PACKAGES.chromium]),
    ...(facts.cjkFont ? [] : [BROWSER_PACKAGES.cjkFont]),
    ...(facts.fontconfig === false ? [BROWSER_PACKAGES.fontconfig] : []),
  ];
  if (missing.length === 0) return { action: 'use', chromium: facts.chromium! };
  const what =
    `the report's browser tests need ${missing.join(' and ')} ` +
    `(${facts.chromium ? '' : 'no chromium on PATH or at /usr/bin/chromium'}` +
    `${!facts.chromium && !facts.cjkFont ? '; ' : ''}` +
    `${facts.cjkFont ? '' : facts.fontconfig === false ? 'no fc-list to find fonts with' : `fontconfig has no "${CJK_FONT_FAMILY}"`})`;
  const by = `install ${missing.length > 1 ? 'them' : 'it'}: ${installCommand(missing)}`;
  if (!facts.aptAllowed) return { action: 'fail', reason: `${what}, and ${NO_APT_ENV} forbids installing; ${by}` };
  if (!facts.aptGet) return { action: 'fail', reason: `${what}, and this machine has no apt-get; ${by} or equivalent` };
  if (!facts.root) return { action: 'fail', reason: `${what}, and only root may install; as root, ${by}` };
  return { action: 'install', packages: missing };
}

/** The facts of this machine. */
export function browserFacts(env: NodeJS.ProcessEnv = process.env): BrowserFacts {
  const chromium = findChromium(env.PATH ?? '');
  const apt = findExecutable('apt-get', env.PATH ?? '', '/usr/bin/apt-get');
  return {
    ...(chromium && { chromium }),
    cjkFont: hasFontFamily(CJK_FONT_FAMILY),
    fontconfig: findExecutable('fc-list', env.PATH ?? '', '/usr/bin/fc-list') !== undefined,
    ...(apt && { aptGet: apt }),
    root: typeof process.getuid === 'function' && process.getuid() === 0,
    aptAllowed: !['1', 'true'].includes(env[NO_APT_ENV] ?? ''),
  };
}

/** Whether fontconfig lists the family (false where fontconfig itself is missing: nothing could draw it). */
export function hasFontFamily(family: string): boolean {
  try {
    const out = execFileSync('fc-list', [family, 'family'], { encoding: 'utf8', timeout: 30_000 });
    return out.split('\n').some((line) => line.split(',').some((name) => name.trim() === family));
  } catch {
    return false;
  }
}

let ready: Promise<string> | undefined;

/**
 * The Chromium executable, with the CJK font, installed first if need be. Rejects with the reason when
 * they cannot be had. Give the calling hook a long timeout: a first install downloads about 150 MB.
 */
export function ensureBrowser(): Promise<string> {
  ready ??= setUp().catch((e: unknown) => {
    ready = undefined;
    throw e;
  });
  return ready;
}

async function setUp(): Promise<string> {
  let plan = planBrowser(browserFacts());
  if (plan.action === 'use') return plan.chromium;
  if (plan.action === 'fail') throw new Error(plan.reason);

  const release = await acquireLock(LOCK_FILE);
  try {
    // another worker may have installed while this one waited
    plan = planBrowser(browserFacts());
    if (plan.action === 'install') {
      process.stderr.write(`installing ${plan.packages.join(' ')} for the report's browser tests (apt-get)\n`);
      await aptGet(['update'], 'apt-get update');
      await aptGet(
        ['install', '-y', '--no-install-recommends', ...plan.packages],
        `apt-get install ${plan.packages.join(' ')}`,
      );
      plan = planBrowser(browserFacts());
    }
  } finally {
    release();
  }
  if (plan.action === 'use') return plan.chromium;
  throw new Error(
    plan.action === 'fail'
      ? plan.reason
      : `apt-get reported success, yet ${plan.packages.join(' and ')} still cannot be found; ${installCommand(plan.packages)}`,
  );
}

const LOCK_FILE = path.join(os.tmpdir(), 'renewal-guard-browser-install.lock');
const INSTALL_TIMEOUT_MS = 15 * 60_000;

/** The timeout for a hook that calls ensureBrowser(): waiting for the lock, then installing. */
export const BROWSER_SETUP_TIMEOUT_MS = 2 * INSTALL_TIMEOUT_MS + 60_000;

function aptGet(args: readonly string[], what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      'apt-get',
      ['-o', 'DPkg::Lock::Timeout=600', ...args],
      {
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        timeout: INSTALL_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (!error) return resolve();
        const tail = `${stdout}\n${stderr}`.trim().split('\n').slice(-15).join('\n');
        reject(
          new Error(`${what} failed (${error.message.split('\n')[0]}); install by hand: ${INSTALL_COMMAND}\n${tail}`),
        );
      },
    );
  });
}

/**
 * Takes the lock file (created exclusively, holding our pid), waiting while a live process holds it. A
 * lock whose process is gone (a killed jest run) is taken over. Resolves with the release function.
 */
export async function acquireLock(file: string, waitMs = INSTALL_TIMEOUT_MS, pollMs = 500): Promise<() => void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = Number(readOrEmpty(file));
    if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
      try {
        unlinkSync(file);
      } catch {
        // another waiter took it over first
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`waited ${Math.round(waitMs / 1000)} s for ${file} (held by process ${holder}) to be released`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function findExecutable(name: string, searchPath: string, fallback: string): string | undefined {
  const candidates = [
    ...searchPath
      .split(path.delimiter)
      .filter(Boolean)
      .map((d) => path.join(d, name)),
    fallback,
  ];
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
