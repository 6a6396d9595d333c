import * as fs from 'fs';
import * as path from 'path';
import { openEmbeddedStore } from '../../lambda/cli/embedded-store';
import { cli, CONFIG_FOLLOWING_RTC_1, storeWithRenewedRtc1, tempDir, writeConfig } from '../cli/cli-harness';
import { sampleService } from '../support/model-fixtures';

describe('renewal-guard report', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
    writeConfig(dir);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the page and prints its path', async () => {
    // Act
    const run = await cli(['report', '--config', 'renewal-guard.yaml', '--out', 'out/report.html'], { cwd: dir });

    // Assess
    const out = path.join(dir, 'out', 'report.html');
    expect(run).toEqual({ code: 0, stdout: `${out}\n`, stderr: '' });
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<div class="name">Live app RTC</div>');
    expect(html).toContain('<div class="name">语音房</div>');
    expect(html).toContain('Generated <b>2026-09-30 09:30</b> (UTC+08:00)');
  });

  it('prints the path and the counts as one JSON document with --json', async () => {
    // Act
    const run = await cli(['report', '--config', 'renewal-guard.yaml', '--out', 'r.html', '--json'], { cwd: dir });

    // Assess
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ out: path.join(dir, 'r.html'), services: 2, accounts: 1 });
  });

  it('draws the timeline over the days it is asked for', async () => {
    // Act
    const run = await cli(
      ['report', '--config', 'renewal-guard.yaml', '--out', 'r.html', '--from', '2026-10-01', '--days', '30'],
      { cwd: dir },
    );

    // Assess
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'r.html'), 'utf8')).toContain(
      'aria-label="Renewal timeline from 2026-10-01 to 2026-10-31"',
    );
  });

  it('adds the services the embedded registry still holds to the declared ones', async () => {
    // Prepare: a store that also holds a service the file no longer declares
    const store = await openEmbeddedStore({ dir: path.join(dir, 'store') });
    try {
      await store.registry.syncDeclaredServices(
        [sampleService({ id: 'old-sms', name: 'Old SMS package', project: 'legacy', expiresOn: '2026-10-05' })],
        '2026-09-01T00:00:00Z',
      );
    } finally {
      await store.close();
    }

    // Act
    const run = await cli(
      ['report', '--config', 'renewal-guard.yaml', '--store', 'store', '--out', 'r.html', '--json'],
      {
        cwd: dir,
      },
    );

    // Assess
    expect(JSON.parse(run.stdout)).toMatchObject({ services: 3 });
    expect(fs.readFileSync(path.join(dir, 'r.html'), 'utf8')).toContain('<div class="name">Old SMS package</div>');
  });

  it('draws the runway of an account from the daily balances the registry keeps', async () => {
    // Prepare
    const store = await openEmbeddedStore({ dir: path.join(dir, 'store') });
    try {
      await store.registry.saveAccountStates([
        {
          accountId: 'contracts',
          consecutiveFailures: 0,
          currency: 'CNY',
          history: [
            { date: '2026-09-28', balance: 3000, spend: 100 },
            { date: '2026-09-29', balance: 2900, spend: 100 },
            { date: '2026-09-30', balance: 2800, spend: 100 },
          ],
        },
      ]);
    } finally {
      await store.close();
    }

    // Act
    const run = await cli(['report', '--config', 'renewal-guard.yaml', '--store', 'store', '--out', 'r.html'], {
      cwd: dir,
    });

    // Assess
    expect(run.code).toBe(0);
    const html = fs.readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(html).toContain('<svg class="runway"');
    expect(html).toContain('runway <b>28 days</b>, runs out <b>28 Oct 2026</b>');
    expect(html).toContain('2,800 CNY');
  });

  it('shows the expiry the vendor reports for a service that follows its entitlement, as the cycle does', async () => {
    // Prepare: live-rtc follows entitlement rtc-1, which the last poll saw renewed to 2027-10-09
    writeConfig(dir, CONFIG_FOLLOWING_RTC_1);
    await storeWithRenewedRtc1(path.join(dir, 'store'));

    // Act
    const run = await cli(['report', '--config', 'renewal-guard.yaml', '--store', 'store', '--out', 'r.html'], {
      cwd: dir,
    });

    // Assess: the declared 2026-10-09 would read "9 days left"
    expect(run.code).toBe(0);
    const row = fs
      .readFileSync(path.join(dir, 'r.html'), 'utf8')
      .split('</tr>')
      .find((r) => r.includes('<div class="name">Live app RTC</div>'));
    expect(row).toContain('2027-10-09');
    expect(row).not.toContain('2026-10-09');
  });

  it.each([
    [['--config', 'renewal-guard.yaml'], 'renewal-guard: --out FILE is required (where to write the HTML page)\n'],
    [
      ['--config', 'renewal-guard.yaml', '--out', 'r.html', '--from', '2026-02-30'],
      'renewal-guard: --from: "2026-02-30" is not a calendar date from 2000 to 2199 (expected YYYY-MM-DD)\n',
    ],
    [
      ['--config', 'renewal-guard.yaml', '--out', 'r.html', '--days', '0'],
      'renewal-guard: --days: "0" must be a whole number of days from 1 to 3660\n',
    ],
    [['--out', 'r.html'], 'renewal-guard: --config FILE is required (a YAML or JSON document, see the README)\n'],
  ])('exits 2 with one line for bad options: %j', async (args, stderr) => {
    // Act
    const run = await cli(['report', ...args], { cwd: dir });

    // Assess
    expect(run).toEqual({ code: 2, stdout: '', stderr });
    expect(fs.existsSync(path.join(dir, 'r.html'))).toBe(false);
  });

  it('exits 2 when the store it is pointed at does not exist', async () => {
    // Act
    const run = await cli(['report', '--config', 'renewal-guard.yaml', '--store', 'nope', '--out', 'r.html'], {
      cwd: dir,
    });

    // Assess
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `renewal-guard: --store: ${path.join(dir, 'nope')} does not exist (run renewal-guard check first, or leave --store out)\n`,
    });
  });

  it('says --out cannot be written, as calendar does, when its folder cannot be made', async () => {
    // Prepare: a file where the page's folder would go
    fs.writeFileSync(path.join(dir, 'reports'), '');

    // Act
    const run = await cli(['report', '--config', 'renewal-guard.yaml', '--out', 'reports/r.html'], { cwd: dir });

    // Assess
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: 'renewal-guard: --out: cannot write reports/r.html (EEXIST)\n',
    });
  });
});
