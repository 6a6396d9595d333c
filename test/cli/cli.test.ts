import * as fs from 'fs';
import * as path from 'path';
import { cli, CONFIG, CONFIG_FOLLOWING_RTC_1, storeWithRenewedRtc1, tempDir, writeConfig } from './cli-harness';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('renewal-guard validate', () => {
  it('accepts a valid document and summarises it', async () => {
    const config = writeConfig(dir);

    const run = await cli(['validate', '--config', config], { cwd: dir });

    expect(run).toEqual({
      code: 0,
      stdout:
        'renewal-guard.yaml is valid: 2 services, 1 account, 1 channel; calendar CN, time zone Asia/Shanghai, daily check at 09:30\n',
      stderr: '',
    });
  });

  it('rejects an invalid document with exit 2 and one line per problem, naming each path', async () => {
    // Prepare: an impossible date, an unknown zone and a dangling account reference
    const config = writeConfig(
      dir,
      CONFIG.replace('timeZone: Asia/Shanghai', 'timeZone: Asia/Shangai')
        .replace('expiresOn: 2026-10-09', 'expiresOn: 2026-02-30')
        .replace('account: contracts', 'account: contract'),
    );

    // Act
    const run = await cli(['validate', '--config', config], { cwd: dir });

    // Assess
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([
      'timeZone: "Asia/Shangai" is not an IANA time zone',
      'services[0].account: "contract" is not an account id (known: contracts)',
      'services[0].expiresOn: "2026-02-30" is not a calendar date (expected YYYY-MM-DD)',
      'renewal-guard: renewal-guard.yaml is invalid (3 problems)',
      '',
    ]);
  });

  it('says which file is missing', async () => {
    const run = await cli(['validate', '--config', 'nope.yaml'], { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `${path.join(dir, 'nope.yaml')}: file not found\nrenewal-guard: nope.yaml is invalid (1 problem)\n`,
    );
  });

  it('prints one JSON document with --json', async () => {
    const config = writeConfig(dir);

    const run = await cli(['validate', '--config', config, '--json'], { cwd: dir });

    expect(JSON.parse(run.stdout)).toEqual({ valid: true, services: 2, accounts: 1, channels: 1, warnings: [] });
  });

  it('prints the problems of an invalid document as one JSON document with --json, and still exits 2', async () => {
    // Prepare
    const config = writeConfig(dir, CONFIG.replace('expiresOn: 2026-10-09', 'expiresOn: 2026-13-01'));

    // Act
    const run = await cli(['validate', '--config', config, '--json'], { cwd: dir });

    // Assess
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({
      valid: false,
      problems: [
        { path: 'services[0].expiresOn', message: '"2026-13-01" is not a calendar date (expected YYYY-MM-DD)' },
      ],
    });
    expect(run.stderr.split('\n').pop()).toBe('');
    expect(run.stderr).toContain('renewal-guard: renewal-guard.yaml is invalid (1 problem)\n');
  });
});

describe('renewal-guard preview', () => {
  it('prints the contract array, sorted by date then service, with channels filtered by severity', async () => {
    const config = writeConfig(dir);

    const run = await cli(['preview', '--config', config, '--from', '2026-09-29', '--days', '10', '--json'], {
      cwd: dir,
    });

    expect(run.code).toBe(0);
    const items = JSON.parse(run.stdout) as Record<string, unknown>[];
    // every item also carries its alert key and message
    expect(items.every((item) => typeof item.key === 'string' && typeof item.message === 'string')).toBe(true);
    expect(items.map(({ key: _key, message: _message, ...rest }) => rest)).toEqual([
      {
        date: '2026-09-29',
        serviceId: 'live-rtc',
        kind: 'expiry',
        tier: 15,
        daysLeft: 10,
        severity: 'warning',
        channels: ['ops'],
      },
      {
        date: '2026-09-29',
        serviceId: 'voice-room',
        kind: 'expiry',
        tier: 30,
        daysLeft: 21,
        severity: 'info',
        channels: [],
      },
      // 09-30 is the last working day before National Day: live-rtc expires within 5 working days after it
      {
        date: '2026-09-30',
        kind: 'holiday-readiness',
        severity: 'warning',
        channels: ['ops'],
      },
      {
        date: '2026-09-30',
        serviceId: 'live-rtc',
        kind: 'expiry',
        tier: 7,
        daysLeft: 9,
        severity: 'critical',
        channels: ['ops'],
      },
      {
        date: '2026-09-30',
        serviceId: 'voice-room',
        kind: 'expiry',
        tier: 15,
        daysLeft: 20,
        severity: 'warning',
        channels: ['ops'],
      },
      {
        date: '2026-10-08',
        serviceId: 'live-rtc',
        kind: 'expiry',
        tier: 1,
        daysLeft: 1,
        severity: 'emergency',
        channels: ['ops'],
      },
    ]);
  });

  it("names a guard-wide alert's subject guard in the table, as check does, not an account without an id", async () => {
    // Prepare: on 2026-09-30 the guard sends live-app's readiness notice before National Day
    const config = writeConfig(dir);

    // Act
    const run = await cli(['preview', '--config', config, '--from', '2026-09-30', '--days', '1'], { cwd: dir });

    // Assess
    expect(run.code).toBe(0);
    const readiness = run.stdout.split('\n').filter((line) => line.includes('holiday-readiness'));
    expect(readiness.map((line) => line.split(/ +/).slice(0, 3))).toEqual([
      ['2026-09-30', 'guard', 'holiday-readiness'],
    ]);
    expect(run.stdout).not.toMatch(/account +holiday-readiness/);
  });

  it('forecasts a service that follows its entitlement from the expiry the last check saw at the vendor, as the cycle does', async () => {
    // Prepare: live-rtc follows rtc-1, which the last poll saw renewed from 2026-10-09 to 2027-10-09
    const config = writeConfig(dir, CONFIG_FOLLOWING_RTC_1);
    await storeWithRenewedRtc1(path.join(dir, '.renewal-guard'));

    // Act
    const run = await cli(['preview', '--config', config, '--from', '2026-09-29', '--days', '10', '--json'], {
      cwd: dir,
    });

    // Assess: none of the old date's tiers (15 on 09-29, 7 on 09-30, 1 on 10-08)
    expect(run.code).toBe(0);
    const keys = (JSON.parse(run.stdout) as Array<{ key: string }>).map((i) => i.key);
    expect(keys.filter((k) => k.startsWith('live-rtc:'))).toEqual([]);
    expect(keys).toContain('voice-room:expiry:2026-10-20:30');
  });

  it('defaults --from to today in the config time zone', async () => {
    const config = writeConfig(dir);

    // 2026-09-29T20:00Z is already 09-30 in Shanghai
    const run = await cli(['preview', '--config', config, '--days', '1', '--json'], {
      cwd: dir,
      now: '2026-09-29T20:00:00Z',
    });

    // two tiers and National Day's readiness notice
    expect(JSON.parse(run.stdout).map((r: { date: string }) => r.date)).toEqual([
      '2026-09-30',
      '2026-09-30',
      '2026-09-30',
    ]);
  });

  it('rejects a bad --from or --days with exit 2', async () => {
    const config = writeConfig(dir);

    const from = await cli(['preview', '--config', config, '--from', '2026-13-01'], { cwd: dir });
    const days = await cli(['preview', '--config', config, '--days', '1.5'], { cwd: dir });

    expect([from.code, from.stderr]).toEqual([
      2,
      'renewal-guard: --from: "2026-13-01" is not a calendar date from 2000 to 2199 (expected YYYY-MM-DD)\n',
    ]);
    expect([days.code, days.stderr]).toEqual([
      2,
      'renewal-guard: --days: "1.5" must be a whole number of days from 1 to 3660\n',
    ]);
  });
});

describe('renewal-guard check', () => {
  it('runs a cycle on the embedded store and prints the contract document', async () => {
    const config = writeConfig(dir);

    const run = await cli(['check', '--config', config, '--now', '2026-09-30T09:30:00+08:00', '--json'], { cwd: dir });

    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.now).toBe('2026-09-30T09:30:00+08:00');
    expect(report.accounts).toEqual([{ id: 'contracts', vendor: 'manual', status: 'ok' }]);
    expect(
      report.alerts.map((a: { key: string; daysLeft: number; severity: string }) => [a.key, a.daysLeft, a.severity]),
    ).toEqual([
      ['_guard:holiday-readiness:2026-10-01:live-app', undefined, 'warning'], // the eve of National Day
      ['live-rtc:expiry:2026-10-09:7', 9, 'critical'],
      ['voice-room:expiry:2026-10-20:15', 20, 'warning'],
    ]);
    expect(fs.existsSync(path.join(dir, '.renewal-guard'))).toBe(true);
  });

  it('counts the services it evaluated in the singular when there is one', async () => {
    // Prepare: the harness document without its second service
    const config = writeConfig(dir, CONFIG.replace(/  - id: voice-room\n(    .*\n)+/, ''));

    // Act
    const run = await cli(['check', '--config', config, '--now', '2026-09-30T09:30:00+08:00'], { cwd: dir });

    // Assess
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/: 1 service evaluated\.$/);
  });

  it('fires nothing new when the same check runs twice on one store', async () => {
    const config = writeConfig(dir);
    const args = ['check', '--config', config, '--now', '2026-09-30T09:30:00+08:00', '--store', 'store', '--json'];

    await cli(args, { cwd: dir });
    const again = await cli(args, { cwd: dir });

    expect(JSON.parse(again.stdout).alerts).toEqual([]);
  });

  it('tells a newcomer in plain text what fired and why nothing else did', async () => {
    const config = writeConfig(dir);
    const args = ['check', '--config', config, '--now', '2026-09-30T09:30:00+08:00'];

    const first = await cli(args, { cwd: dir });
    const second = await cli(args, { cwd: dir });

    expect(first.stdout).toContain('Alerts fired this cycle (3)');
    expect(first.stdout).toContain('live-rtc:expiry:2026-10-09:7');
    expect(first.stdout).toContain('Today is the last working day before 2026-10-01 to 2026-10-07 (7 days off)');
    expect(second.stdout).toContain('No new alerts: nothing is due that was not already sent.');
  });

  it('rejects an instant without an offset, which would silently be the wrong local day', async () => {
    const config = writeConfig(dir);

    const run = await cli(['check', '--config', config, '--now', '2026-09-30'], { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'renewal-guard: --now: "2026-09-30" is not a real instant: give ISO-8601 with an offset, e.g. ' +
        '2026-09-30T09:30:00+08:00 (a day that exists, hours 00-23, years 2000 to 2199)\n',
    );
  });

  it('writes nothing when the config is invalid', async () => {
    const config = writeConfig(dir, CONFIG.replace('expiresOn: 2026-10-09', 'expiresOn: 2026-02-30'));

    const run = await cli(['check', '--config', config], { cwd: dir });

    expect(run.code).toBe(2);
    expect(fs.existsSync(path.join(dir, '.renewal-guard'))).toBe(false);
  });
});

describe('renewal-guard', () => {
  it('answers an unknown command with exit 2 and a suggestion', async () => {
    const run = await cli(['previw'], { cwd: dir });

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(Did you mean preview?)');
  });

  it('runs the demo with no AWS account and no network, and cleans up after itself', async () => {
    const run = await cli(['demo', '--json'], { cwd: dir });

    expect(run.code).toBe(0);
    const { steps } = JSON.parse(run.stdout);
    expect(steps.map((s: { step: string }) => s.step)).toEqual([
      'validate',
      'preview',
      'check',
      'check-again',
      'preview-with-balances',
      'check-after-renewal',
    ]);
    const check = steps.find((s: { step: string }) => s.step === 'check').output;
    expect(check.alerts.map((a: { key: string }) => a.key)).toContain('live-rtc:expiry:2026-10-09:7');
    expect(steps.find((s: { step: string }) => s.step === 'check-again').output.alerts).toEqual([]);
    // with the balances the check stored, preview forecasts the Twilio runway falling through its tiers
    const forecast = steps.find((s: { step: string }) => s.step === 'preview-with-balances').output as {
      accountId?: string;
      kind: string;
      severity: string;
      date: string;
    }[];
    expect(forecast.filter((i) => i.accountId === 'twilio-video').map((i) => [i.date, i.kind, i.severity])).toEqual([
      ['2026-09-30', 'runway', 'warning'],
      ['2026-10-13', 'runway', 'critical'],
      ['2026-10-15', 'runway', 'emergency'],
    ]);
  }, 30_000); // the whole tour: five commands, three cycles against the vendor sandbox
});
