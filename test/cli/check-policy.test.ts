/** What `check` shows of the alert policy: held alerts during quiet hours, follow-ups, account subjects. */
import * as fs from 'fs';
import { cli, CONFIG, tempDir, writeConfig } from './cli-harness';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const QUIET = CONFIG.replace('calendar: CN\n', 'calendar: CN\nquietHours: { from: "22:00", to: "08:00" }\n');

describe('renewal-guard check and the alert policy', () => {
  it('lists the alerts quiet hours hold, with the local instant they go out', async () => {
    const config = writeConfig(dir, QUIET);

    const run = await cli(['check', '--config', config, '--now', '2026-09-30T23:00:00+08:00'], { cwd: dir });
    const json = await cli(['check', '--config', config, '--now', '2026-09-30T23:30:00+08:00', '--json'], {
      cwd: dir,
    });

    expect(run.code).toBe(0);
    // the 7-day tier of live-rtc is critical: held; nothing here is an emergency
    expect(run.stdout).toContain('Held until quiet hours (22:00–08:00) end');
    expect(run.stdout).toMatch(/live-rtc:expiry:2026-10-09:7\s+2026-10-01T08:00:00\+08:00/);
    // a second check finds the same held entries and fires nothing new
    const document = JSON.parse(json.stdout) as { alerts: unknown[]; held?: { key: string; notBefore: string }[] };
    expect(document.alerts).toEqual([]);
    expect(document.held).toBeUndefined(); // nothing is sent without --send, so nothing is waiting in an outbox
  });

  it("shows each alert's subject and kind", async () => {
    const config = writeConfig(dir);

    const run = await cli(['check', '--config', config, '--now', '2026-09-30T09:30:00+08:00'], { cwd: dir });

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/severity\s+subject\s+kind\s+tier\s+days left\s+channels\s+key/);
    expect(run.stdout).toMatch(/critical\s+live-rtc\s+expiry\s+7d/);
  });
});
