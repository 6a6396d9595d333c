import * as fs from 'fs';
import * as path from 'path';
import { cli, tempDir, writeConfig } from './cli-harness';
import { openEmbeddedStore } from '../../lambda/cli/embedded-store';

jest.setTimeout(60_000);

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const DOC = `version: 1
timeZone: Asia/Shanghai
calendar: weekends
accounts:
  - id: hw-main
    vendor: huawei
    credentials: renewal-guard/hw-main
services:
  - id: rtc-minutes
    name: RTC minutes
    project: live-app
    account: hw-main
    kind: package
    expiresOn: 2027-03-01
    owners: [alice@example.com]
    claims: ["pkg-rtc-*"]
channels:
  - id: ops
    type: email
    to: [ops@example.com]
`;

describe('renewal-guard preview lists what the last check found at the vendors and no service claims', () => {
  it('as a warning on the first day, naming the account and the entitlement', async () => {
    // Prepare: the snapshot a check stored yesterday, with one claimed and one unclaimed package
    const config = writeConfig(dir, DOC);
    const store = await openEmbeddedStore({ dir: path.join(dir, '.renewal-guard') });
    await store.registry.saveSnapshots([
      {
        accountId: 'hw-main',
        vendor: 'huawei',
        takenAt: '2026-09-29T01:30:00.000Z',
        entitlements: [
          { id: 'pkg-rtc-1', name: 'RTC minutes', expiresOn: '2027-03-01', remaining: 100, unit: 'min' },
          { id: 'pkg-cdn-9', name: 'CDN traffic', expiresOn: '2026-12-31', remaining: 50, unit: 'GB' },
        ],
      },
    ]);
    await store.close();

    // Act
    const run = await cli(['preview', '--config', config, '--json', '--days', '10'], { cwd: dir });

    // Assess
    expect(run.stderr).toBe('');
    const found = JSON.parse(run.stdout).filter((i: { kind: string }) => i.kind === 'not-in-inventory');
    expect(found).toEqual([
      {
        date: '2026-09-30',
        accountId: 'hw-main',
        kind: 'not-in-inventory',
        severity: 'warning',
        channels: ['ops'],
        key: 'hw-main:not-in-inventory:pkg-cdn-9',
        message: expect.stringContaining(
          'huawei account hw-main reports "CDN traffic" (pkg-cdn-9), which expires on 2026-12-31, 50 GB left',
        ),
      },
    ]);
  });
});
