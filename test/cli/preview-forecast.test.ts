/** `preview` forecasts the policy's balance alerts from what `check` stored, as spend goes on at its rate. */
import * as fs from 'fs';
import * as path from 'path';
import { cli, tempDir } from './cli-harness';
import { openEmbeddedStore } from '../../lambda/cli/embedded-store';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const CONFIG = `version: 1
timeZone: Asia/Shanghai
checkTime: "09:30"
calendar: CN
accounts:
  - id: vonage-main
    vendor: vonage
    credentials: renewal-guard/vonage-main
    balance: { minAmount: 100, minRunwayDays: 10 }
services:
  - id: calls
    name: Calls
    project: voice
    account: vonage-main
    kind: prepaid
    owners: [bob@example.com]
channels:
  - { id: ops, type: email, to: [ops@example.com] }
`;

function writeConfig(): string {
  const file = path.join(dir, 'guard.yaml');
  fs.writeFileSync(file, CONFIG);
  return file;
}

/** What three daily checks would have stored: 300, 280, 260 EUR — 20 EUR a day. */
async function storeBalances(storeDir: string): Promise<void> {
  const store = await openEmbeddedStore({ dir: storeDir });
  try {
    await store.registry.saveAccountStates([
      {
        accountId: 'vonage-main',
        consecutiveFailures: 0,
        currency: 'EUR',
        history: [
          { date: '2026-11-19', balance: 300 },
          { date: '2026-11-20', balance: 280 },
          { date: '2026-11-21', balance: 260 },
        ],
      },
    ]);
  } finally {
    await store.close();
  }
}

describe('renewal-guard preview with stored balances', () => {
  it('forecasts when the runway and then the balance fall under the policy, at the current spend', async () => {
    const config = writeConfig();
    await storeBalances(path.join(dir, '.renewal-guard'));

    const run = await cli(['preview', '--config', config, '--from', '2026-11-21', '--days', '20', '--json'], {
      cwd: dir,
      now: '2026-11-21T09:30:00+08:00',
    });

    expect(run.code).toBe(0);
    const items = JSON.parse(run.stdout) as { date: string; accountId?: string; kind: string; severity: string }[];
    const account = items.filter((i) => i.accountId === 'vonage-main').map((i) => [i.date, i.kind, i.severity]);
    // 260 EUR at 20 EUR a day: 13 days today; under 10 days on 11-25 (180 EUR: 9 days), critical at
    // 3 days (12-01: 60 EUR), an emergency at a day or less (12-03: 20 EUR)
    expect(account).toEqual([
      ['2026-11-25', 'runway', 'warning'],
      ['2026-12-01', 'runway', 'critical'],
      ['2026-12-03', 'runway', 'emergency'],
    ]);
  });

  it('says how to get balance forecasts when no check has stored any', async () => {
    const config = writeConfig();

    const run = await cli(['preview', '--config', config, '--from', '2026-11-21', '--days', '20'], {
      cwd: dir,
      now: '2026-11-21T09:30:00+08:00',
    });

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('run `renewal-guard check` once to forecast balance and runway alerts');
    expect(fs.existsSync(path.join(dir, '.renewal-guard'))).toBe(false);
  });
});
