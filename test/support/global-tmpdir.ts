/**
 * The test run's temporary files in one folder of their own, removed when the run ends: CDK's `cdk.out`
 * folders (an App without an outdir makes one per synth and never removes it), the construct's staged
 * code, stores, receivers' files. Without it a full run left about 15 GB in the system temp folder.
 *
 * Set in jest's parent process before any worker starts (workers inherit its environment), because a
 * test file's `process.env` is a copy: TMPDIR set there never reaches `os.tmpdir()`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const RUN_TMPDIR_ENV = 'RENEWAL_GUARD_TEST_TMPDIR';

export function createRunTmpdir(): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-guard-jest-'));
  // it stands in for the system temp folder, which every user may use (a test runs the CLI as nobody)
  fs.chmodSync(root, 0o1777);
  process.env[RUN_TMPDIR_ENV] = root;
  process.env.TMPDIR = root;
}

export function removeRunTmpdir(): void {
  const root = process.env[RUN_TMPDIR_ENV];
  if (root === undefined) return;
  fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
