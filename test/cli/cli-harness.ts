import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { openEmbeddedStore } from '../../lambda/cli/embedded-store';
import { runCli } from '../../lambda/cli/program';
import { initialAccountState } from '../../lambda/core/accounts';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with a pinned clock, in `cwd`. */
export async function cli(
  argv: string[],
  options: { cwd: string; now?: string; env?: NodeJS.ProcessEnv },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    cwd: options.cwd,
    env: options.env ?? {},
    now: () => new Date(options.now ?? '2026-09-30T09:30:00+08:00'),
  });
  return { code, stdout, stderr };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-test-'));
}

export const CONFIG = `version: 1
timeZone: Asia/Shanghai
checkTime: "09:30"
calendar: CN
accounts:
  - id: contracts
    vendor: manual
services:
  - id: live-rtc
    name: Live app RTC
    project: live-app
    account: contracts
    kind: subscription
    expiresOn: 2026-10-09
    owners: [alice@example.com]
  - id: voice-room
    name: 语音房
    project: voice
    kind: package
    expiresOn: 2026-10-20
    owners: [bob@example.com]
    channels: [ops]
channels:
  - id: ops
    type: email
    to: [ops@example.com]
    minSeverity: warning
# these tests are not about owner email (test/cli/owner-email.test.ts is); off, so validate has nothing to warn
ownerEmail: { enabled: false }
`;

export function writeConfig(dir: string, text = CONFIG, name = 'renewal-guard.yaml'): string {
  fs.writeFileSync(path.join(dir, name), text);
  return name;
}

/** CONFIG with live-rtc following the vendor entitlement `rtc-1` of its account (contracts). */
export const CONFIG_FOLLOWING_RTC_1 = CONFIG.replace(
  '    account: contracts\n',
  '    account: contracts\n    entitlement: rtc-1\n',
);

/**
 * An embedded store in `storeDir` as a `check` leaves it after a poll that saw `rtc-1` renewed to
 * `expiresOn`: the account state of contracts with that entitlement.
 */
export async function storeWithRenewedRtc1(storeDir: string, expiresOn = '2027-10-09'): Promise<void> {
  const store = await openEmbeddedStore({ dir: storeDir });
  try {
    await store.registry.saveAccountStates([
      { ...initialAccountState('contracts'), entitlements: [{ id: 'rtc-1', name: 'RTC plan', expiresOn }] },
    ]);
  } finally {
    await store.close();
  }
}
